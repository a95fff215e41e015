package com.policyconsole.domain.model.approval;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which submissions need a second person (four-eyes) before they are sent, and how long an approval may take. The
 * defaults: any WHITE entry, any block of IAM user names, a CIDR wider than /16 (IPv4) or /48 (IPv6), a bulk job
 * of over 1,000 objects, removing a WHITE policy or making its ageing later or permanent, disabling, deleting or
 * changing the parameters or scope of a Config rule; an approval within 1 hour.
 *
 * @param whiteEntries whether a WHITE (allow) entry needs approval
 * @param userNameBlocks whether blocking IAM user names needs approval
 * @param widestIpv4Prefix an IPv4 CIDR with a shorter prefix needs approval
 * @param widestIpv6Prefix an IPv6 CIDR with a shorter prefix needs approval
 * @param ruleDeletes whether deleting a Config rule needs approval
 * @param ruleDisables whether disabling a Config rule needs approval (a disabled rule evaluates nothing, which is
 *                     what a delete is held against)
 * @param largestBulkJob a bulk job of more objects needs approval
 * @param whiteChanges whether removing a WHITE policy, removing its ageing or moving it later needs approval (each
 *                     keeps or ends an allow beyond what was approved)
 * @param blockAgeingChanges whether every ageing change of a BLOCK policy needs approval
 * @param ruleUpdates whether an update of a Config rule that changes what it evaluates (parameters, scope, trigger,
 *                    definition or function) needs approval
 * @param validity how long a submission waits for its approval before it expires
 * @param onePersonTrial a trial with one person: the requester may approve their own submissions and every approval
 *                       counts (every page says so); never for production
 */
public record ApprovalRules(boolean whiteEntries, boolean userNameBlocks, int widestIpv4Prefix, int widestIpv6Prefix,
                            boolean ruleDeletes, boolean ruleDisables, int largestBulkJob, boolean whiteChanges,
                            boolean blockAgeingChanges, boolean ruleUpdates, Duration validity,
                            boolean onePersonTrial) {

    public static final ApprovalRules DEFAULT = new ApprovalRules(true, true, 16, 48, true, true, 1_000, true, false,
            true, Duration.ofHours(1), false);
    /** No submission needs approval. */
    public static final ApprovalRules NONE = new ApprovalRules(false, false, 0, 0, false, false, Integer.MAX_VALUE,
            false, false, false, Duration.ofHours(1), false);

    public ApprovalRules {
        Objects.requireNonNull(validity, "'validity' must not be null");
        if (widestIpv4Prefix < 0 || widestIpv4Prefix > 32 || widestIpv6Prefix < 0 || widestIpv6Prefix > 128
                || largestBulkJob < 0 || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("prefixes are 0-32 (IPv4) and 0-128 (IPv6); the largest bulk job is 0 or"
                    + " more objects; the validity is positive");
        }
    }

    /** Why this submission needs a second person's approval, one reason per line; empty when it does not. */
    public List<String> reasons(SubmittedRequest request) {
        List<String> reasons = new ArrayList<>();
        if (request instanceof SubmittedRequest.EmergencyPolicySubmission s && s.request().policy() != null
                && request.operation() == com.policyconsole.domain.model.history.Operation.CREATE_EMERGENCY_POLICY) {
            reasons.addAll(reasons(s.request().policy()));
        }
        if (ruleDeletes && request instanceof SubmittedRequest.RuleChangeSubmission r
                && r.change() instanceof com.policyconsole.domain.model.config.RuleChange.Delete) {
            reasons.add("deleting a Config rule");
        }
        if (ruleDisables && request instanceof SubmittedRequest.RuleChangeSubmission r
                && r.change() instanceof com.policyconsole.domain.model.config.RuleChange.Disable) {
            reasons.add("disabling a Config rule");
        }
        if (ruleUpdates && request instanceof SubmittedRequest.RuleChangeSubmission r
                && r.change() instanceof RuleChange.Update u) {
            reasons.addAll(updateReasons(u));
        }
        if (request instanceof SubmittedRequest.PolicyChangeSubmission p) {
            reasons.addAll(reasons(p.change()));
        }
        return reasons;
    }

    /** Why removing policies or changing one's ageing needs a second person; empty when it does not. */
    public List<String> reasons(PolicyChange change) {
        List<String> reasons = new ArrayList<>();
        for (PolicyChange.Subject subject : change.subjects()) {
            boolean white = subject.category() == PolicyCategory.WHITE;
            if (change instanceof PolicyChange.Removal && white && whiteChanges) {
                reasons.add("removing the WHITE (allow) policy " + subject.policyId());
            }
            if (change instanceof PolicyChange.AgeingChange a) {
                if (white && whiteChanges && endsLater(a.blockAge(), subject.age())) {
                    reasons.add(a.blockAge().ages() ? "moving the ageing of the WHITE (allow) policy "
                            + subject.policyId() + " later" : "making the WHITE (allow) policy " + subject.policyId()
                            + " permanent (its ageing removed)");
                }
                if (!white && blockAgeingChanges) {
                    reasons.add("changing the ageing of the BLOCK policy " + subject.policyId());
                }
            }
        }
        return reasons;
    }

    /** Whether {@code next} ends later than {@code current}: never ending is latest; unknown counts as later. */
    private static boolean endsLater(BlockAge next, BlockAge current) {
        if (current == null) {
            return true;
        }
        if (!next.ages()) {
            return current.ages();
        }
        if (!current.ages()) {
            return false;
        }
        Optional<Instant> was = current.ageingInstant();
        Optional<Instant> will = next.ageingInstant();
        return was.isEmpty() || will.isEmpty() || will.get().isAfter(was.get());
    }

    /** What an update changes of what a rule evaluates; every part when the rule before it is not known. */
    private static List<String> updateReasons(RuleChange.Update update) {
        ConfigRule before = update.before();
        ConfigRule after = update.rule();
        if (before == null) {
            return List.of("updating a Config rule whose current state was not read");
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(orEmpty(before.parameters()), orEmpty(after.parameters()))) {
            changed.add("parameters");
        }
        if (!Objects.equals(before.policyFilter(), after.policyFilter())) {
            changed.add("scope (policy_filter)");
        }
        if (!Objects.equals(before.period(), after.period())) {
            changed.add("trigger (period)");
        }
        if (!Objects.equals(before.assignmentType(), after.assignmentType())
                || !Objects.equals(before.policyDefinitionId(), after.policyDefinitionId())
                || !Objects.equals(before.customPolicy(), after.customPolicy())) {
            changed.add("what it runs (definition or function)");
        }
        return changed.isEmpty() ? List.of()
                : List.of("changing the " + String.join(", ", changed) + " of the Config rule " + after.name());
    }

    private static Map<String, ?> orEmpty(Map<String, ?> map) {
        return map == null ? Map.of() : map;
    }

    /**
     * Why creating {@code policy} needs a second person's approval, whatever the path it takes (a single create or
     * a delivery of a bulk job); empty when it does not.
     */
    public List<String> reasons(EmergencyPolicy policy) {
        List<String> reasons = new ArrayList<>();
        if (whiteEntries && policy.category().orElse(null) == PolicyCategory.WHITE) {
            reasons.add("a WHITE (allow) entry");
        }
        Optional<BlockType> type = policy.blockType();
        if (userNameBlocks && type.orElse(null) == BlockType.USER_NAME) {
            reasons.add("a block of IAM user names");
        }
        if (type.orElse(null) == BlockType.SOURCE_IP) {
            for (String target : policy.targets()) {
                if (isWide(target)) {
                    reasons.add("the range " + target + " is wider than /" + (target.contains(":") ? widestIpv6Prefix
                            : widestIpv4Prefix));
                }
            }
        }
        return reasons;
    }

    /** Whether {@code target} is a CIDR wider than the widest one sent without approval. */
    private boolean isWide(String target) {
        if (BlockTargetParser.parse(BlockType.SOURCE_IP, target) instanceof BlockTargetParser.Result.Parsed p
                && p.target() instanceof BlockTarget.CidrBlock cidr) {
            boolean v4 = cidr.range().isIPv4();
            int prefix = cidr.range().getNetworkPrefixLength() == null ? (v4 ? 32 : 128)
                    : cidr.range().getNetworkPrefixLength();
            return prefix < (v4 ? widestIpv4Prefix : widestIpv6Prefix);
        }
        return false;
    }

    /** Ranges named one by one in a bulk job's reasons; the rest are counted. */
    private static final int RANGES_NAMED = 5;

    /**
     * Why a bulk job needs a second person's approval: every condition of a single create, asked of each of its
     * deliveries (so no WHITE entry, user-name block or wide range escapes by being one of many), and the count rule,
     * which adds the objects of the requester's jobs started without approval within the validity window to this
     * job's, so that splitting a large job does not escape it. Empty when it may start at once.
     *
     * @param deliveries the create requests of the job's deliveries
     * @param objects the objects of this job
     * @param recentObjects the objects of the requester's jobs started without approval within {@link #validity()}
     */
    public List<String> bulkReasons(List<EmergencyPolicy> deliveries, long objects, long recentObjects) {
        Set<String> reasons = new LinkedHashSet<>();
        List<String> ranges = new ArrayList<>();
        for (EmergencyPolicy delivery : deliveries) {
            for (String reason : reasons(delivery)) {
                if (reason.startsWith("the range ")) {
                    ranges.add(reason);
                } else {
                    reasons.add(reason);
                }
            }
        }
        ranges.stream().limit(RANGES_NAMED).forEach(reasons::add);
        if (ranges.size() > RANGES_NAMED) {
            reasons.add(format(ranges.size() - RANGES_NAMED) + " more ranges wider than allowed without approval");
        }
        reasons.addAll(bulkReasons(objects, recentObjects));
        return List.copyOf(reasons);
    }

    /** The count rule alone: this job's objects and the requester's recent ones, against the largest job. */
    public List<String> bulkReasons(long objects, long recentObjects) {
        if (objects > largestBulkJob) {
            return List.of("a bulk job of " + format(objects) + " objects (more than " + format(largestBulkJob) + ")");
        }
        if (objects + recentObjects > largestBulkJob) {
            return List.of(format(objects) + " objects and the " + format(recentObjects) + " of the requester's jobs"
                    + " started without approval in the last " + validity.toMinutes() + " minutes: more than "
                    + format(largestBulkJob));
        }
        return List.of();
    }

    /** The settings in one line, as the audit chain records them at each start. */
    public String describe() {
        return "white-entries=" + whiteEntries + ", user-name-blocks=" + userNameBlocks + ", widest-ipv4-prefix="
                + widestIpv4Prefix + ", widest-ipv6-prefix=" + widestIpv6Prefix + ", rule-deletes=" + ruleDeletes
                + ", rule-disables=" + ruleDisables + ", rule-updates=" + ruleUpdates + ", largest-bulk-job="
                + largestBulkJob + ", white-changes=" + whiteChanges + ", block-ageing-changes=" + blockAgeingChanges
                + ", validity=" + validity + ", one-person-trial=" + onePersonTrial;
    }

    private static String format(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
