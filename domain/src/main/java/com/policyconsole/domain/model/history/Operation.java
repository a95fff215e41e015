package com.policyconsole.domain.model.history;

/** The kinds of cloud request the console sends and records. */
public enum Operation {
    CREATE_EMERGENCY_POLICY,
    RETRY_EMERGENCY_POLICY,
    REMOVE_EMERGENCY_POLICY,
    CHANGE_POLICY_AGEING,
    ADD_CONFIG_RULE,
    ENABLE_CONFIG_RULE,
    DISABLE_CONFIG_RULE,
    EVALUATE_CONFIG_RULE,
    UPDATE_CONFIG_RULE,
    DELETE_CONFIG_RULE
}
