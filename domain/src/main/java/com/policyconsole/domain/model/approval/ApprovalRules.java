package com.policyconsole.domain.model.approval;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.SubmittedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which submissions need a second person (four-eyes) before they are sent, and how long an approval may take. The
 * defaults: any WHITE entry, any block of IAM user names, a CIDR wider than /16 (IPv4) or /48 (IPv6), a bulk job
 * of over 1,000 objects, deleting a Config rule; an approval within 1 hour.
 *
 * @param whiteEntries whether a WHITE (allow) entry needs approval
 * @param userNameBlocks whether blocking IAM user names needs approval
 * @param widestIpv4Prefix an IPv4 CIDR with a shorter prefix needs approval
 * @param widestIpv6Prefix an IPv6 CIDR with a shorter prefix needs approval
 * @param ruleDeletes whether deleting a Config rule needs approval
 * @param largestBulkJob a bulk job of more objects needs approval
 * @param validity how long a submission waits for its approval before it expires
 */
public record ApprovalRules(boolean whiteEntries, boolean userNameBlocks, int widestIpv4Prefix, int widestIpv6Prefix,
                            boolean ruleDeletes, int largestBulkJob, Duration validity) {

    public static final ApprovalRules DEFAULT = new ApprovalRules(true, true, 16, 48, true, 1_000, Duration.ofHours(1));
    /** No submission needs approval. */
    public static final ApprovalRules NONE = new ApprovalRules(false, false, 0, 0, false, Integer.MAX_VALUE,
            Duration.ofHours(1));

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
            EmergencyPolicy policy = s.request().policy();
            if (whiteEntries && policy.category().orElse(null) == PolicyCategory.WHITE) {
                reasons.add("a WHITE (allow) entry");
            }
            Optional<BlockType> type = policy.blockType();
            if (userNameBlocks && type.orElse(null) == BlockType.USER_NAME) {
                reasons.add("a block of IAM user names");
            }
            if (type.orElse(null) == BlockType.SOURCE_IP) {
                for (String target : policy.targets()) {
                    if (BlockTargetParser.parse(BlockType.SOURCE_IP, target) instanceof BlockTargetParser.Result.Parsed p
                            && p.target() instanceof BlockTarget.CidrBlock cidr) {
                        boolean v4 = cidr.range().isIPv4();
                        int prefix = cidr.range().getNetworkPrefixLength() == null ? (v4 ? 32 : 128)
                                : cidr.range().getNetworkPrefixLength();
                        if (prefix < (v4 ? widestIpv4Prefix : widestIpv6Prefix)) {
                            reasons.add("the range " + target + " is wider than /" + (v4 ? widestIpv4Prefix
                                    : widestIpv6Prefix));
                        }
                    }
                }
            }
        }
        if (ruleDeletes && request instanceof SubmittedRequest.RuleChangeSubmission r
                && r.change() instanceof com.policyconsole.domain.model.config.RuleChange.Delete) {
            reasons.add("deleting a Config rule");
        }
        return reasons;
    }

    /** Why a bulk job of {@code objects} objects needs a second person's approval; empty when it does not. */
    public List<String> bulkReasons(long objects) {
        return objects > largestBulkJob ? List.of("a bulk job of " + String.format(java.util.Locale.ROOT, "%,d", objects)
                + " objects (more than " + String.format(java.util.Locale.ROOT, "%,d", largestBulkJob) + ")") : List.of();
    }
}
