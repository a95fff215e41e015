package com.policyconsole.sandbox;

import com.policyconsole.adapter.out.http.ErrorBody;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.secmaster.SecMasterCodec;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox's SecMaster: "Creating a Retry Emergency Policy" and the policy search, served by the console
 * itself so the console runs with no cloud account. It enforces the document's rules server-side with the
 * domain's own rule file and answers in SecMaster's formats ({@code {code, message}} errors).
 */
@SandboxGateway
@Path("/sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policys")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSecMasterResource {

    /** Sandbox error code for a request the document's rules refuse. */
    public static final String INVALID_PARAMETER = "SecMaster.20048001";
    /** docs/cloud-apis.md, Error codes: workspace not found. */
    public static final String WORKSPACE_NOT_FOUND = "SecMaster.20010001";
    /** docs/cloud-apis.md, Error codes: operation connection not found. */
    public static final String CONNECTION_NOT_FOUND = "SecMaster.20041002";
    /** Sandbox error code for a retry of a policy that does not exist. */
    public static final String POLICY_NOT_FOUND = "SecMaster.20041003";

    private final SandboxState state;
    private final SandboxFaults faults;

    public SandboxSecMasterResource(SandboxState state, SandboxFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response createOrRetry(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                                  @QueryParam("action_type") String actionType,
                                  @HeaderParam("x-secmaster-version") String version,
                                  @HeaderParam("content-type") String contentType, String body) {
        String requestId = UUID.randomUUID().toString();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return error(400, INVALID_PARAMETER, "content-type must be application/json;charset=UTF-8 (Table 3)",
                    requestId);
        }
        SandboxFaults.Fault fault = faults.next();
        if (fault == SandboxFaults.Fault.THROTTLE) {
            return answer(429, ErrorBody.writeGateway("APIG.0308", "The request is throttled (sandbox fault injection)"),
                    requestId);
        }
        WireJson.Typed<EmergencyPolicyRequest> read;
        try {
            read = SecMasterCodec.readRequest(new SecMasterWorkspace(projectId, workspaceId), version, actionType, body);
        } catch (WireJson.UnreadableBodyException e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        Violations violations = read.typeError() != null ? Violations.of(List.of(read.typeError()))
                : SecMasterRules.validate(read.value());
        if (violations.hasErrors()) {
            Violation first = violations.errors().get(0);
            return error(400, INVALID_PARAMETER, (first.path().isEmpty() ? "" : first.path() + ": ") + first.message(),
                    requestId);
        }
        EmergencyPolicyRequest request = read.value();
        if (!state.hasWorkspace(workspaceId)) {
            return error(400, WORKSPACE_NOT_FOUND, "workspace " + workspaceId + " does not exist", requestId);
        }
        for (DefenseConnection c : request.policy().defensePolicyList()) {
            if (!state.hasConnection(c.defenseConnectionId())) {
                return error(400, CONNECTION_NOT_FOUND,
                        "operation connection " + c.defenseConnectionId() + " does not exist", requestId);
            }
        }
        String taskId;
        if ("retry".equals(request.actionType())) {
            List<String> missing = state.missingPolicies(workspaceId, request.retryList());
            if (!missing.isEmpty()) {
                return error(400, POLICY_NOT_FOUND, "no such policies: " + missing, requestId);
            }
            taskId = state.retry(workspaceId, request.retryList());
        } else {
            taskId = state.create(workspaceId, request.policy());
        }
        if (fault == SandboxFaults.Fault.SERVER_ERROR) {
            return error(500, "SecMaster.00000500", "delivery to the defense layer failed (sandbox fault injection)",
                    requestId);
        }
        if (fault == SandboxFaults.Fault.TIMEOUT) {
            faults.holdForTimeout();
        }
        return answer(200, SecMasterCodec.writeSubmitAnswer(taskId, requestId), requestId);
    }

    /** The policy view list: body {@code {limit, offset}}, answer {@code {code, success, total, data[]}}. */
    @POST
    @Path("/search")
    @Consumes(MediaType.WILDCARD)
    public Response search(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                           @HeaderParam("x-secmaster-version") String version, String body) {
        String requestId = UUID.randomUUID().toString();
        if (!state.hasWorkspace(workspaceId)) {
            return error(400, WORKSPACE_NOT_FOUND, "workspace " + workspaceId + " does not exist", requestId);
        }
        WireJson.Typed<SecMasterCodec.SearchRequest> read;
        try {
            read = SecMasterCodec.readSearchRequest(body);
        } catch (WireJson.UnreadableBodyException e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        if (read.typeError() != null) {
            return error(400, INVALID_PARAMETER, read.typeError().path() + ": " + read.typeError().message(), requestId);
        }
        int limit = read.value().limit() == null ? 100 : Math.max(1, Math.min(read.value().limit(), 1000));
        int offset = read.value().offset() == null ? 0 : Math.max(0, read.value().offset());
        List<SandboxState.StoredPolicy> all = state.policies(workspaceId);
        List<SecMasterCodec.ListedPolicy> page = all.stream().skip(offset).limit(limit)
                .map(p -> new SecMasterCodec.ListedPolicy(p.id(), p.policy())).toList();
        return answer(200, SecMasterCodec.writeSearchAnswer(page, all.size(), requestId), requestId);
    }

    private static Response error(int status, String code, String message, String requestId) {
        return answer(status, SecMasterCodec.writeError(code, message), requestId);
    }

    private static Response answer(int status, String json, String requestId) {
        return Response.status(status).entity(json).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Request-Id", requestId).build();
    }
}
