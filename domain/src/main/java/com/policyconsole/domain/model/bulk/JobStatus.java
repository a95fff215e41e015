package com.policyconsole.domain.model.bulk;

/** A bulk job's state: deliveries still to run, cancelled (no more sent), or every delivery final. */
public enum JobStatus {
    RUNNING,
    CANCELLED,
    FINISHED
}
