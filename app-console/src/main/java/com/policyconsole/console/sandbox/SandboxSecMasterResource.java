package com.policyconsole.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.console.wire.EmergencyPolicyWire;
import com.policyconsole.console.wire.WireReader;
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
    static final String INVALID_PARAMETER = "SecMaster.20048001";
    /** NOTES.md: workspace not found. */
    static final String WORKSPACE_NOT_FOUND = "SecMaster.20010001";
    /** NOTES.md: operation connection not found. */
    static final String CONNECTION_NOT_FOUND = "SecMaster.20041002";
    /** Sandbox error code for a retry of a policy that does not exist. */
    static final String POLICY_NOT_FOUND = "SecMaster.20041003";

    private final SandboxState state;
    private final SandboxFaults faults;
    private final ObjectMapper json;

    public SandboxSecMasterResource(SandboxState state, SandboxFaults faults, ObjectMapper json) {
        this.state = state;
        this.faults = faults;
        this.json = json;
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
            ObjectNode throttled = json.createObjectNode();
            throttled.put("error_code", "APIG.0308");
            throttled.put("error_msg", "The request is throttled (sandbox fault injection)");
            return Response.status(429).entity(throttled).header("X-Request-Id", requestId).build();
        }
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        WireReader reader = new WireReader();
        EmergencyPolicyRequest request = EmergencyPolicyWire.read(new SecMasterWorkspace(projectId, workspaceId),
                version, actionType, root, reader);
        Violations violations = Violations.of(reader.typeErrors()).and(SecMasterRules.validate(request));
        if (violations.hasErrors()) {
            Violation first = violations.errors().get(0);
            return error(400, INVALID_PARAMETER, first.path() + ": " + first.message(), requestId);
        }
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
        ObjectNode ok = json.createObjectNode();
        ok.put("code", "00000000");
        ok.put("data", taskId);
        ok.put("message", "success");
        ok.put("request_id", requestId);
        ok.put("success", true);
        return Response.ok(ok).header("X-Request-Id", requestId).build();
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
        int limit = 100;
        int offset = 0;
        try {
            JsonNode root = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
            limit = Math.max(1, Math.min(root.path("limit").asInt(100), 1000));
            offset = Math.max(0, root.path("offset").asInt(0));
        } catch (Exception e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        List<SandboxState.StoredPolicy> all = state.policies(workspaceId);
        ObjectNode out = json.createObjectNode();
        out.put("code", "00000000");
        out.put("message", "success");
        out.put("request_id", requestId);
        out.put("success", true);
        out.put("total", all.size());
        var data = out.putArray("data");
        all.stream().skip(offset).limit(limit).forEach(p -> {
            ObjectNode item = data.addObject();
            item.put("policy_id", p.id());
            item.put("id", p.id());
            item.put("block_target", p.policy().blockTarget());
            item.put("policy_category", p.policy().policyCategory());
            item.putObject("policy_type").put("policy_type", p.policy().policyType());
            ObjectNode age = item.putObject("block_age");
            age.put("is_block_ageing", p.policy().blockAge().ages());
            age.put("block_ageing", p.policy().blockAge().blockAgeing());
        });
        return Response.ok(out).header("X-Request-Id", requestId).build();
    }

    private Response error(int status, String code, String message, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        return Response.status(status).entity(body).header("X-Request-Id", requestId).build();
    }
}
