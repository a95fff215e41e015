package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * SecMaster's "Creating a Retry Emergency Policy" request (Tables 1–5) as a Bean Validation bean: every rule of
 * {@code SecMasterRules} that standard constraints can state, and none weakened.
 */
public final class AnnotatedEmergencyPolicyRequest {

    @NotBlank
    @Pattern(regexp = WireFormats.PATH_ID)
    private final String projectId;

    @NotBlank
    @Pattern(regexp = WireFormats.PATH_ID)
    private final String workspaceId;

    @NotBlank
    @Pattern(regexp = WireFormats.ACTION_TYPE)
    private final String actionType;

    @NotBlank
    @Pattern(regexp = WireFormats.VERSION)
    private final String secmasterVersion;

    private final List<@NotBlank @Pattern(regexp = WireFormats.PATH_ID) String> retryList;

    @NotNull
    @Valid
    private final AnnotatedEmergencyPolicy policy;

    private AnnotatedEmergencyPolicyRequest(EmergencyPolicyRequest r) {
        this.projectId = r.workspace().projectId();
        this.workspaceId = r.workspace().workspaceId();
        this.actionType = r.actionType();
        this.secmasterVersion = r.secmasterVersion();
        this.retryList = r.retryList();
        this.policy = AnnotatedEmergencyPolicy.from(r.policy());
    }

    /** The same values as {@code request}. */
    public static AnnotatedEmergencyPolicyRequest from(EmergencyPolicyRequest request) {
        return new AnnotatedEmergencyPolicyRequest(request);
    }
}
