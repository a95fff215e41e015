package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.config.ConfigRule;
import java.util.Objects;

/**
 * An operation on a Config rule that exists, as a person asks for it.
 *
 * @param actor who asks
 * @param domainId the account
 * @param ruleId Config's ID of the rule
 * @param kind what to do
 * @param rule the rule as it should be after an update; null for the other operations
 * @param warningsAcknowledged whether the person acknowledged the warnings
 */
public record RuleChangeCommand(String actor, String domainId, String ruleId, Kind kind, ConfigRule rule,
                                boolean warningsAcknowledged) {

    /** The operations on a rule. */
    public enum Kind {
        ENABLE, DISABLE, EVALUATE, UPDATE, DELETE
    }

    public RuleChangeCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(kind, "'kind' must not be null");
        if (kind == Kind.UPDATE) {
            Objects.requireNonNull(rule, "an update needs the rule");
        }
    }

    /** An enable, disable, evaluation or delete. */
    public static RuleChangeCommand of(String actor, String domainId, String ruleId, Kind kind, boolean acknowledged) {
        return new RuleChangeCommand(actor, domainId, ruleId, kind, null, acknowledged);
    }
}
