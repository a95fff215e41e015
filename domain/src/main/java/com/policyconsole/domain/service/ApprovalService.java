package com.policyconsole.domain.service;

import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.ApprovalStore;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Four-eyes approval. An approval is refused for one's own submission, once decided or expired, without a reason, and
 * when the request the console would send now is not the one recorded (its hash differs); otherwise exactly the recorded
 * request is sent and its outcome recorded on the same entry. A rejection needs a reason; the requester may withdraw.
 */
public final class ApprovalService implements ApprovalsUseCase {

    /** The longest reason kept. */
    static final int MAX_REASON = 512;

    private final ApprovalStore holds;
    private final HistoryReader reader;
    private final RequestHistory history;
    private final EmergencyPolicyGateway gateway;
    private final Clock clock;

    public ApprovalService(ApprovalStore holds, HistoryReader reader, RequestHistory history,
                           EmergencyPolicyGateway gateway, Clock clock) {
        this.holds = Objects.requireNonNull(holds, "'holds' must not be null");
        this.reader = Objects.requireNonNull(reader, "'reader' must not be null");
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public List<Held> awaiting() {
        holds.expire(clock.instant());
        return holds.awaiting().stream().map(id -> held(id.longValue())).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<Held> held(long entryId) {
        holds.expire(clock.instant());
        Optional<ApprovalHold> hold = holds.hold(entryId);
        Optional<HistoryDetail> detail = hold.isEmpty() ? Optional.empty() : reader.detail(entryId);
        return detail.map(d -> new Held(d, hold.get()));
    }

    @Override
    public Decision approve(String approver, long entryId, String reason) {
        Instant now = clock.instant();
        Optional<Held> found = held(entryId);
        Decision refused = refusal(found, approver, reason, true);
        if (refused != null) {
            return refused;
        }
        Held held = found.get();
        Optional<EmergencyPolicyRequest> request = gateway.readBack(held.detail().request());
        if (request.isEmpty()) {
            return new Decision.Refused(409, "the recorded request cannot be read back, so it is not sent");
        }
        PreparedCall call = gateway.prepare(request.get());
        if (!ApprovalHold.hash(call.rendered()).equals(held.hold().requestHash())) {
            return new Decision.Refused(409, "the request the console would send now is not the one recorded and asked"
                    + " for (its hash differs): nothing is sent; reject it and ask again");
        }
        if (!holds.decide(entryId, true, approver, reason.strip(), now)) {
            return new Decision.Refused(409, "it was decided or expired meanwhile; nothing is sent");
        }
        SubmissionPipeline.Delivered delivered = SubmissionPipeline.sendAndRecord(call, entryId, history);
        return new Decision.Approved(new SubmissionResult.Sent(entryId, delivered.outcome(),
                com.policyconsole.domain.validation.Violations.none(), delivered.recorded()));
    }

    @Override
    public Decision reject(String approver, long entryId, String reason) {
        Optional<Held> found = held(entryId);
        Decision refused = refusal(found, approver, reason, false);
        if (refused != null) {
            return refused;
        }
        if (!holds.decide(entryId, false, approver, reason.strip(), clock.instant())) {
            return new Decision.Refused(409, "it was decided or expired meanwhile");
        }
        return new Decision.Rejected(entryId);
    }

    private Decision refusal(Optional<Held> found, String approver, String reason, boolean approving) {
        if (found.isEmpty()) {
            return new Decision.Refused(404, "there is no submission awaiting approval with this number");
        }
        RequestStatus status = found.get().detail().entry().status();
        if (status != RequestStatus.AWAITING_APPROVAL) {
            return new Decision.Refused(409, "it is " + status + ", no longer awaiting approval");
        }
        if (approving && ApprovalHold.userOf(approver).equalsIgnoreCase(found.get().hold().requestedBy())) {
            return new Decision.Refused(403, "a submission is approved by another person than its requester");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            return new Decision.Refused(422, "give a reason of 1 to " + MAX_REASON + " characters");
        }
        return null;
    }
}
