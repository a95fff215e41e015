package com.policyconsole.domain.guardrail;

import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.ActionType;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an emergency policy against what already exists and what an operator almost never means:
 * errors where the cloud would refuse or the result is plainly wrong, warnings an operator can
 * acknowledge. Limits are the user guide's (SecMaster user guide, "Limitations and Constraints";
 * docs/cloud-apis.md, Limits).
 */
public final class EmergencyPolicyGuardrails {

    /** An ageing closer than this to now is probably a mistake. */
    public static final Duration VERY_SOON = Duration.ofMinutes(5);
    /** IPv4 prefixes shorter than this (IPv6: four times as long) cover a large part of the Internet. */
    public static final int BROAD_IPV4_PREFIX = 8;

    /** Where findings about the objects point. */
    public static final String TARGET_PATH = "data_object.block_target";
    private static final String AGEING_PATH = "data_object.block_age.block_ageing";

    private EmergencyPolicyGuardrails() {
    }

    /**
     * Checks {@code request} at {@code now} against {@code existing}. Only the ageing instant is checked
     * for retries: a retry re-delivers a policy that already exists.
     */
    public static Violations check(EmergencyPolicyRequest request, WorkspacePolicies existing, Instant now) {
        return check(request, existing, now, SecMasterLimits.DEFAULTS);
    }

    /** {@link #check(EmergencyPolicyRequest, WorkspacePolicies, Instant)} within {@code limits}. */
    public static Violations check(EmergencyPolicyRequest request, WorkspacePolicies existing, Instant now,
                                   SecMasterLimits limits) {
        EmergencyPolicy policy = request.policy();
        if (policy == null) {
            return Violations.none();
        }
        List<Violation> out = new ArrayList<>();
        checkAgeing(policy, now, out);
        if (request.action().orElse(null) == ActionType.RETRY) {
            return Violations.of(out);
        }
        Optional<PolicyCategory> category = policy.category();
        List<BlockTarget> targets = policy.parsedTargets();
        int most = limits.objectsPerDelivery(policy.layers());
        if (policy.targets().size() > most) {
            out.add(Violation.error(TARGET_PATH, ViolationCode.TOO_MANY_OBJECTS,
                    "at most " + most + " objects per delivery (has " + policy.targets().size()
                            + "); split them over several policies, or deliver them in bulk"));
        }
        for (BlockTarget target : targets) {
            category.ifPresent(c -> out.addAll(objectFindings(c, target, existing, now)));
        }
        boolean ages = policy.blockAge() != null && policy.blockAge().ages();
        out.addAll(quotaFindings(1, ages, existing, limits));
        return Violations.of(out);
    }

    /**
     * The findings for one object of a new {@code category} policy: the ranges it covers, and the active policies of
     * {@code existing} it overlaps.
     */
    public static List<Violation> objectFindings(PolicyCategory category, BlockTarget target,
                                                 WorkspacePolicies existing, Instant now) {
        List<Violation> out = new ArrayList<>();
        checkRange(category, target, out);
        checkExisting(category, target, existing, now, out);
        return out;
    }

    /** The workspace quotas for {@code newPolicies} more policies (with ageing or not) within {@code limits}. */
    public static List<Violation> quotaFindings(int newPolicies, boolean withAgeing, WorkspacePolicies existing,
                                                SecMasterLimits limits) {
        List<Violation> out = new ArrayList<>();
        String adding = newPolicies == 1 ? "" : "; this adds " + newPolicies;
        if (existing.total() + newPolicies > limits.policies()) {
            out.add(Violation.error(TARGET_PATH, ViolationCode.POLICY_QUOTA_EXCEEDED, "the workspace already has "
                    + existing.total() + " policies, the most it can hold is " + limits.policies() + adding));
        }
        if (withAgeing && existing.withAgeing() + newPolicies > limits.policiesWithAgeing()) {
            out.add(Violation.error("data_object.block_age.is_block_ageing", ViolationCode.AGEING_QUOTA_EXCEEDED,
                    "the workspace already has " + existing.withAgeing() + " policies with block ageing, the most it"
                            + " can hold is " + limits.policiesWithAgeing() + adding));
        }
        return out;
    }

    private static void checkAgeing(EmergencyPolicy policy, Instant now, List<Violation> out) {
        if (policy.blockAge() == null || !policy.blockAge().ages()) {
            return;
        }
        policy.blockAge().ageingInstant().ifPresent(at -> {
            if (!at.isAfter(now)) {
                out.add(Violation.error(AGEING_PATH, ViolationCode.AGEING_IN_PAST,
                        "the ageing time " + at + " is not in the future (now " + now + ")"));
            } else if (at.isBefore(now.plus(VERY_SOON))) {
                out.add(Violation.warning(AGEING_PATH, ViolationCode.AGEING_VERY_SOON,
                        "the block ages out at " + at + ", less than " + VERY_SOON.toMinutes() + " minutes from now"));
            }
        });
    }

    private static void checkRange(PolicyCategory category, BlockTarget target, List<Violation> out) {
        if (!(target instanceof BlockTarget.IpTarget ip)) {
            return;
        }
        if (target instanceof BlockTarget.CidrBlock cidr && cidr.isEverything()) {
            out.add(Violation.error(TARGET_PATH, ViolationCode.BLOCKS_EVERYTHING, category == PolicyCategory.BLOCK
                    ? cidr.text() + " would block every address"
                    : cidr.text() + " would whitelist every address"));
            return;
        }
        if (target instanceof BlockTarget.CidrBlock cidr
                && cidr.prefixLength() < (cidr.range().isIPv4() ? BROAD_IPV4_PREFIX : 4 * BROAD_IPV4_PREFIX)) {
            out.add(Violation.warning(TARGET_PATH, ViolationCode.VERY_BROAD_RANGE,
                    cidr.text() + " covers " + (cidr.range().isIPv4() ? "more than 16 million" : "a vast number of")
                            + " addresses"));
        }
        if (category == PolicyCategory.BLOCK) {
            SpecialRanges.overlapping(ip.range()).ifPresent(r -> out.add(Violation.warning(TARGET_PATH,
                    ViolationCode.RESERVED_RANGE, target.text() + " overlaps " + r.block().toCanonicalString()
                            + ", " + r.purpose() + "; blocking it rarely stops an attacker and may cut off your own systems")));
        }
    }

    private static void checkExisting(PolicyCategory category, BlockTarget target, WorkspacePolicies existing,
                                      Instant now, List<Violation> out) {
        for (KnownPolicy known : existing.policies()) {
            if (!known.isActiveAt(now)) {
                continue;
            }
            for (BlockTarget other : known.targets()) {
                if (other.type() != target.type() || !target.overlaps(other)) {
                    continue;
                }
                if (known.category() != category) {
                    out.add(Violation.warning(TARGET_PATH, ViolationCode.OVERLAPS_OPPOSITE_CATEGORY,
                            target.text() + " overlaps " + other.text() + " of " + known.category() + " policy "
                                    + known.policyId()));
                } else if (covers(other, target)) {
                    out.add(Violation.warning(TARGET_PATH, ViolationCode.ALREADY_ACTIVE,
                            target.text() + " is already covered by " + other.text() + " of active " + category
                                    + " policy " + known.policyId()));
                }
            }
        }
    }

    /** Whether {@code outer} includes every address or name of {@code inner}. */
    private static boolean covers(BlockTarget outer, BlockTarget inner) {
        if (outer instanceof BlockTarget.IpTarget o && inner instanceof BlockTarget.IpTarget i) {
            return o.range().contains(i.range());
        }
        return outer.overlaps(inner);
    }
}
