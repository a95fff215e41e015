package com.policyconsole.domain.service;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.RetryDeliveryCommand;
import com.policyconsole.domain.port.in.RetryDeliveryResult;
import com.policyconsole.domain.port.in.RetryDeliveryUseCase;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyUseCase;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how a failed or unknown emergency-policy delivery is completed. A FAILED create certainly never reached
 * SecMaster, so it is offered to be sent again. Otherwise SecMaster is searched for the policies with the same
 * category, objects and ageing as the recorded request: none — the create never took effect, send it again; one —
 * retry its delivery ({@code action_type=retry}); several — which one is this entry's cannot be told, send nothing.
 */
public final class RetryDeliveryService implements RetryDeliveryUseCase {

    private final HistoryReader history;
    private final EmergencyPolicyGateway gateway;
    private final RetryEmergencyPolicyUseCase retries;

    public RetryDeliveryService(HistoryReader history, EmergencyPolicyGateway gateway,
                                RetryEmergencyPolicyUseCase retries) {
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.retries = Objects.requireNonNull(retries, "'retries' must not be null");
    }

    @Override
    public RetryDeliveryResult retry(RetryDeliveryCommand command) {
        Optional<HistoryDetail> found = history.detail(command.entryId());
        if (found.isEmpty()) {
            return new RetryDeliveryResult.NotFound(command.entryId());
        }
        HistoryDetail entry = found.get();
        long id = entry.entry().id();
        if (!entry.isRetryable()) {
            return new RetryDeliveryResult.NotRetryable(entry, entry.resolvedBy() != null
                    ? "This delivery was already completed by entry #" + entry.resolvedBy() + "."
                    : "This entry cannot be retried: only failed or unknown SecMaster deliveries can.");
        }
        Optional<EmergencyPolicyRequest> recorded = gateway.readBack(entry.request())
                .filter(request -> request.policy() != null);
        if (recorded.isEmpty()) {
            return new RetryDeliveryResult.NotSearched(entry, "the recorded request of entry " + id
                    + " cannot be read back");
        }
        EmergencyPolicyRequest original = recorded.get();
        EmergencyPolicy policy = original.policy();
        if (entry.entry().status() == RequestStatus.FAILED) {
            return new RetryDeliveryResult.SendAgain(entry, original.workspace(), original.secmasterVersion(), policy,
                    "Entry #" + id + " certainly did not reach SecMaster.");
        }
        List<String> ids;
        try {
            ids = SecMasterMatches.policies(gateway, original);
        } catch (CloudReadException e) {
            return new RetryDeliveryResult.NotSearched(entry, e.getMessage());
        }
        if (ids.isEmpty()) {
            return new RetryDeliveryResult.SendAgain(entry, original.workspace(), original.secmasterVersion(), policy,
                    "SecMaster holds no policy with these objects, so entry #" + id + " did not create one.");
        }
        if (ids.size() > 1) {
            return new RetryDeliveryResult.Ambiguous(entry, ids);
        }
        return new RetryDeliveryResult.Submitted(entry, retries.retry(new RetryEmergencyPolicyCommand(command.actor(),
                original.workspace(), original.secmasterVersion(), ids, policy, id)));
    }
}
