package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.util.Objects;

/**
 * Input of {@link CreateEmergencyPolicyUseCase}.
 *
 * @param actor who submits
 * @param workspace project and workspace
 * @param secmasterVersion the {@code x-secmaster-version} header
 * @param policy the policy
 * @param warningsAcknowledged whether the operator has seen and accepted the guardrail warnings
 * @param retryOf the history entry this create sends again (one that certainly did not take effect), or null
 */
public record CreateEmergencyPolicyCommand(String actor, SecMasterWorkspace workspace, String secmasterVersion,
                                           EmergencyPolicy policy, boolean warningsAcknowledged, Long retryOf) {

    public CreateEmergencyPolicyCommand {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(workspace, "'workspace' must not be null");
    }

    /** A create that is not a resend of an earlier entry. */
    public CreateEmergencyPolicyCommand(String actor, SecMasterWorkspace workspace, String secmasterVersion,
                                        EmergencyPolicy policy, boolean warningsAcknowledged) {
        this(actor, workspace, secmasterVersion, policy, warningsAcknowledged, null);
    }

    public EmergencyPolicyRequest toRequest() {
        return EmergencyPolicyRequest.create(workspace, secmasterVersion, policy);
    }
}
