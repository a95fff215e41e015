package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.util.List;
import java.util.Objects;

/**
 * Input of {@link RetryEmergencyPolicyUseCase}.
 *
 * @param actor who submits
 * @param workspace project and workspace
 * @param secmasterVersion the {@code x-secmaster-version} header
 * @param policyIds the policies whose delivery is retried ({@code retry_list})
 * @param policy the policy entity sent with the retry
 * @param retryOf the history entry being retried, or null
 */
public record RetryEmergencyPolicyCommand(String actor, SecMasterWorkspace workspace, String secmasterVersion,
                                          List<String> policyIds, EmergencyPolicy policy, Long retryOf) {

    public RetryEmergencyPolicyCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(workspace, "'workspace' must not be null");
        policyIds = policyIds == null ? List.of() : List.copyOf(policyIds);
    }

    public EmergencyPolicyRequest toRequest() {
        return EmergencyPolicyRequest.retry(workspace, secmasterVersion, policyIds, policy);
    }
}
