package com.policyconsole.domain.model.history;

/** The kinds of cloud request the console sends and records. */
public enum Operation {
    CREATE_EMERGENCY_POLICY,
    RETRY_EMERGENCY_POLICY,
    ADD_CONFIG_RULE
}
