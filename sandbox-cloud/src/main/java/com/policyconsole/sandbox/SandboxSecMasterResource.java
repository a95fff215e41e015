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
import com.policyconsole.domain.model.emergency.BlockAge;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;

/**
 * The sandbox's SecMaster: "Creating a Retry Emergency Policy", the policy search, show, update and batch delete,
 * and the delivery records, served by the console itself so the console runs with no cloud account. It keeps
 * SecMaster's limits (objects per delivery, VPC per minute, tasks at once, quotas; see {@link SandboxState}). It enforces the document's rules server-side with the
 * domain's own rule file and answers in SecMaster's formats ({@code {code, message}} errors).
 */
@SandboxGateway
@Path("/sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSecMasterResource {

    /** Sandbox error code for a request the document's rules refuse. */
    public static final String INVALID_PARAMETER = "SecMaster.20048001";
    /** docs/cloud-apis.md, Error codes: workspace not found. */
    public static final String WORKSPACE_NOT_FOUND = "SecMaster.20010001";
    /** docs/cloud-apis.md, Error codes: operation connection not found. */
    public static final String CONNECTION_NOT_FOUND = "SecMaster.20041002";
    /** Sandbox error code for a policy that does not exist. */
    public static final String POLICY_NOT_FOUND = "SecMaster.20041003";
    /** Sandbox error code for a delivery with more objects than a layer takes at once (or in a minute, VPC). */
    public static final String TOO_MANY_OBJECTS = "SecMaster.20048002";
    /** Sandbox error code for a create or retry while the most policy tasks already run. */
    public static final String TOO_MANY_TASKS = "SecMaster.20048003";
    /** Sandbox error code for a workspace quota (policies, policies with ageing) that is full. */
    public static final String QUOTA_EXCEEDED = "SecMaster.20048004";

    private final SandboxState state;
    private final SandboxFaults faults;

    public SandboxSecMasterResource(SandboxState state, SandboxFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    @POST
    @Path("/policys")
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
            return unknownWorkspace(workspaceId, requestId);
        }
        for (DefenseConnection c : request.policy().defensePolicyList()) {
            if (!state.hasConnection(c.defenseConnectionId())) {
                return error(400, CONNECTION_NOT_FOUND,
                        "operation connection " + c.defenseConnectionId() + " does not exist", requestId);
            }
        }
        SandboxState.Accepted accepted;
        if ("retry".equals(request.actionType())) {
            List<String> missing = state.missingPolicies(workspaceId, request.retryList());
            if (!missing.isEmpty()) {
                return error(400, POLICY_NOT_FOUND, "no such policies: " + missing, requestId);
            }
            accepted = state.retry(workspaceId, request.retryList());
        } else {
            accepted = state.create(workspaceId, request.policy());
        }
        if (accepted.refusal() != null) {
            return error(400, accepted.refusal().code(), accepted.refusal().message(), requestId);
        }
        String taskId = accepted.taskId();
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
    @Path("/policys/search")
    @Consumes(MediaType.WILDCARD)
    public Response search(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                           @HeaderParam("x-secmaster-version") String version, String body) {
        String requestId = UUID.randomUUID().toString();
        if (!state.hasWorkspace(workspaceId)) {
            return unknownWorkspace(workspaceId, requestId);
        }
        Body<SecMasterCodec.SearchRequest> read = read(body, SecMasterCodec::readSearchRequest, requestId);
        if (read.refusal() != null) {
            return read.refusal();
        }
        int limit = read.value().limit() == null ? 100 : Math.max(1, Math.min(read.value().limit(), 1000));
        int offset = read.value().offset() == null ? 0 : Math.max(0, read.value().offset());
        List<SandboxState.StoredPolicy> all = state.policies(workspaceId);
        List<SecMasterCodec.ListedPolicy> page = all.stream().skip(offset).limit(limit)
                .map(SandboxSecMasterResource::listed).toList();
        return answer(200, SecMasterCodec.writeSearchAnswer(page, all.size(), requestId), requestId);
    }

    /** One policy: {@code data.data_object}, or 400 {@link #POLICY_NOT_FOUND}. */
    @GET
    @Path("/policys/{policy_id}")
    public Response show(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                         @PathParam("policy_id") String policyId) {
        String requestId = UUID.randomUUID().toString();
        if (!state.hasWorkspace(workspaceId)) {
            return unknownWorkspace(workspaceId, requestId);
        }
        return state.policy(workspaceId, policyId)
                .map(p -> answer(200, SecMasterCodec.writeShowAnswer(listed(p), requestId), requestId))
                .orElseGet(() -> error(400, POLICY_NOT_FOUND, "no such policy: " + policyId, requestId));
    }

    /**
     * Changes a policy: {@code batch_ids} required (and naming this policy), only {@code block_age} may change —
     * the objects and their type cannot change after creation.
     */
    @PUT
    @Path("/policys/{policy_id}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                           @PathParam("policy_id") String policyId, @HeaderParam("x-secmaster-version") String version,
                           String body) {
        String requestId = UUID.randomUUID().toString();
        if (!state.hasWorkspace(workspaceId)) {
            return unknownWorkspace(workspaceId, requestId);
        }
        if (version == null || version.isBlank()) {
            return error(400, INVALID_PARAMETER, "x-secmaster-version is required", requestId);
        }
        Body<SecMasterCodec.PolicyUpdate> read = read(body, SecMasterCodec::readUpdate, requestId);
        if (read.refusal() != null) {
            return read.refusal();
        }
        SecMasterCodec.PolicyUpdate update = read.value();
        if (update.batchIds() == null || update.batchIds().isEmpty()) {
            return error(400, INVALID_PARAMETER, "batch_ids is required", requestId);
        }
        if (!update.batchIds().equals(List.of(policyId))) {
            return error(400, INVALID_PARAMETER, "batch_ids must name the policy of the path", requestId);
        }
        if (update.changesObjects()) {
            return error(400, INVALID_PARAMETER, "a policy's objects and object type cannot change after creation",
                    requestId);
        }
        BlockAge age = update.changes().blockAge();
        if (age == null) {
            return error(400, INVALID_PARAMETER, "nothing to change: data_object.block_age is missing", requestId);
        }
        List<Violation> ageing = SecMasterRules.validate(EmergencyPolicyRequest.create(
                new SecMasterWorkspace(projectId, workspaceId), version, state.policy(workspaceId, policyId)
                        .map(p -> p.policy().toBuilder().blockAge(age).build()).orElse(update.changes())))
                .errors().stream().filter(v -> v.path().startsWith("data_object.block_age")).toList();
        if (!ageing.isEmpty()) {
            return error(400, INVALID_PARAMETER, ageing.get(0).path() + ": " + ageing.get(0).message(), requestId);
        }
        SandboxState.Refusal refusal = state.changeAgeing(workspaceId, policyId, age);
        if (refusal != null) {
            return error(400, refusal.code(), refusal.message(), requestId);
        }
        return answer(200, SecMasterCodec.writeChangeAnswer(policyId, requestId), requestId);
    }

    /** Removes the policies of {@code batch_ids}, all or none: none when one of them does not exist. */
    @POST
    @Path("/policys/batch-delete")
    @Consumes(MediaType.WILDCARD)
    public Response batchDelete(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                                String body) {
        String requestId = UUID.randomUUID().toString();
        if (!state.hasWorkspace(workspaceId)) {
            return unknownWorkspace(workspaceId, requestId);
        }
        Body<List<String>> read = read(body, SecMasterCodec::readRemoval, requestId);
        if (read.refusal() != null) {
            return read.refusal();
        }
        if (read.value() == null || read.value().isEmpty()) {
            return error(400, INVALID_PARAMETER, "batch_ids is required", requestId);
        }
        List<String> missing = state.remove(workspaceId, read.value());
        if (!missing.isEmpty()) {
            return error(400, POLICY_NOT_FOUND, "no such policies: " + missing + "; nothing was removed", requestId);
        }
        return answer(200, SecMasterCodec.writeChangeAnswer(String.join(",", read.value()), requestId), requestId);
    }

    /** A policy's delivery records, one per delivery task, each with its layers' states. */
    @POST
    @Path("/policy-records/{policy_id}/search")
    @Consumes(MediaType.WILDCARD)
    public Response records(@PathParam("project_id") String projectId, @PathParam("workspace_id") String workspaceId,
                            @PathParam("policy_id") String policyId, String body) {
        String requestId = UUID.randomUUID().toString();
        if (!state.hasWorkspace(workspaceId)) {
            return unknownWorkspace(workspaceId, requestId);
        }
        if (state.policy(workspaceId, policyId).isEmpty()) {
            return error(400, POLICY_NOT_FOUND, "no such policy: " + policyId, requestId);
        }
        Body<SecMasterCodec.SearchRequest> read = read(body, SecMasterCodec::readSearchRequest, requestId);
        if (read.refusal() != null) {
            return read.refusal();
        }
        int limit = read.value().limit() == null ? 100 : Math.max(1, Math.min(read.value().limit(), 500));
        int offset = read.value().offset() == null ? 0 : Math.max(0, read.value().offset());
        List<SecMasterCodec.DeliveryRecord> all = state.records(workspaceId, policyId);
        return answer(200, SecMasterCodec.writeRecordsAnswer(all.stream().skip(offset).limit(limit).toList(),
                all.size(), requestId), requestId);
    }

    private static SecMasterCodec.ListedPolicy listed(SandboxState.StoredPolicy p) {
        return new SecMasterCodec.ListedPolicy(p.id(), p.policy(), "ENABLED", p.createdAt(), "sandbox");
    }

    /** A request body as read: the value, or the 400 answer when it is not JSON or a field has the wrong type. */
    private record Body<T>(T value, Response refusal) {
    }

    private static <T> Body<T> read(String body, Function<String, WireJson.Typed<T>> reader, String requestId) {
        WireJson.Typed<T> typed;
        try {
            typed = reader.apply(body);
        } catch (WireJson.UnreadableBodyException e) {
            return new Body<>(null, error(400, INVALID_PARAMETER, "the request body is not JSON", requestId));
        }
        if (typed.typeError() != null) {
            return new Body<>(null, error(400, INVALID_PARAMETER, typed.typeError().path() + ": "
                    + typed.typeError().message(), requestId));
        }
        return new Body<>(typed.value(), null);
    }

    private static Response unknownWorkspace(String workspaceId, String requestId) {
        return error(400, WORKSPACE_NOT_FOUND, "workspace " + workspaceId + " does not exist", requestId);
    }

    private static Response error(int status, String code, String message, String requestId) {
        return answer(status, SecMasterCodec.writeError(code, message), requestId);
    }

    private static Response answer(int status, String json, String requestId) {
        return Response.status(status).entity(json).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Request-Id", requestId).build();
    }
}
