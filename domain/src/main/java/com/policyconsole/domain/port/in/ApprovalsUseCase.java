package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.history.HistoryDetail;
import java.util.List;
import java.util.Optional;

/** Four-eyes: the submissions awaiting a second person, and their approval (which sends them) or rejection. */
public interface ApprovalsUseCase {

    /** A held submission: its entry with the exact request, and its hold. */
    record Held(HistoryDetail detail, ApprovalHold hold) {
    }

    /** What became of a decision. */
    sealed interface Decision {
        /** Approved and sent: the outcome is on the same entry. */
        record Approved(SubmissionResult.Sent sent) implements Decision {
        }

        /** Rejected: never sent. */
        record Rejected(long entryId) implements Decision {
        }

        /** Nothing decided, and why (no such entry, decided already, expired, one's own, changed, no reason). */
        record Refused(int status, String reason) implements Decision {
        }
    }

    List<Held> awaiting();

    Optional<Held> held(long entryId);

    /** Approves and sends exactly the recorded request, if {@code approver} is not its requester and it is unexpired. */
    Decision approve(String approver, long entryId, String reason);

    /** Rejects it with a reason (the requester may withdraw their own). */
    Decision reject(String approver, long entryId, String reason);
}
