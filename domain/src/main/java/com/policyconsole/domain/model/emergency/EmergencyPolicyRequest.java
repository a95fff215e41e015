package com.policyconsole.domain.model.emergency;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One complete call of "Creating a Retry Emergency Policy": the path values (Table 1), the action
 * (Table 2), the {@code x-secmaster-version} header (Table 3) and the body (Tables 4–8).
 *
 * @param workspace {@code project_id} and {@code workspace_id}
 * @param secmasterVersion the {@code x-secmaster-version} header, e.g. {@code 25.5.0}
 * @param actionType {@code action_type}: create or retry
 * @param retryList {@code data_object.retry_list}: the IDs of the policies whose delivery is retried
 * @param policy {@code data_object}
 */
public record EmergencyPolicyRequest(
        SecMasterWorkspace workspace,
        String secmasterVersion,
        String actionType,
        List<String> retryList,
        EmergencyPolicy policy) {

    /** The {@code x-secmaster-version} the documents show. */
    public static final String DEFAULT_SECMASTER_VERSION = "25.5.0";

    public EmergencyPolicyRequest {
        Objects.requireNonNull(workspace, "'workspace' must not be null");
        retryList = retryList == null ? null : List.copyOf(retryList);
    }

    /** A request that creates {@code policy}. */
    public static EmergencyPolicyRequest create(SecMasterWorkspace workspace, String version, EmergencyPolicy policy) {
        return new EmergencyPolicyRequest(workspace, version, ActionType.CREATE.wireName(), null, policy);
    }

    /** A request that retries the delivery of the policies {@code policyIds}. */
    public static EmergencyPolicyRequest retry(SecMasterWorkspace workspace, String version,
                                               List<String> policyIds, EmergencyPolicy policy) {
        return new EmergencyPolicyRequest(workspace, version, ActionType.RETRY.wireName(), policyIds, policy);
    }

    /** This request with another {@code data_object}. */
    public EmergencyPolicyRequest withPolicy(EmergencyPolicy other) {
        return new EmergencyPolicyRequest(workspace, secmasterVersion, actionType, retryList, other);
    }

    public Optional<ActionType> action() {
        return ActionType.fromWire(actionType);
    }
}
