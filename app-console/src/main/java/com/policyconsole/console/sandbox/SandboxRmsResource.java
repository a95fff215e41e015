package com.policyconsole.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.console.wire.JsonTrees;
import com.policyconsole.console.wire.WireReader;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's Config (RMS): "Adding a Rule", the rule list with marker paging and the built-in policy
 * definitions. It enforces the document's rules and the definitions' parameter schemas server-side and
 * answers with Config's {@code {error_code, error_msg}} errors and codes (NOTES.md).
 */
@SandboxGateway
@Path("/sandbox/rms/v1/resource-manager")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxRmsResource {

    static final String INVALID_PARAMETER = "RMS.00010004";
    static final String NAME_TOO_LONG = "RMS.00010045";
    static final String ILLEGAL_NAME = "RMS.00010046";
    static final String INVALID_DEFINITION = "RMS.00010042";

    private final SandboxState state;
    private final SandboxFaults faults;
    private final ObjectMapper json;

    public SandboxRmsResource(SandboxState state, SandboxFaults faults, ObjectMapper json) {
        this.state = state;
        this.faults = faults;
        this.json = json;
    }

    @PUT
    @Path("/domains/{domain_id}/policy-assignments")
    @Consumes(MediaType.WILDCARD)
    public Response addRule(@PathParam("domain_id") String domainId,
                            @jakarta.ws.rs.HeaderParam("content-type") String contentType, String body) {
        String requestId = UUID.randomUUID().toString();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return error(400, INVALID_PARAMETER, "content-type must be application/json", requestId);
        }
        SandboxFaults.Fault fault = faults.next();
        if (fault == SandboxFaults.Fault.THROTTLE) {
            return error(429, "APIG.0308", "The request is throttled (sandbox fault injection)", requestId);
        }
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return error(400, INVALID_PARAMETER, "the request body is not JSON", requestId);
        }
        if (root == null || !root.isObject()) {
            return error(400, INVALID_PARAMETER, "the request body must be a JSON object", requestId);
        }
        WireReader reader = new WireReader();
        ConfigRule rule = read(root, reader);
        Violations violations = Violations.of(reader.typeErrors())
                .and(ConfigRules.validate(new ConfigRuleRequest(domainId, rule)));
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
        return Response.ok(render(stored.get())).header("X-Request-Id", requestId).build();
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
        ObjectNode out = json.createObjectNode();
        ArrayNode value = out.putArray("value");
        page.forEach(r -> value.add(render(r)));
        ObjectNode pageInfo = out.putObject("page_info");
        pageInfo.put("current_count", page.size());
        boolean more = start + size < rules.size();
        if (more) {
            pageInfo.put("next_marker", page.get(page.size() - 1).id());
        } else {
            pageInfo.putNull("next_marker");
        }
        return Response.ok(out).build();
    }

    @GET
    @Path("/policy-definitions")
    public ObjectNode definitions() {
        ObjectNode out = json.createObjectNode();
        ArrayNode value = out.putArray("value");
        for (PolicyDefinition d : SandboxCatalog.definitions()) {
            ObjectNode def = value.addObject();
            def.put("id", d.id());
            def.put("name", d.name());
            def.put("policy_type", "builtin");
            def.put("description", d.description());
            def.put("trigger_type", d.triggerType());
            ObjectNode params = def.putObject("parameters");
            d.parameters().forEach((name, schema) -> params.set(name, render(schema)));
        }
        out.putObject("page_info").put("current_count", SandboxCatalog.definitions().size()).putNull("next_marker");
        return out;
    }

    private ObjectNode render(ParameterSchema s) {
        ObjectNode n = json.createObjectNode();
        n.put("description", s.description());
        if (s.allowedValues() != null) {
            ArrayNode allowed = n.putArray("allowed_values");
            s.allowedValues().forEach(v -> allowed.add(JsonTrees.toNode(v)));
        }
        n.set("default_value", s.defaultValue() == null ? null : JsonTrees.toNode(s.defaultValue()));
        n.put("minimum", s.minimum());
        n.put("maximum", s.maximum());
        n.put("min_items", s.minItems());
        n.put("max_items", s.maxItems());
        n.put("min_length", s.minLength());
        n.put("max_length", s.maxLength());
        n.put("pattern", s.pattern());
        n.put("type", s.type());
        return n;
    }

    private ObjectNode render(SandboxState.StoredRule stored) {
        ConfigRule rule = stored.rule();
        ObjectNode n = json.createObjectNode();
        n.put("policy_assignment_type", rule.assignmentType().map(PolicyAssignmentType::wireName).orElse("builtin"));
        n.put("id", stored.id());
        n.put("name", rule.name());
        n.put("description", rule.description());
        if (rule.policyFilter() == null) {
            n.putNull("policy_filter");
        } else {
            PolicyFilter f = rule.policyFilter();
            ObjectNode filter = n.putObject("policy_filter");
            filter.put("region_id", f.regionId());
            filter.put("resource_provider", f.resourceProvider());
            filter.put("resource_type", f.resourceType());
            filter.put("resource_id", f.resourceId());
            filter.put("tag_key", f.tagKey());
            filter.put("tag_value", f.tagValue());
        }
        n.put("period", rule.period());
        n.put("state", "Enabled");
        n.put("created", stored.created().toString());
        n.put("updated", stored.created().toString());
        n.put("policy_definition_id", rule.policyDefinitionId());
        if (rule.customPolicy() == null) {
            n.putNull("custom_policy");
        } else {
            ObjectNode custom = n.putObject("custom_policy");
            custom.put("function_urn", rule.customPolicy().functionUrn());
            custom.put("auth_type", rule.customPolicy().authType());
            ObjectNode auth = custom.putObject("auth_value");
            if (rule.customPolicy().authValue() != null) {
                rule.customPolicy().authValue().forEach((k, v) -> auth.set(k, JsonTrees.toNode(v)));
            }
        }
        ObjectNode params = n.putObject("parameters");
        if (rule.parameters() != null) {
            rule.parameters().forEach((k, v) -> params.putObject(k).set("value", JsonTrees.toNode(v)));
        }
        ArrayNode tags = n.putArray("tags");
        if (rule.tags() != null) {
            rule.tags().forEach(t -> tags.addObject().put("key", t.key()).put("value", t.value()));
        }
        n.put("created_by", "custom");
        n.putNull("target_type");
        n.putNull("target_id");
        return n;
    }

    private static ConfigRule read(JsonNode root, WireReader r) {
        JsonNode filter = r.object(root, "policy_filter", "policy_filter");
        JsonNode custom = r.object(root, "custom_policy", "custom_policy");
        JsonNode params = r.object(root, "parameters", "parameters");
        List<JsonNode> tagNodes = r.array(root, "tags", "tags");
        Map<String, JsonValue> parameters = null;
        if (params != null) {
            parameters = new LinkedHashMap<>();
            Map<String, JsonValue> target = parameters;
            params.fields().forEachRemaining(e -> target.put(e.getKey(), JsonTrees.toValue(e.getValue().get("value"))));
        }
        List<ResourceTag> tags = null;
        if (tagNodes != null) {
            tags = new ArrayList<>();
            for (int i = 0; i < tagNodes.size(); i++) {
                tags.add(new ResourceTag(r.text(tagNodes.get(i), "key", "tags[" + i + "].key"),
                        r.text(tagNodes.get(i), "value", "tags[" + i + "].value")));
            }
        }
        CustomPolicy customPolicy = null;
        if (custom != null) {
            JsonNode auth = r.object(custom, "auth_value", "custom_policy.auth_value");
            Map<String, JsonValue> authValue = null;
            if (auth != null) {
                authValue = new LinkedHashMap<>();
                Map<String, JsonValue> target = authValue;
                auth.fields().forEachRemaining(e -> target.put(e.getKey(), JsonTrees.toValue(e.getValue())));
            }
            customPolicy = new CustomPolicy(r.text(custom, "function_urn", "custom_policy.function_urn"),
                    r.text(custom, "auth_type", "custom_policy.auth_type"), authValue);
        }
        return new ConfigRule(
                r.text(root, "policy_assignment_type", "policy_assignment_type"),
                r.text(root, "name", "name"),
                r.text(root, "description", "description"),
                r.text(root, "period", "period"),
                filter == null ? null : new PolicyFilter(
                        r.text(filter, "region_id", "policy_filter.region_id"),
                        r.text(filter, "resource_provider", "policy_filter.resource_provider"),
                        r.text(filter, "resource_type", "policy_filter.resource_type"),
                        r.text(filter, "resource_id", "policy_filter.resource_id"),
                        r.text(filter, "tag_key", "policy_filter.tag_key"),
                        r.text(filter, "tag_value", "policy_filter.tag_value")),
                r.text(root, "policy_definition_id", "policy_definition_id"),
                customPolicy, parameters, tags);
    }

    private Response error(int status, String code, String message, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("error_code", code);
        body.put("error_msg", message);
        return Response.status(status).entity(body).header("X-Request-Id", requestId).build();
    }
}
