package com.policyconsole.domain.model.history;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.emergency.ActionType;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import java.util.List;

/** A request the console sends, of either API. */
public sealed interface SubmittedRequest
        permits SubmittedRequest.EmergencyPolicySubmission, SubmittedRequest.PolicyChangeSubmission,
        SubmittedRequest.ConfigRuleSubmission, SubmittedRequest.RuleChangeSubmission {

    Operation operation();

    /** The objects a person would search the history for: block targets, or the rule name. */
    List<String> targets();

    /** A SecMaster create or retry. */
    record EmergencyPolicySubmission(EmergencyPolicyRequest request) implements SubmittedRequest {
        @Override
        public Operation operation() {
            return request.action().orElse(ActionType.CREATE) == ActionType.RETRY
                    ? Operation.RETRY_EMERGENCY_POLICY
                    : Operation.CREATE_EMERGENCY_POLICY;
        }

        @Override
        public List<String> targets() {
            return request.policy() == null ? List.of() : request.policy().targets();
        }
    }

    /** A removal of SecMaster policies, or a change of one's ageing. */
    record PolicyChangeSubmission(PolicyChange change) implements SubmittedRequest {
        @Override
        public Operation operation() {
            return change instanceof PolicyChange.Removal ? Operation.REMOVE_EMERGENCY_POLICY
                    : Operation.CHANGE_POLICY_AGEING;
        }

        /** The objects of the policies it changes. */
        @Override
        public List<String> targets() {
            return change.subjects().stream().flatMap(s -> s.objects().stream()).toList();
        }
    }

    /** A Config rule addition. */
    record ConfigRuleSubmission(ConfigRuleRequest request) implements SubmittedRequest {
        @Override
        public Operation operation() {
            return Operation.ADD_CONFIG_RULE;
        }

        @Override
        public List<String> targets() {
            return request.rule() == null || request.rule().name() == null ? List.of() : List.of(request.rule().name());
        }
    }

    /**
     * An operation on a Config rule that exists.
     *
     * @param change the operation
     * @param stepOf the entry of the operation this one is a later step of (a delete that disabled the rule first),
     *               or null
     */
    record RuleChangeSubmission(RuleChange change, Long stepOf) implements SubmittedRequest {
        public RuleChangeSubmission {
            java.util.Objects.requireNonNull(change, "'change' must not be null");
        }

        @Override
        public Operation operation() {
            if (change instanceof RuleChange.Enable) {
                return Operation.ENABLE_CONFIG_RULE;
            }
            if (change instanceof RuleChange.Disable) {
                return Operation.DISABLE_CONFIG_RULE;
            }
            if (change instanceof RuleChange.Evaluate) {
                return Operation.EVALUATE_CONFIG_RULE;
            }
            return change instanceof RuleChange.Update ? Operation.UPDATE_CONFIG_RULE : Operation.DELETE_CONFIG_RULE;
        }

        /** The rule's name. */
        @Override
        public List<String> targets() {
            return change.ruleName() == null || change.ruleName().isEmpty() ? List.of() : List.of(change.ruleName());
        }
    }
}
