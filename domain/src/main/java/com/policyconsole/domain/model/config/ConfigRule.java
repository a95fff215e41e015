package com.policyconsole.domain.model.config;

import com.policyconsole.domain.model.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of Config's "Adding a Rule" (Table 3), field for field as the wire carries it, so that a
 * malformed rule can be represented and every problem reported;
 * {@link com.policyconsole.domain.validation.ConfigRules} says what a valid one is.
 *
 * @param policyAssignmentType {@code policy_assignment_type}: builtin (the default when absent) or custom
 * @param name {@code name}, mandatory, at most 64 characters
 * @param description {@code description}, at most 512 characters
 * @param period {@code period}, for periodic rules
 * @param policyFilter {@code policy_filter}, for configuration-change rules
 * @param policyDefinitionId {@code policy_definition_id}, for built-in rules, at most 36 characters
 * @param customPolicy {@code custom_policy}, for custom rules
 * @param parameters {@code parameters}: name → the {@code value} of each PolicyParameterValue
 * @param tags {@code tags}
 */
public record ConfigRule(
        String policyAssignmentType,
        String name,
        String description,
        String period,
        PolicyFilter policyFilter,
        String policyDefinitionId,
        CustomPolicy customPolicy,
        Map<String, JsonValue> parameters,
        List<ResourceTag> tags) {

    public ConfigRule {
        parameters = parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        tags = tags == null ? null : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rule type; an absent {@code policy_assignment_type} means builtin. */
    public Optional<PolicyAssignmentType> assignmentType() {
        return policyAssignmentType == null
                ? Optional.of(PolicyAssignmentType.BUILTIN)
                : PolicyAssignmentType.fromWire(policyAssignmentType);
    }

    /** When the rule runs; a rule with both a period and a filter is invalid and reported as periodic. */
    public Trigger trigger() {
        Optional<Period> p = Period.fromWire(period);
        if (p.isPresent()) {
            return new Trigger.Periodic(p.get());
        }
        return policyFilter == null ? new Trigger.OnAnyChange() : new Trigger.OnConfigurationChange(policyFilter);
    }

    /** Step-by-step construction; unset optional fields stay null (absent on the wire). */
    public static final class Builder {
        private String policyAssignmentType;
        private String name;
        private String description;
        private String period;
        private PolicyFilter policyFilter;
        private String policyDefinitionId;
        private CustomPolicy customPolicy;
        private Map<String, JsonValue> parameters;
        private List<ResourceTag> tags;

        private Builder() {
        }

        /** A built-in rule using the policy definition {@code definitionId}. */
        public Builder builtin(String definitionId) {
            this.policyAssignmentType = PolicyAssignmentType.BUILTIN.wireName();
            this.policyDefinitionId = definitionId;
            return this;
        }

        /** A custom rule running {@code policy}. */
        public Builder custom(CustomPolicy policy) {
            this.policyAssignmentType = PolicyAssignmentType.CUSTOM.wireName();
            this.customPolicy = policy;
            return this;
        }

        public Builder policyAssignmentType(String type) {
            this.policyAssignmentType = type;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder period(Period period) {
            return period(period == null ? null : period.wireName());
        }

        public Builder period(String period) {
            this.period = period;
            return this;
        }

        public Builder policyFilter(PolicyFilter filter) {
            this.policyFilter = filter;
            return this;
        }

        public Builder policyDefinitionId(String id) {
            this.policyDefinitionId = id;
            return this;
        }

        public Builder customPolicy(CustomPolicy policy) {
            this.customPolicy = policy;
            return this;
        }

        public Builder parameter(String name, JsonValue value) {
            if (parameters == null) {
                parameters = new LinkedHashMap<>();
            }
            parameters.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, JsonValue> parameters) {
            this.parameters = parameters == null ? null : new LinkedHashMap<>(parameters);
            return this;
        }

        public Builder tag(String key, String value) {
            if (tags == null) {
                tags = new ArrayList<>();
            }
            tags.add(new ResourceTag(key, value));
            return this;
        }

        public Builder tags(List<ResourceTag> tags) {
            this.tags = tags == null ? null : new ArrayList<>(tags);
            return this;
        }

        public ConfigRule build() {
            return new ConfigRule(policyAssignmentType, name, description, period, policyFilter, policyDefinitionId,
                    customPolicy, parameters, tags);
        }
    }
}
