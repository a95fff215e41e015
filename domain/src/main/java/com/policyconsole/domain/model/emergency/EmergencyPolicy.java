package com.policyconsole.domain.model.emergency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The policy entity {@code data_object} of a SecMaster emergency-policy request (Table 5), field for
 * field as the wire carries it, so that a malformed request can be represented and every problem
 * reported. {@link com.policyconsole.domain.validation.SecMasterRules} says what a valid one is; the typed
 * views ({@link #category()}, {@link #blockType()}, {@link #targets()}) read the wire values.
 *
 * @param regionId {@code region_id}, mandatory
 * @param blockTarget {@code block_target}, mandatory: one or more objects separated by commas
 * @param policyCategory {@code policy_category}, mandatory: WHITE or BLOCK
 * @param policyType {@code policy_type.policy_type}, mandatory: Source Ip, User Name or Domain Name
 * @param blockAge {@code block_age}, mandatory
 * @param defensePolicyList {@code defense_policy_list}, mandatory
 * @param description {@code description}
 * @param labels {@code labels}
 * @param policyDirection {@code policy_direction}: INGRESS, EGRESS or INGRESS,EGRESS
 * @param accountScope {@code account_scope}
 * @param epsScope {@code eps_scope}
 * @param regionScope {@code region_scope}
 */
public record EmergencyPolicy(
        String regionId,
        String blockTarget,
        String policyCategory,
        String policyType,
        BlockAge blockAge,
        List<DefenseConnection> defensePolicyList,
        String description,
        String labels,
        String policyDirection,
        String accountScope,
        String epsScope,
        String regionScope) {

    /** The separator between objects in {@code block_target}. */
    public static final String TARGET_SEPARATOR = ",";

    public EmergencyPolicy {
        defensePolicyList = defensePolicyList == null ? null : List.copyOf(defensePolicyList);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.regionId = regionId;
        b.blockTarget = blockTarget;
        b.policyCategory = policyCategory;
        b.policyType = policyType;
        b.blockAge = blockAge;
        b.defensePolicyList = defensePolicyList == null ? null : new ArrayList<>(defensePolicyList);
        b.description = description;
        b.labels = labels;
        b.policyDirection = policyDirection;
        b.accountScope = accountScope;
        b.epsScope = epsScope;
        b.regionScope = regionScope;
        return b;
    }

    public Optional<PolicyCategory> category() {
        return PolicyCategory.fromWire(policyCategory);
    }

    public Optional<BlockType> blockType() {
        return BlockType.fromWire(policyType);
    }

    public Optional<PolicyDirection> direction() {
        return PolicyDirection.fromWire(policyDirection);
    }

    /** The objects of {@code block_target}, split at commas and trimmed; empty entries are kept as "". */
    public List<String> targets() {
        if (blockTarget == null || blockTarget.isBlank()) {
            return List.of();
        }
        return Arrays.stream(blockTarget.split(TARGET_SEPARATOR, -1)).map(String::strip).toList();
    }

    /** The objects that parse as the policy's block type; invalid ones are left out. */
    /** The known defense layers of {@code defense_policy_list}, in its order (none when it is absent). */
    public List<DefenseLayer> layers() {
        return defensePolicyList == null ? List.of()
                : defensePolicyList.stream().flatMap(c -> c.layer().stream()).toList();
    }

    public List<BlockTarget> parsedTargets() {
        Optional<BlockType> type = blockType();
        if (type.isEmpty()) {
            return List.of();
        }
        List<BlockTarget> parsed = new ArrayList<>();
        for (String text : targets()) {
            if (BlockTargetParser.parse(type.get(), text) instanceof BlockTargetParser.Result.Parsed p) {
                parsed.add(p.target());
            }
        }
        return parsed;
    }

    /** Step-by-step construction with typed setters; unset optional fields stay null (absent on the wire). */
    public static final class Builder {
        private String regionId;
        private String blockTarget;
        private String policyCategory;
        private String policyType;
        private BlockAge blockAge = BlockAge.none();
        private List<DefenseConnection> defensePolicyList = new ArrayList<>();
        private String description;
        private String labels;
        private String policyDirection;
        private String accountScope;
        private String epsScope;
        private String regionScope;

        private Builder() {
        }

        public Builder regionId(String regionId) {
            this.regionId = regionId;
            return this;
        }

        public Builder category(PolicyCategory category) {
            return policyCategory(category.wireName());
        }

        public Builder policyCategory(String policyCategory) {
            this.policyCategory = policyCategory;
            return this;
        }

        public Builder blockType(BlockType type) {
            return policyType(type.wireName());
        }

        public Builder policyType(String policyType) {
            this.policyType = policyType;
            return this;
        }

        /** Sets the objects, joined with commas into {@code block_target}. */
        public Builder targets(String... targets) {
            return targets(List.of(targets));
        }

        public Builder targets(List<String> targets) {
            return blockTarget(String.join(TARGET_SEPARATOR, targets));
        }

        public Builder blockTarget(String blockTarget) {
            this.blockTarget = blockTarget;
            return this;
        }

        public Builder blockAge(BlockAge blockAge) {
            this.blockAge = blockAge;
            return this;
        }

        public Builder connection(DefenseConnection connection) {
            if (defensePolicyList == null) {
                defensePolicyList = new ArrayList<>();
            }
            defensePolicyList.add(connection);
            return this;
        }

        public Builder defensePolicyList(List<DefenseConnection> connections) {
            this.defensePolicyList = connections == null ? null : new ArrayList<>(connections);
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder labels(String labels) {
            this.labels = labels;
            return this;
        }

        public Builder direction(PolicyDirection direction) {
            return policyDirection(direction == null ? null : direction.wireName());
        }

        public Builder policyDirection(String policyDirection) {
            this.policyDirection = policyDirection;
            return this;
        }

        public Builder accountScope(String accountScope) {
            this.accountScope = accountScope;
            return this;
        }

        public Builder epsScope(String epsScope) {
            this.epsScope = epsScope;
            return this;
        }

        public Builder regionScope(String regionScope) {
            this.regionScope = regionScope;
            return this;
        }

        public EmergencyPolicy build() {
            return new EmergencyPolicy(regionId, blockTarget, policyCategory, policyType, blockAge,
                    defensePolicyList, description, labels, policyDirection, accountScope, epsScope, regionScope);
        }
    }
}
