package com.policyconsole.domain.port;

import com.policyconsole.domain.model.history.CloudOutcome;

/** A read from the cloud (search, list, definitions) that did not succeed; carries the outcome. */
public class CloudReadException extends RuntimeException {

    private final transient CloudOutcome outcome;

    public CloudReadException(String message, CloudOutcome outcome) {
        super(message);
        this.outcome = outcome;
    }

    public CloudOutcome outcome() {
        return outcome;
    }
}
