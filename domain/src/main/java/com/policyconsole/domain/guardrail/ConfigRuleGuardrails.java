package com.policyconsole.domain.guardrail;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a new Config rule against the account's existing rules: unique names and the rule quota
 * (docs/cloud-apis.md, Limits).
 */
public final class ConfigRuleGuardrails {

    /** docs/cloud-apis.md, Limits: at most 500 rules per account. */
    public static final int MAX_RULES = 500;

    private ConfigRuleGuardrails() {
    }

    /** Checks {@code request} against the names of the rules the account already has. */
    public static Violations check(ConfigRuleRequest request, Set<String> existingNames) {
        if (request.rule() == null) {
            return Violations.none();
        }
        List<Violation> out = new ArrayList<>();
        String name = request.rule().name();
        if (name != null && existingNames.contains(name)) {
            out.add(Violation.error("name", ViolationCode.RULE_NAME_TAKEN,
                    "a rule named '" + name + "' already exists; rule names are unique per account"));
        }
        if (existingNames.size() >= MAX_RULES) {
            out.add(Violation.error("name", ViolationCode.RULE_QUOTA_EXCEEDED,
                    "the account already has " + existingNames.size() + " rules, the most it can hold is " + MAX_RULES));
        }
        return Violations.of(out);
    }
}
