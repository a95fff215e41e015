package com.policyconsole.domain.model.config;

import java.util.Objects;

/**
 * An operation on a rule that exists, each one request to Config under {@code …/policy-assignments/{id}}: enabling,
 * disabling, running an evaluation, updating and deleting it.
 */
public sealed interface RuleChange {

    /** The account. */
    String domainId();

    /** Config's ID of the rule. */
    String ruleId();

    /** The rule's name, for the history's search. */
    String ruleName();

    /** What the change does, as a person reads it. */
    String verb();

    /** {@code POST …/{id}/enable} (202). */
    record Enable(String domainId, String ruleId, String ruleName) implements RuleChange {
        public Enable {
            requireIds(domainId, ruleId);
        }

        @Override
        public String verb() {
            return "enable";
        }
    }

    /** {@code POST …/{id}/disable} (202). */
    record Disable(String domainId, String ruleId, String ruleName) implements RuleChange {
        public Disable {
            requireIds(domainId, ruleId);
        }

        @Override
        public String verb() {
            return "disable";
        }
    }

    /** {@code POST …/{id}/policy-states/run-evaluation} (202). */
    record Evaluate(String domainId, String ruleId, String ruleName) implements RuleChange {
        public Evaluate {
            requireIds(domainId, ruleId);
        }

        @Override
        public String verb() {
            return "evaluate";
        }
    }

    /**
     * {@code PUT …/{id}} with the whole rule, as "Adding a Rule" takes it; the name cannot change.
     *
     * @param before the rule as Config showed it before the update, null when it was not shown
     */
    record Update(String domainId, String ruleId, ConfigRule rule, ConfigRule before) implements RuleChange {
        public Update {
            requireIds(domainId, ruleId);
            Objects.requireNonNull(rule, "'rule' must not be null");
        }

        /** An update of a rule Config was not asked about. */
        public Update(String domainId, String ruleId, ConfigRule rule) {
            this(domainId, ruleId, rule, null);
        }

        @Override
        public String ruleName() {
            return rule.name();
        }

        @Override
        public String verb() {
            return "update";
        }
    }

    /** {@code DELETE …/{id}}. */
    record Delete(String domainId, String ruleId, String ruleName) implements RuleChange {
        public Delete {
            requireIds(domainId, ruleId);
        }

        @Override
        public String verb() {
            return "delete";
        }
    }

    private static void requireIds(String domainId, String ruleId) {
        Objects.requireNonNull(domainId, "'domainId' must not be null");
        Objects.requireNonNull(ruleId, "'ruleId' must not be null");
    }
}
