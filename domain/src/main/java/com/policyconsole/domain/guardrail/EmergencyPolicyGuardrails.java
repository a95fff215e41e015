package com.policyconsole.domain.guardrail;

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

    /** docs/cloud-apis.md, Limits: at most 500 objects (IPs, users) per delivery. */
    public static final int MAX_OBJECTS_PER_DELIVERY = 500;
    /** docs/cloud-apis.md, Limits: at most 300 policies with block ageing per workspace. */
    public static final int MAX_POLICIES_WITH_AGEING = 300;
    /** docs/cloud-apis.md, Limits: at most 2,500 policies per workspace. */
    public static final int MAX_POLICIES = 2_500;
    /** An ageing closer than this to now is probably a mistake. */
    public static final Duration VERY_SOON = Duration.ofMinutes(5);
    /** IPv4 prefixes shorter than this (IPv6: four times as long) cover a large part of the Internet. */
    public static final int BROAD_IPV4_PREFIX = 8;

    private static final String TARGET_PATH = "data_object.block_target";
    private static final String AGEING_PATH = "data_object.block_age.block_ageing";

    private EmergencyPolicyGuardrails() {
    }

    /**
     * Checks {@code request} at {@code now} against {@code existing}. Only the ageing instant is checked
     * for retries: a retry re-delivers a policy that already exists.
     */
    public static Violations check(EmergencyPolicyRequest request, WorkspacePolicies existing, Instant now) {
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
        if (policy.targets().size() > MAX_OBJECTS_PER_DELIVERY) {
            out.add(Violation.error(TARGET_PATH, ViolationCode.TOO_MANY_OBJECTS,
                    "at most " + MAX_OBJECTS_PER_DELIVERY + " objects per delivery (has " + policy.targets().size()
                            + "); split them over several policies"));
        }
        for (BlockTarget target : targets) {
            category.ifPresent(c -> checkRange(c, target, out));
            category.ifPresent(c -> checkExisting(c, target, existing, now, out));
        }
        if (existing.total() + 1 > MAX_POLICIES) {
            out.add(Violation.error(TARGET_PATH, ViolationCode.POLICY_QUOTA_EXCEEDED,
                    "the workspace already has " + existing.total() + " policies, the most it can hold is " + MAX_POLICIES));
        }
        if (policy.blockAge() != null && policy.blockAge().ages() && existing.withAgeing() + 1 > MAX_POLICIES_WITH_AGEING) {
            out.add(Violation.error("data_object.block_age.is_block_ageing", ViolationCode.AGEING_QUOTA_EXCEEDED,
                    "the workspace already has " + existing.withAgeing() + " policies with block ageing, the most it can hold is "
                            + MAX_POLICIES_WITH_AGEING));
        }
        return Violations.of(out);
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
