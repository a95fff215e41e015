package com.policyconsole.sandbox;

import com.policyconsole.adapter.out.config.ConfigCodec;
import com.policyconsole.adapter.out.http.ErrorBody;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox's Config (RMS): "Adding a Rule", the rule list with marker paging, the built-in policy
 * definitions, and one rule's show, update, delete, enable, disable, run-evaluation, evaluation state, compliance
 * summary and evaluated resources ({@link SandboxRules}), each with the sandbox's faults. It enforces the document's rules and the definitions' parameter schemas server-side and
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

    private final SandboxRules rules;
    private final SandboxFaults faults;

    public SandboxRmsResource(SandboxRules rules, SandboxFaults faults) {
        this.rules = rules;
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
        Checked checked = checkRule(domainId, body, requestId);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        ConfigRule rule = checked.rule();
        var stored = rules.add(domainId, rule);
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
        List<SandboxRules.StoredRule> held = rules.rules(domainId);
        int start = 0;
        if (marker != null && !marker.isBlank()) {
            start = -1;
            for (int i = 0; i < held.size(); i++) {
                if (held.get(i).id().equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                return error(400, INVALID_PARAMETER, "invalid marker", UUID.randomUUID().toString());
            }
        }
        List<SandboxRules.StoredRule> page = held.subList(start, Math.min(held.size(), start + size));
        String next = start + size < held.size() ? page.get(page.size() - 1).id() : null;
        return Response.ok(ConfigCodec.writeAssignmentPage(page.stream().map(this::assignment).toList(),
                next), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/policy-definitions")
    public Response definitions() {
        return Response.ok(ConfigCodec.writeDefinitionPage(SandboxCatalog.definitions()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}")
    public Response showRule(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return read(domainId, id, rule -> answer(200, ConfigCodec.writeAssignment(assignment(rule)), null));
    }

    @PUT
    @Path("/domains/{domain_id}/policy-assignments/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response updateRule(@PathParam("domain_id") String domainId, @PathParam("id") String id,
                               @HeaderParam("content-type") String contentType, String body) {
        String requestId = UUID.randomUUID().toString();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return error(400, INVALID_PARAMETER, "content-type must be application/json", requestId);
        }
        Checked checked = checkRule(domainId, body, requestId);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return operate(requestId, () -> rules.update(domainId, id, checked.rule()), 200,
                () -> ConfigCodec.writeAssignment(assignment(rules.find(domainId, id).rule())));
    }

    @DELETE
    @Path("/domains/{domain_id}/policy-assignments/{id}")
    public Response deleteRule(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return operate(UUID.randomUUID().toString(), () -> rules.delete(domainId, id), 200, () -> "");
    }

    @POST
    @Path("/domains/{domain_id}/policy-assignments/{id}/enable")
    @Consumes(MediaType.WILDCARD)
    public Response enable(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return operate(UUID.randomUUID().toString(), () -> rules.enable(domainId, id), 202, () -> "");
    }

    @POST
    @Path("/domains/{domain_id}/policy-assignments/{id}/disable")
    @Consumes(MediaType.WILDCARD)
    public Response disable(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return operate(UUID.randomUUID().toString(), () -> rules.disable(domainId, id), 202, () -> "");
    }

    @POST
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states/run-evaluation")
    @Consumes(MediaType.WILDCARD)
    public Response runEvaluation(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return operate(UUID.randomUUID().toString(), () -> rules.evaluate(domainId, id), 202, () -> "");
    }

    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states/evaluation-state")
    public Response evaluationState(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return read(domainId, id, rule -> {
            SandboxRules.Evaluation e = rule.evaluation();
            Instant now = rules.now();
            EvaluationState state = e == null ? new EvaluationState(null, null, null, null)
                    : now.isBefore(e.endsAt()) ? new EvaluationState(EvaluationState.EVALUATING, e.startedAt(), null, null)
                    : new EvaluationState(EvaluationState.SUCCEEDED, e.startedAt(), e.endsAt(), null);
            return answer(200, ConfigCodec.writeEvaluationState(rule.id(), state), null);
        });
    }

    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states/summary")
    public Response summary(@PathParam("domain_id") String domainId, @PathParam("id") String id) {
        return read(domainId, id, rule -> {
            List<ResourceCompliance> results = results(rule);
            int non = (int) results.stream().filter(r -> ResourceCompliance.NON_COMPLIANT.equals(r.complianceState()))
                    .count();
            return answer(200, ConfigCodec.writeSummary(assignment(rule),
                    new ComplianceSummary(results.size() - non, non)), null);
        });
    }

    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states")
    public Response policyStates(@PathParam("domain_id") String domainId, @PathParam("id") String id,
                                 @QueryParam("compliance_state") String complianceState,
                                 @QueryParam("limit") Integer limit, @QueryParam("marker") String marker) {
        if (complianceState != null && !complianceState.equals(ResourceCompliance.COMPLIANT)
                && !complianceState.equals(ResourceCompliance.NON_COMPLIANT)) {
            return error(400, INVALID_PARAMETER, "compliance_state must be Compliant or NonCompliant",
                    UUID.randomUUID().toString());
        }
        if (limit != null && (limit < 1 || limit > 500)) {
            return error(400, INVALID_PARAMETER, "limit must be 1 to 500", UUID.randomUUID().toString());
        }
        return read(domainId, id, rule -> {
            List<ResourceCompliance> results = results(rule).stream()
                    .filter(r -> complianceState == null || complianceState.equals(r.complianceState())).toList();
            int start = 0;
            if (marker != null && !marker.isBlank()) {
                start = -1;
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i).resourceId().equals(marker)) {
                        start = i + 1;
                    }
                }
                if (start < 0) {
                    return error(400, INVALID_PARAMETER, "invalid marker", UUID.randomUUID().toString());
                }
            }
            int size = limit == null ? 500 : limit;
            List<ResourceCompliance> page = results.subList(start, Math.min(results.size(), start + size));
            String next = start + size < results.size() ? page.get(page.size() - 1).resourceId() : null;
            return answer(200, ConfigCodec.writePolicyStatePage(domainId, assignment(rule),
                    new CompliancePage(page, next)), null);
        });
    }

    /** What the last finished evaluation found; nothing while the first runs. */
    private List<ResourceCompliance> results(SandboxRules.StoredRule rule) {
        SandboxRules.Evaluation e = rule.evaluation();
        return e == null || rules.now().isBefore(e.endsAt()) ? List.of() : e.results();
    }

    /** A rule's body read and checked as "Adding a Rule" checks it, or Config's refusal. */
    private record Checked(ConfigRule rule, Response refusal) {
    }

    private Checked checkRule(String domainId, String body, String requestId) {
        if (body == null || body.isBlank()) {
            return refuse(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        WireJson.Typed<ConfigRule> read;
        try {
            read = ConfigCodec.readRule(body);
        } catch (WireJson.UnreadableBodyException e) {
            return refuse(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        if (read.typeError() != null) {
            return refuse(400, INVALID_PARAMETER, read.typeError().path().isEmpty() ? read.typeError().message()
                    : read.typeError().path() + ": " + read.typeError().message(), requestId);
        }
        ConfigRule rule = read.value();
        Violations violations = ConfigRules.validate(new ConfigRuleRequest(domainId, rule));
        if (!violations.hasErrors() && rule.assignmentType().orElse(null) == PolicyAssignmentType.BUILTIN) {
            var definition = SandboxCatalog.find(rule.policyDefinitionId());
            if (definition.isEmpty()) {
                return refuse(400, INVALID_DEFINITION, "invalid policy definition ID " + rule.policyDefinitionId(), requestId);
            }
            violations = ConfigRules.validateParameters(rule, definition.get());
        }
        if (violations.hasErrors()) {
            Violation first = violations.errors().get(0);
            String code = !first.path().equals("name") ? INVALID_PARAMETER
                    : first.code() == ViolationCode.TOO_LONG ? NAME_TOO_LONG : ILLEGAL_NAME;
            return refuse(400, code, first.path() + ": " + first.message(), requestId);
        }
        return new Checked(rule, null);
    }

    private static Checked refuse(int status, String code, String message, String requestId) {
        return new Checked(null, error(status, code, message, requestId));
    }

    /** A read of one rule, with the sandbox's faults: throttled, a server error or held past the timeout. */
    private Response read(String domainId, String id, java.util.function.Function<SandboxRules.StoredRule, Response> ok) {
        String requestId = UUID.randomUUID().toString();
        SandboxFaults.Fault fault = faults.next();
        if (fault == SandboxFaults.Fault.THROTTLE) {
            return throttled(requestId);
        }
        if (fault == SandboxFaults.Fault.SERVER_ERROR) {
            return error(500, "RMS.INTERNAL.ERROR", "internal error (sandbox fault injection)", requestId);
        }
        if (fault == SandboxFaults.Fault.TIMEOUT) {
            faults.holdForTimeout();
        }
        SandboxRules.Lookup found = rules.find(domainId, id);
        if (found.refusal() != null) {
            return error(found.refusal().status(), found.refusal().code(), found.refusal().message(), requestId);
        }
        Response answer = ok.apply(found.rule());
        return answer.getHeaderString("X-Request-Id") != null ? answer
                : Response.fromResponse(answer).header("X-Request-Id", requestId).build();
    }

    /**
     * An operation on one rule, with the sandbox's faults: throttled before, a server error or a timeout after it was
     * applied (so that a repetition finds it done).
     */
    private Response operate(String requestId, java.util.function.Supplier<SandboxRules.Refusal> operation, int status,
                             java.util.function.Supplier<String> body) {
        SandboxFaults.Fault fault = faults.next();
        if (fault == SandboxFaults.Fault.THROTTLE) {
            return throttled(requestId);
        }
        SandboxRules.Refusal refusal = operation.get();
        if (refusal != null) {
            return error(refusal.status(), refusal.code(), refusal.message(), requestId);
        }
        if (fault == SandboxFaults.Fault.SERVER_ERROR) {
            return error(500, "RMS.INTERNAL.ERROR", "internal error after the change was applied (sandbox fault"
                    + " injection)", requestId);
        }
        if (fault == SandboxFaults.Fault.TIMEOUT) {
            faults.holdForTimeout();
        }
        String text = body.get();
        return text.isEmpty() ? Response.status(status).header("X-Request-Id", requestId).build()
                : answer(status, text, requestId);
    }

    private static Response throttled(String requestId) {
        return answer(429, ErrorBody.writeGateway("APIG.0308", "The request is throttled (sandbox fault injection)"),
                requestId);
    }

    /** A stored rule as Config answers with it: its type spelled out, its state now, made by the caller. */
    private PolicyAssignment assignment(SandboxRules.StoredRule stored) {
        ConfigRule r = stored.rule();
        ConfigRule rule = new ConfigRule(
                r.assignmentType().map(PolicyAssignmentType::wireName).orElse(PolicyAssignmentType.BUILTIN.wireName()),
                r.name(), r.description(), r.period(), r.policyFilter(), r.policyDefinitionId(), r.customPolicy(),
                r.parameters(), r.tags());
        return new PolicyAssignment(stored.id(), rule, stored.state(rules.now()), stored.created(), stored.updated(),
                "custom", null, null);
    }

    private static Response error(int status, String code, String message, String requestId) {
        return answer(status, ConfigCodec.writeError(code, message), requestId);
    }

    private static Response answer(int status, String json, String requestId) {
        return Response.status(status).entity(json).type(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Request-Id", requestId).build();
    }
}
