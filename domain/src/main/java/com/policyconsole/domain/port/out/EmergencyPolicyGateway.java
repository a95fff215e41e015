package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import java.util.List;
import java.util.Optional;

/** SecMaster's emergency-policy endpoints, as the domain needs them. */
public interface EmergencyPolicyGateway {

    /**
     * Prepares a create or retry ({@code POST …/soc/policys?action_type=…}) once: what is previewed and recorded is
     * what is sent. Sending never throws for cloud or network failures: they come back as
     * {@link CloudOutcome.Refused}, {@link CloudOutcome.Failed} or {@link CloudOutcome.Unknown}.
     *
     * @throws IllegalStateException when the service's address is not configured
     */
    PreparedCall prepare(EmergencyPolicyRequest request);

    /**
     * Reads the workspace's policies back ({@code POST …/soc/policys/search}), for the guardrails and retries.
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    WorkspacePolicies search(SecMasterWorkspace workspace, String secmasterVersion);

    /** The request a recorded create or retry was made from; empty when the recorded request is not one. */
    Optional<EmergencyPolicyRequest> readBack(RenderedRequest recorded);

    /**
     * The removal or ageing change a recorded request was made from; empty when the recorded request is not one. Its
     * subjects carry the policy IDs only.
     */
    Optional<PolicyChange> readBackChange(RenderedRequest recorded);

    /**
     * Every policy of the workspace as SecMaster lists it ({@code POST …/soc/policys/search}, page by page).
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    List<SecMasterPolicy> list(SecMasterWorkspace workspace, String secmasterVersion);

    /**
     * One policy ({@code GET …/soc/policys/{policy_id}}); empty when SecMaster has no such policy.
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    Optional<SecMasterPolicy> show(SecMasterWorkspace workspace, String secmasterVersion, String policyId);

    /**
     * A policy's delivery records per defense layer ({@code POST …/soc/policy-records/{policy_id}/search}), the latest
     * record of each operation connection.
     *
     * @throws CloudReadException when the cloud cannot be read, or has no such policy
     */
    List<LayerDelivery> deliveryRecords(SecMasterWorkspace workspace, String secmasterVersion, String policyId);

    /**
     * Prepares a removal ({@code POST …/soc/policys/batch-delete}) or an ageing change ({@code PUT …/soc/policys/{id}})
     * once, as {@link #prepare(EmergencyPolicyRequest)} does for a create.
     */
    PreparedCall prepare(PolicyChange change);
}
