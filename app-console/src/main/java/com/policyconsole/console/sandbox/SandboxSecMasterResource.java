package com.policyconsole.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox's SecMaster: "Creating a Retry Emergency Policy" and the policy search, served by the console
 * itself so the console runs with no cloud account. It enforces the document's rules server-side with the
 * domain's own rule file and answers in SecMaster's formats ({@code {code, message}} errors).
 */
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
    private final ObjectMapper json;

    public SandboxSecMasterResource(SandboxState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response createOrRetry(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                                  @QueryParam("action_type") String actionType,
                                  @HeaderParam("x-secmaster-version") String version, String body) {
        String requestId = UUID.randomUUID().toString();
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        WireReader reader = new WireReader();
        EmergencyPolicyRequest request = read(new SecMasterWorkspace(projectId, workspaceId), version, actionType,
                root, reader);
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
        ObjectNode ok = json.createObjectNode();
        ok.put("code", "00000000");
        ok.put("data", taskId);
        ok.put("message", "success");
        ok.put("request_id", requestId);
        ok.put("success", true);
        return Response.ok(ok).header("X-Request-Id", requestId).build();
    }

    private static EmergencyPolicyRequest read(SecMasterWorkspace workspace, String version, String actionType,
                                               JsonNode root, WireReader r) {
        JsonNode data = r.object(root, "data_object", "data_object");
        if (data == null) {
            return new EmergencyPolicyRequest(workspace, version, actionType, null, null);
        }
        JsonNode age = r.object(data, "block_age", "data_object.block_age");
        JsonNode type = r.object(data, "policy_type", "data_object.policy_type");
        List<JsonNode> connections = r.array(data, "defense_policy_list", "data_object.defense_policy_list");
        List<DefenseConnection> parsed = null;
        if (connections != null) {
            parsed = new ArrayList<>();
            for (int i = 0; i < connections.size(); i++) {
                JsonNode c = connections.get(i);
                String p = "data_object.defense_policy_list[" + i + "].";
                parsed.add(new DefenseConnection(
                        r.text(c, "defense_connection_id", p + "defense_connection_id"),
                        r.text(c, "defense_connection_name", p + "defense_connection_name"),
                        r.text(c, "defense_connection_region_id", p + "defense_connection_region_id"),
                        r.text(c, "defense_connection_region_name", p + "defense_connection_region_name"),
                        r.text(c, "defense_type", p + "defense_type"),
                        r.text(c, "target_enterprise_id", p + "target_enterprise_id"),
                        r.text(c, "target_enterprise_name", p + "target_enterprise_name"),
                        r.text(c, "target_project_id", p + "target_project_id"),
                        r.text(c, "target_project_name", p + "target_project_name")));
            }
        }
        EmergencyPolicy policy = new EmergencyPolicy(
                r.text(data, "region_id", "data_object.region_id"),
                r.text(data, "block_target", "data_object.block_target"),
                r.text(data, "policy_category", "data_object.policy_category"),
                r.text(type, "policy_type", "data_object.policy_type.policy_type"),
                age == null ? null : new BlockAge(r.bool(age, "is_block_ageing", "data_object.block_age.is_block_ageing"),
                        r.text(age, "block_ageing", "data_object.block_age.block_ageing")),
                parsed,
                r.text(data, "description", "data_object.description"),
                r.text(data, "labels", "data_object.labels"),
                r.text(data, "policy_direction", "data_object.policy_direction"),
                r.text(data, "account_scope", "data_object.account_scope"),
                r.text(data, "eps_scope", "data_object.eps_scope"),
                r.text(data, "region_scope", "data_object.region_scope"));
        List<String> retryList = r.texts(data, "retry_list", "data_object.retry_list");
        return new EmergencyPolicyRequest(workspace, version, actionType, retryList, policy);
    }

    private Response error(int status, String code, String message, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        return Response.status(status).entity(body).header("X-Request-Id", requestId).build();
    }
}
