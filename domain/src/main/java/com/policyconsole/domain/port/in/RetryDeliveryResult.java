package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.HistoryDetail;
import java.util.List;

/** What became of a retry: nothing to retry, nothing sent (and why), the create to send again, or a retry sent. */
public sealed interface RetryDeliveryResult permits RetryDeliveryResult.NotFound, RetryDeliveryResult.NotRetryable,
        RetryDeliveryResult.NotSearched, RetryDeliveryResult.SendAgain, RetryDeliveryResult.Ambiguous,
        RetryDeliveryResult.Submitted {

    /** There is no such entry. */
    record NotFound(long entryId) implements RetryDeliveryResult {
    }

    /** The entry is not a failed or unknown create, or a retry already completed it. */
    record NotRetryable(HistoryDetail entry, String reason) implements RetryDeliveryResult {
    }

    /** Nothing was sent: SecMaster's policies or the recorded request could not be read. */
    record NotSearched(HistoryDetail entry, String reason) implements RetryDeliveryResult {
    }

    /** The create did not take effect ({@code reason} says how we know): the operator may send it again. */
    record SendAgain(HistoryDetail entry, SecMasterWorkspace workspace, String secmasterVersion, EmergencyPolicy policy,
                     String reason) implements RetryDeliveryResult {
    }

    /** Nothing was sent: SecMaster holds several policies with these objects, and which is this entry's is unknown. */
    record Ambiguous(HistoryDetail entry, List<String> policyIds) implements RetryDeliveryResult {

        public Ambiguous {
            policyIds = List.copyOf(policyIds);
        }
    }

    /** The retry ({@code action_type=retry} with the one matching policy) went through the submission path. */
    record Submitted(HistoryDetail entry, SubmissionResult result) implements RetryDeliveryResult {
    }
}
