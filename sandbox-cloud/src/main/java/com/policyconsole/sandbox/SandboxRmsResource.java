package com.policyconsole.sandbox;

import com.policyconsole.adapter.out.config.ConfigCodec;
import com.policyconsole.adapter.out.http.ErrorBody;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox's Config (RMS): "Adding a Rule", the rule list with marker paging and the built-in policy
 * definitions. It enforces the document's rules and the definitions' parameter schemas server-side and
 * answers with Config's {@code {error_code, error_msg}} errors and codes (Config API reference, "Error Codes";
 * docs/cloud-apis.md, Error codes).
 */
@SandboxGateway
@Path("/sandbox/rms/v1/resource-manager")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxRmsResource {

    public static final String INVALID_PARAMETER = "RMS.00010004";
    public static final String NAME_TOO_LONG = "RMS.00010045";
    public static final String ILLEGAL_NAME = "RMS.00010046";
    public static final String INVALID_DEFINITION = "RMS.00010042";

    private final SandboxState state;
    private final SandboxFaults faults;

    public SandboxRmsResource(SandboxState state, SandboxFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    @PUT
    @Path("/domains/{domain_id}/policy-assignments")
    @Consumes(MediaType.WILDCARD)
    public Response addRule(@PathParam("domain_id") String domainId,
                            @HeaderParam("content-type") String contentType, String body) {
        String requestId = UUID.randomUUID().toString();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return error(400, INVALID_PARAMETER, "content-type must be application/json", requestId);
        }
        SandboxFaults.Fault fault = faults.next();
        if (fault == SandboxFaults.Fault.THROTTLE) {
            return answer(429, ErrorBody.writeGateway("APIG.0308", "The request is throttled (sandbox fault injection)"),
                    requestId);
        }
        if (body == null || body.isBlank()) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        WireJson.Typed<ConfigRule> read;
        try {
            read = ConfigCodec.readRule(body);
        } catch (WireJson.UnreadableBodyException e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        if (read.typeError() != null) {
            return error(400, INVALID_PARAMETER, read.typeError().path().isEmpty() ? read.typeError().message()
                    : read.typeError().path() + ": " + read.typeError().message(), requestId);
        }
        ConfigRule rule = read.value();
        Violations violations = ConfigRules.validate(new ConfigRuleRequest(domainId, rule));
        if (!violations.hasErrors() && rule.assignmentType().orElse(null) == PolicyAssignmentType.BUILTIN) {
            var definition = SandboxCatalog.find(rule.policyDefinitionId());
            if (definition.isEmpty()) {
                return error(400, INVALID_DEFINITION, "invalid policy definition ID " + rule.policyDefinitionId(), requestId);
            }
            violations = ConfigRules.validateParameters(rule, definition.get());
        }
        if (violations.hasErrors()) {
            Violation first = violations.errors().get(0);
            String code = !first.path().equals("name") ? INVALID_PARAMETER
                    : first.code() == ViolationCode.TOO_LONG ? NAME_TOO_LONG : ILLEGAL_NAME;
            return error(400, code, first.path() + ": " + first.message(), requestId);
        }
        var stored = state.addRule(domainId, rule);
        if (stored.isEmpty()) {
            return error(400, INVALID_PARAMETER, "a rule named " + rule.name() + " already exists", requestId);
        }
        if (fault == SandboxFaults.Fault.SERVER_ERROR) {
            return error(500, "RMS.INTERNAL.ERROR", "internal error after the rule was stored (sandbox fault injection)",
                    requestId);
        }
        if (fault == SandboxFaults.Fault.TIMEOUT) {
            faults.holdForTimeout();
        }
        return answer(200, ConfigCodec.writeAssignment(assignment(stored.get())), requestId);
    }

    @GET
    @Path("/domains/{domain_id}/policy-assignments")
    public Response listRules(@PathParam("domain_id") String domainId, @QueryParam("limit") Integer limit,
                              @QueryParam("marker") String marker) {
        int size = limit == null ? 200 : Math.max(1, Math.min(limit, 200));
        List<SandboxState.StoredRule> rules = state.rules(domainId);
        int start = 0;
        if (marker != null && !marker.isBlank()) {
            start = -1;
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).id().equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                return error(400, INVALID_PARAMETER, "invalid marker", UUID.randomUUID().toString());
            }
        }
        List<SandboxState.StoredRule> page = rules.subList(start, Math.min(rules.size(), start + size));
        String next = start + size < rules.size() ? page.get(page.size() - 1).id() : null;
        return Response.ok(ConfigCodec.writeAssignmentPage(page.stream().map(SandboxRmsResource::assignment).toList(),
                next), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/policy-definitions")
    public Response definitions() {
        return Response.ok(ConfigCodec.writeDefinitionPage(SandboxCatalog.definitions()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** A stored rule as Config answers with it: enabled, created and updated at once, made by the caller. */
    private static PolicyAssignment assignment(SandboxState.StoredRule stored) {
        ConfigRule r = stored.rule();
        ConfigRule rule = new ConfigRule(
                r.assignmentType().map(PolicyAssignmentType::wireName).orElse(PolicyAssignmentType.BUILTIN.wireName()),
                r.name(), r.description(), r.period(), r.policyFilter(), r.policyDefinitionId(), r.customPolicy(),
                r.parameters(), r.tags());
        return new PolicyAssignment(stored.id(), rule, "Enabled", stored.created(), stored.created(), "custom", null,
                null);
    }

    private static Response error(int status, String code, String message, String requestId) {
        return answer(status, ConfigCodec.writeError(code, message), requestId);
    }

    private static Response answer(int status, String json, String requestId) {
        return Response.status(status).entity(json).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Request-Id", requestId).build();
    }
}
