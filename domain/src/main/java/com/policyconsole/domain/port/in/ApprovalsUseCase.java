package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.RenderedRequest;
import java.util.List;
import java.util.Optional;

/**
 * Four-eyes: the submissions and bulk jobs awaiting a second person, and their approval (which sends them, or starts
 * the job) or rejection.
 */
public interface ApprovalsUseCase {

    /** A held submission: its entry with the exact request, and its hold. */
    record Held(HistoryDetail detail, ApprovalHold hold) {
    }

    /** A held bulk job: its deliveries as planned, and its hold (bound to the hash of every delivery's request). */
    record HeldJob(JobProgress job, ApprovalHold hold) {
    }

    /** What became of a decision. */
    sealed interface Decision {
        /** Approved and sent: the outcome is on the same entry. */
        record Approved(SubmissionResult.Sent sent) implements Decision {
        }

        /** A bulk job approved: its deliveries run from now on. */
        record Started(long jobId) implements Decision {
        }

        /** Rejected: never sent. */
        record Rejected(long entryId) implements Decision {
        }

        /** Nothing decided: why, and the reason in words (for the page or the problem that answers it). */
        record Refused(Why why, String reason) implements Decision {
        }
    }

    /** Why nothing was decided. */
    enum Why {
        /** There is no held submission or bulk job with this number. */
        UNKNOWN,
        /** It no longer awaits a decision: decided, expired or withdrawn already. */
        NOT_AWAITING,
        /** Not this person's to decide: their own request, an approval that does not count, not its requester. */
        NOT_ALLOWED,
        /** The decision is incomplete: it gives no reason. */
        INCOMPLETE,
        /** What the console would send now is not what was held, or the held request cannot be read back. */
        CHANGED
    }

    /** How many held submissions one page of {@link #awaiting(Long)} holds. */
    int PAGE = 50;

    /** The newest held submissions (one page). */
    default List<Held> awaiting() {
        return awaiting(null);
    }

    /** One page of the held submissions, newest first, older than entry {@code before} if given. */
    List<Held> awaiting(Long before);

    Optional<Held> held(long entryId);

    /** Approves and sends exactly the recorded request, if {@code approver} is not its requester and it is unexpired. */
    Decision approve(String approver, long entryId, String reason);

    /** Rejects it with a reason (the requester may withdraw their own). */
    Decision reject(String approver, long entryId, String reason);

    /**
     * Withdraws a held submission, if {@code requester} asked for it: its rejection by the requester, before a
     * decision; nothing is sent.
     */
    Decision withdraw(String requester, long entryId);

    /** The bulk jobs awaiting approval, oldest first. */
    List<HeldJob> awaitingJobs();

    /** Bulk job {@code jobId}, if it was held (decided or not). */
    Optional<HeldJob> heldJob(long jobId);

    /** The exact requests a held job's deliveries send, in order (what its hold's hash is of). */
    List<RenderedRequest> jobRequests(long jobId);

    /** Approves a held job, if its deliveries are still the ones asked for: they run from now on. */
    Decision approveJob(String approver, long jobId, String reason);

    /** Rejects a held job with a reason: none of its deliveries is sent. */
    Decision rejectJob(String approver, long jobId, String reason);
}
