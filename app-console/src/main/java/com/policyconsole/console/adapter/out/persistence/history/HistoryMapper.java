package com.policyconsole.console.adapter.out.persistence.history;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps domain requests and outcomes to history rows; the only place that knows both sides. */
final class HistoryMapper {

    private HistoryMapper() {
    }

    static HistoryEntryEntity toPendingEntity(PendingRequest pending) {
        HistoryEntryEntity e = new HistoryEntryEntity();
        e.operation = pending.request().operation().name();
        e.actor = cut(pending.actor(), 128);
        e.status = RequestStatus.PENDING.name();
        e.requestedAt = pending.requestedAt();
        e.retryOf = pending.retryOf();
        e.requestMethod = pending.rendered().method();
        e.requestUrl = pending.rendered().url();
        e.requestHeaders = headerLines(pending.rendered().headers());
        e.requestBody = pending.rendered().body();
        e.requestStructure = RequestStructure.write(pending.rendered());
        if (pending.request() instanceof SubmittedRequest.EmergencyPolicySubmission s) {
            describe(s.request(), e);
        } else if (pending.request() instanceof SubmittedRequest.ConfigRuleSubmission s) {
            describe(s.request(), e);
        } else if (pending.request() instanceof SubmittedRequest.RuleChangeSubmission s) {
            e.domainId = cut(s.change().domainId(), 64);
            e.ruleName = cut(s.change().ruleName(), 64);
            e.ruleId = cut(s.change().ruleId(), 64);
            e.stepOf = s.stepOf();
        } else if (pending.request() instanceof SubmittedRequest.PolicyChangeSubmission s) {
            e.projectId = cut(s.change().workspace().projectId(), 64);
            e.workspaceId = cut(s.change().workspace().workspaceId(), 64);
            if (s.change() instanceof PolicyChange.AgeingChange a && a.blockAge().ages()) {
                e.agesOutAt = a.blockAge().ageingInstant().orElse(null);
            }
        }
        return e;
    }

    private static void describe(EmergencyPolicyRequest request, HistoryEntryEntity e) {
        e.projectId = cut(request.workspace().projectId(), 64);
        e.workspaceId = cut(request.workspace().workspaceId(), 64);
        EmergencyPolicy policy = request.policy();
        if (policy != null) {
            e.policyCategory = policy.category().map(Enum::name).orElse(null);
            e.blockType = policy.blockType().map(Enum::name).orElse(null);
            e.agesOutAt = policy.blockAge() != null && policy.blockAge().ages()
                    ? policy.blockAge().ageingInstant().orElse(null)
                    : null;
        }
    }

    private static void describe(ConfigRuleRequest request, HistoryEntryEntity e) {
        e.domainId = cut(request.domainId(), 64);
        e.ruleName = request.rule() == null ? null : cut(request.rule().name(), 64);
    }

    /** The target rows of a request: every object, and for IPs their network. */
    static List<RequestTargetEntity> toTargetEntities(long entryId, PendingRequest pending) {
        Optional<BlockType> type = pending.request() instanceof SubmittedRequest.EmergencyPolicySubmission s
                && s.request().policy() != null ? s.request().policy().blockType() : Optional.empty();
        List<RequestTargetEntity> rows = new ArrayList<>();
        for (String target : pending.request().targets()) {
            if (target.isEmpty()) {
                continue;
            }
            RequestTargetEntity row = new RequestTargetEntity();
            row.entryId = entryId;
            row.target = cut(target, 512);
            row.network = type.flatMap(t -> network(t, target)).orElse(null);
            rows.add(row);
        }
        return rows;
    }

    /** The CIDR form of an IP object ({@code 1.2.3.4} → {@code 1.2.3.4/32}), if it is one. */
    static Optional<String> network(BlockType type, String target) {
        if (type != BlockType.SOURCE_IP
                || !(BlockTargetParser.parse(type, target) instanceof BlockTargetParser.Result.Parsed p)) {
            return Optional.empty();
        }
        if (p.target() instanceof BlockTarget.CidrBlock cidr) {
            return Optional.of(cidr.range().toCanonicalString());
        }
        if (p.target() instanceof BlockTarget.IpTarget ip) {
            return Optional.of(ip.range().toCanonicalString() + "/" + ip.range().getBitCount());
        }
        return Optional.empty();
    }

    static void applyOutcome(HistoryEntryEntity e, CloudOutcome outcome, Duration elapsed, Instant completedAt) {
        e.status = outcome.status().name();
        e.completedAt = completedAt;
        e.durationMs = elapsed.toMillis();
        e.httpStatus = outcome.httpStatus() == 0 ? null : outcome.httpStatus();
        e.cloudRequestId = cut(outcome.requestId(), 128);
        e.responseBody = outcome.responseBody();
        if (outcome instanceof CloudOutcome.Accepted a) {
            e.resultId = cut(a.resultId(), 128);
            e.resultState = cut(a.state(), 32);
        } else if (outcome instanceof CloudOutcome.Refused r) {
            e.errorCode = cut(r.errorCode(), 128);
            e.errorMessage = r.message();
        } else if (outcome instanceof CloudOutcome.Failed f) {
            e.errorCode = cut(f.errorCode(), 128);
            e.errorMessage = f.message();
        } else if (outcome instanceof CloudOutcome.Unknown u) {
            e.errorMessage = u.reason();
        }
    }

    /** Values from the cloud fit their columns: a longer one is cut and marked with an ellipsis. */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String headerLines(Map<String, String> headers) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }
}
