package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.history.PendingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where submissions held for approval are kept: history entries AWAITING_APPROVAL with their holds. */
public interface ApprovalStore {

    /**
     * Records the request as AWAITING_APPROVAL with its hold and returns its entry ID.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when it cannot be recorded
     */
    long recordAwaiting(PendingRequest request, ApprovalHold hold);

    /** The entry's hold, if it was held. */
    Optional<ApprovalHold> hold(long entryId);

    /** Up to {@code limit} entries still awaiting approval, newest first, older than entry {@code before} if given. */
    List<Long> awaiting(Long before, int limit);

    /**
     * Decides an entry still AWAITING_APPROVAL and unexpired at {@code at}: approved (it becomes PENDING, to be sent)
     * or rejected (REJECTED). False when it was decided, expired or is not held.
     */
    boolean decide(long entryId, boolean approved, String by, String reason, Instant at);

    /** Marks the held entries whose time ran out by {@code at} EXPIRED; how many. */
    int expire(Instant at);
}
