package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.port.HistoryUnavailableException;
import java.time.Duration;

/** The durable record of every request: written before the cloud is called, completed after. */
public interface RequestHistory {

    /**
     * Records a request as pending and returns its entry ID.
     *
     * @throws HistoryUnavailableException when it cannot be recorded; the caller must then not call the cloud
     */
    long recordPending(PendingRequest request);

    /**
     * Records the outcome of entry {@code entryId} and how long the cloud call took.
     *
     * @throws HistoryUnavailableException when it cannot be recorded
     */
    void recordOutcome(long entryId, CloudOutcome outcome, Duration elapsed);
}
