package com.policyconsole.console.adapter.in.api;

import com.policyconsole.adapter.json.JsonValues;

import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Idempotency;
import com.policyconsole.console.api.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.api.WireBodies;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.HistoryRule;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.config.RuleDetail;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.AddConfigRuleCommand;
import com.policyconsole.domain.port.in.AddConfigRuleUseCase;
import com.policyconsole.domain.port.in.ConfigRulesQuery;
import com.policyconsole.domain.port.in.ManageConfigRulesUseCase;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
import com.policyconsole.domain.port.in.RuleChangeCommand;
import com.policyconsole.domain.port.in.RuleChangePreview;
import com.policyconsole.domain.validation.Violations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Config rules over JSON: the account's rules and one rule's compliance; adding (the rule as "Adding a Rule" defines
 * it), updating, enabling, disabling, evaluating and deleting, each with a preview — through the same use cases as the
 * pages.
 */
@Path("/api/v1/config-rules")
@Tag(name = "Config rules")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigRulesApi {

    private static final Set<String> RULE_FIELDS = Set.of("domain_id", "rule", "acknowledge_warnings");
    private static final Set<String> OPERATION_FIELDS = Set.of("acknowledge_warnings");

    /** A rule as the API lists it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String id, String name, String type, String description,
                       @JsonProperty("policy_definition_id") String definitionId,
                       @JsonProperty("function_urn") String functionUrn, String period,
                       @JsonProperty("on_change") boolean onChange,
                       @JsonProperty("policy_filter") Filter policyFilter,
                       Map<String, com.fasterxml.jackson.databind.JsonNode> parameters, String state, Instant created,
                       Instant updated, Map<String, String> tags, @JsonProperty("added_by") Added addedBy) {

        static Rule of(PolicyAssignment a, HistoryRule known) {
            ConfigRule r = a.rule();
            Map<String, String> tags = new java.util.LinkedHashMap<>();
            if (r.tags() != null) {
                r.tags().forEach(t -> tags.put(t.key(), t.value()));
            }
            Map<String, com.fasterxml.jackson.databind.JsonNode> parameters = new java.util.LinkedHashMap<>();
            if (r.parameters() != null) {
                r.parameters().forEach((k, v) -> parameters.put(k, JsonValues.toNode(v)));
            }
            return new Rule(a.id(), r.name(), r.policyAssignmentType(), r.description(), r.policyDefinitionId(),
                    r.customPolicy() == null ? null : r.customPolicy().functionUrn(), r.period(), r.period() == null,
                    Filter.of(r.policyFilter()), parameters, a.state(), a.created(), a.updated(), tags, known == null ? null
                    : new Added(known.entryId(), known.actor(), known.addedAt()));
        }
    }

    /** A rule's {@code policy_filter}: the resources it evaluates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(@JsonProperty("region_id") String regionId,
                         @JsonProperty("resource_provider") String resourceProvider,
                         @JsonProperty("resource_type") String resourceType,
                         @JsonProperty("resource_id") String resourceId, @JsonProperty("tag_key") String tagKey,
                         @JsonProperty("tag_value") String tagValue) {

        static Filter of(com.policyconsole.domain.model.config.PolicyFilter f) {
            return f == null ? null : new Filter(f.regionId(), f.resourceProvider(), f.resourceType(), f.resourceId(),
                    f.tagKey(), f.tagValue());
        }
    }

    /** Who added a rule, from the history. */
    public record Added(@JsonProperty("entry_id") long entryId, String actor, Instant at) {
    }

    /** A rule with its compliance. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(Rule rule, @JsonProperty("compliant_count") Integer compliant,
                         @JsonProperty("non_compliant_count") Integer nonCompliant,
                         @JsonProperty("non_compliant") List<ResourceCompliance> nonCompliantResources,
                         @JsonProperty("next_marker") String nextMarker,
                         @JsonProperty("evaluation_state") String evaluationState,
                         @JsonProperty("evaluation_ended_at") Instant evaluationEndedAt, List<String> problems) {
    }

    private final ConfigRulesQuery rules;
    private final ManageConfigRulesUseCase manage;
    private final AddConfigRuleUseCase adds;
    private final PreviewRequestUseCase previews;
    private final ApiCaller caller;
    private final Idempotency idempotency;
    private final WebSettings settings;

    public ConfigRulesApi(ConfigRulesQuery rules, ManageConfigRulesUseCase manage, AddConfigRuleUseCase adds,
                          PreviewRequestUseCase previews, ApiCaller caller, Idempotency idempotency,
                          WebSettings settings) {
        this.rules = rules;
        this.manage = manage;
        this.adds = adds;
        this.previews = previews;
        this.caller = caller;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The account's rules", description = "Every rule Config lists, with who added it.")
    public Response list() {
        try {
            return ApiViews.ok(rules.rules(settings.domainId()).rows().stream()
                    .map(r -> Rule.of(r.rule(), r.known())).toList());
        } catch (CloudReadException e) {
            return unreadable(e);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "One rule", description = "Its definition, compliance summary, non-compliant resources (50 a"
            + " page from marker) and last evaluation.")
    public Response rule(@PathParam("id") String id, @RestQuery String marker) {
        Optional<RuleDetail> detail;
        try {
            detail = rules.rule(settings.domainId(), id, marker == null || marker.isBlank() ? null : marker);
        } catch (CloudReadException e) {
            return unreadable(e);
        }
        if (detail.isEmpty()) {
            return notFound(id);
        }
        RuleDetail d = detail.get();
        return ApiViews.ok(new Detail(Rule.of(d.rule(), d.known()),
                d.summary() == null ? null : d.summary().compliant(),
                d.summary() == null ? null : d.summary().nonCompliant(),
                d.nonCompliant() == null ? null : d.nonCompliant().resources(),
                d.nonCompliant() == null ? null : d.nonCompliant().nextMarker(),
                d.evaluation() == null ? null : d.evaluation().state(),
                d.evaluation() == null ? null : d.evaluation().endedAt(), d.problems()));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rule", description = "Body: domain_id (the console's when absent), rule (the body of "
            + "\"Adding a Rule\"), acknowledge_warnings.")
    public Response add(@HeaderParam(Idempotency.HEADER) String key, String body) {
        return idempotency.once(caller.token(), key, "POST /api/v1/config-rules\n" + body, () -> {
            Read<AddConfigRuleCommand> read = readAdd(body);
            return read.problem() != null ? read.problem() : ApiViews.submitted(adds.add(read.command()));
        });
    }

    @POST
    @Path("/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview adding a rule")
    public Response previewAdd(String body) {
        Read<AddConfigRuleCommand> read = readAdd(body);
        if (read.problem() != null) {
            return read.problem();
        }
        Preview preview = previews.preview(read.command());
        return ApiViews.ok(ApiViews.Preview.of(preview.violations(), List.of(preview.rendered())));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a rule", description = "Body: rule (the whole rule; the name cannot change), "
            + "acknowledge_warnings.")
    public Response update(@HeaderParam(Idempotency.HEADER) String key, @PathParam("id") String id, String body) {
        return idempotency.once(caller.token(), key, "PUT /api/v1/config-rules/" + id + "\n" + body, () -> {
            Read<RuleChangeCommand> read = readUpdate(id, body);
            return read.problem() != null ? read.problem() : ApiViews.submitted(manage.submit(read.command()));
        });
    }

    @POST
    @Path("/{id}/{action}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Enable, disable, evaluate or delete a rule", description = "action: enable, disable, "
            + "evaluate or delete. Body (optional): acknowledge_warnings — a delete of a rule that is not disabled "
            + "disables it first, a warning to acknowledge. 201 with the last step's entry.")
    public Response operate(@HeaderParam(Idempotency.HEADER) String key, @PathParam("id") String id,
                            @PathParam("action") String action, String body) {
        return idempotency.once(caller.token(), key, "POST /api/v1/config-rules/" + id + "/" + action + "\n" + body,
                () -> {
                    Read<RuleChangeCommand> read = readOperation(id, action, body);
                    return read.problem() != null ? read.problem() : ApiViews.submitted(manage.submit(read.command()));
                });
    }

    @POST
    @Path("/{id}/{action}/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Preview an operation on a rule", description = "action: enable, disable, evaluate, delete or"
            + " update (with the update's body). The findings and every request it would send.")
    public Response previewOperation(@PathParam("id") String id, @PathParam("action") String action, String body) {
        Read<RuleChangeCommand> read = "update".equals(action) ? readUpdate(id, body) : readOperation(id, action, body);
        if (read.problem() != null) {
            return read.problem();
        }
        RuleChangePreview preview = manage.preview(read.command());
        return ApiViews.ok(ApiViews.Preview.of(preview.violations(), preview.requests(), preview.approvalReasons()));
    }

    /** A command read from a body, or the problem with the body. */
    private record Read<T>(T command, Response problem) {
        static <T> Read<T> refused(Response problem) {
            return new Read<>(null, problem);
        }
    }

    private Read<AddConfigRuleCommand> readAdd(String body) {
        try {
            ObjectNode object = ApiJson.object(body, RULE_FIELDS);
            String domain = ApiJson.text(object, "domain_id");
            Read<ConfigRule> rule = rule(object);
            if (rule.problem() != null) {
                return Read.refused(rule.problem());
            }
            return new Read<>(new AddConfigRuleCommand(caller.actor(), domain == null ? settings.domainId() : domain,
                    rule.command(), ApiJson.flag(object, "acknowledge_warnings")), null);
        } catch (ApiJson.BadBody e) {
            return Read.refused(e.problem().response());
        }
    }

    private Read<RuleChangeCommand> readUpdate(String id, String body) {
        try {
            ObjectNode object = ApiJson.object(body, Set.of("rule", "acknowledge_warnings"));
            Read<ConfigRule> rule = rule(object);
            if (rule.problem() != null) {
                return Read.refused(rule.problem());
            }
            return new Read<>(new RuleChangeCommand(caller.actor(), settings.domainId(), id,
                    RuleChangeCommand.Kind.UPDATE, rule.command(), ApiJson.flag(object, "acknowledge_warnings")), null);
        } catch (ApiJson.BadBody e) {
            return Read.refused(e.problem().response());
        }
    }

    private Read<RuleChangeCommand> readOperation(String id, String action, String body) {
        RuleChangeCommand.Kind kind = switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "enable" -> RuleChangeCommand.Kind.ENABLE;
            case "disable" -> RuleChangeCommand.Kind.DISABLE;
            case "evaluate" -> RuleChangeCommand.Kind.EVALUATE;
            case "delete" -> RuleChangeCommand.Kind.DELETE;
            default -> null;
        };
        if (kind == null) {
            return Read.refused(Problem.of(404, "not-found", "No such operation", "A rule is enabled, disabled, "
                    + "evaluated, updated (PUT) or deleted; '" + EmergencyPoliciesApi.cut(String.valueOf(action))
                    + "' is none of these.").response());
        }
        try {
            boolean acknowledged = body != null && !body.isBlank()
                    && ApiJson.flag(ApiJson.object(body, OPERATION_FIELDS), "acknowledge_warnings");
            return new Read<>(RuleChangeCommand.of(caller.actor(), settings.domainId(), id, kind, acknowledged), null);
        } catch (ApiJson.BadBody e) {
            return Read.refused(e.problem().response());
        }
    }

    /** The {@code rule} field as "Adding a Rule" reads it: no unknown field, every field of its JSON type. */
    private static Read<ConfigRule> rule(ObjectNode object) {
        JsonNode node = object.get("rule");
        if (node == null || !node.isObject()) {
            return Read.refused(Problem.violations(Violations.of(List.of(com.policyconsole.domain.validation.Violation
                    .error("rule", com.policyconsole.domain.validation.ViolationCode.REQUIRED,
                            "rule must be the rule's body as \"Adding a Rule\" defines it")))).response());
        }
        String wire = ApiJson.text(node);
        WireBodies.Read<ConfigRule> typed = WireBodies.rule(wire);
        if (!typed.unknownFields().isEmpty()) {
            return Read.refused(ApiJson.unknownFields(typed.unknownFields().stream().map(p -> "rule." + p).toList())
                    .response());
        }
        if (typed.typeError() != null) {
            return Read.refused(Problem.violations(Violations.of(List.of(typed.typeError()))).response());
        }
        return new Read<>(typed.value(), null);
    }

    private static Response notFound(String id) {
        return Problem.of(404, "not-found", "No such rule", "Config has no rule " + EmergencyPoliciesApi.cut(id)
                + " in this account.").response();
    }

    private static Response unreadable(CloudReadException e) {
        return Problem.of(502, "cloud-unreadable", "Config could not be read", e.getMessage()).response();
    }
}
