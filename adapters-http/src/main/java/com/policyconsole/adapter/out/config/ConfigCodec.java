package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.adapter.json.JsonValues;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Config (RMS) rule wire format, written once over the DTOs of this package: the strict writer of "Adding a
 * Rule" (what the gateway sends), the readers of rules, rule pages and definitions (what it receives), and — for the
 * sandbox cloud, which plays the service — the reader of the request and the writers of the answers.
 */
public final class ConfigCodec {

    private ConfigCodec() {
    }

    /** The body of "Adding a Rule", exactly as it goes on the wire; {@code {}} without a rule. */
    public static String writeRule(ConfigRule rule) {
        return WireJson.write(rule == null ? Map.of() : toDto(rule));
    }

    /**
     * Reads the body of "Adding a Rule" as Config does.
     *
     * @throws WireJson.UnreadableBodyException when the body is not JSON
     */
    public static WireJson.Typed<ConfigRule> readRule(String body) {
        WireJson.Typed<PolicyAssignmentRequestDto> dto = WireJson.readTyped(body, PolicyAssignmentRequestDto.class);
        return dto.typeError() != null ? new WireJson.Typed<>(null, dto.typeError())
                : new WireJson.Typed<>(toDomain(dto.value()), null);
    }

    /** The fields of an "Adding a Rule" body that the document does not define, by wire path. */
    public static List<String> unknownFields(String body) {
        return WireJson.unknownFields(WireJson.treeOrNull(body), PolicyAssignmentRequestDto.class);
    }

    /** A rule as Config answers with it: every field, {@code null} ones included, parameters and tags never null. */
    public static String writeAssignment(PolicyAssignment assignment) {
        return WireJson.writeAnswer(toAnswer(assignment));
    }

    /** One page of the rule list; {@code nextMarker} is null on the last page. */
    public static String writeAssignmentPage(List<PolicyAssignment> page, String nextMarker) {
        return WireJson.writeAnswer(new PolicyAssignmentPageDto(page.stream().map(ConfigCodec::toAnswer).toList(),
                new PageInfoDto(page.size(), nextMarker)));
    }

    /** The built-in policy definitions, on one page. */
    public static String writeDefinitionPage(List<PolicyDefinition> definitions) {
        return WireJson.writeAnswer(new PolicyDefinitionPageDto(definitions.stream().map(ConfigCodec::toDto).toList(),
                new PageInfoDto(definitions.size(), null)));
    }

    /** An error answer, in Config's {@code {error_code, error_msg}} shape. */
    public static String writeError(String code, String message) {
        return WireJson.writeAnswer(new ErrorDto(code, message));
    }

    /** A rule's last evaluation, as {@code …/policy-states/evaluation-state} answers. */
    public static String writeEvaluationState(String ruleId, EvaluationState state) {
        return WireJson.writeAnswer(new EvaluationStateDto(ruleId, state.state(), text(state.startedAt()),
                text(state.endedAt()), state.errorMessage()));
    }

    /** A rule's compliance summary, as {@code …/policy-states/summary} answers. */
    public static String writeSummary(PolicyAssignment rule, ComplianceSummary summary) {
        String state = summary.nonCompliant() > 0 ? ResourceCompliance.NON_COMPLIANT : ResourceCompliance.COMPLIANT;
        return WireJson.writeAnswer(new ComplianceSummaryDto(state, toAnswer(rule), new ComplianceSummaryDto.Results(
                new ComplianceSummaryDto.Counts(summary.compliant(), summary.nonCompliant()),
                new ComplianceSummaryDto.Counts(summary.nonCompliant() > 0 ? 0 : 1, summary.nonCompliant() > 0 ? 1 : 0))));
    }

    /** One page of a rule's evaluated resources, as {@code …/policy-states} answers. */
    public static String writePolicyStatePage(String domainId, PolicyAssignment rule, CompliancePage page) {
        return WireJson.writeAnswer(new PolicyStatePageDto(page.resources().stream().map(r -> {
            int dot = r.resourceType() == null ? -1 : r.resourceType().indexOf('.');
            return new PolicyStateDto(domainId, r.regionId(), r.resourceId(), r.resourceName(),
                    dot < 0 ? null : r.resourceType().substring(0, dot),
                    dot < 0 ? r.resourceType() : r.resourceType().substring(dot + 1),
                    rule.rule().period() == null ? "resource" : "period", r.complianceState(), rule.id(),
                    rule.rule().name(), rule.rule().policyDefinitionId(), text(r.evaluatedAt()));
        }).toList(), new PageInfoDto(page.resources().size(), page.nextMarker())));
    }

    /** The last evaluation Config reports; an answer without a state means the rule was never evaluated. */
    static EvaluationState toDomain(EvaluationStateDto dto) {
        return new EvaluationState(blankToNull(dto.state()), instant(dto.startTime()), instant(dto.endTime()),
                blankToNull(dto.errorMessage()));
    }

    /** The resource counts of a summary; absent counts are 0. */
    static ComplianceSummary toDomain(ComplianceSummaryDto dto) {
        ComplianceSummaryDto.Counts counts = dto.results() == null ? null : dto.results().resourceDetails();
        return new ComplianceSummary(counts == null || counts.compliantCount() == null ? 0
                : Math.max(0, counts.compliantCount()),
                counts == null || counts.nonCompliantCount() == null ? 0 : Math.max(0, counts.nonCompliantCount()));
    }

    /** A page of evaluated resources. */
    static CompliancePage toDomain(PolicyStatePageDto dto) {
        List<ResourceCompliance> resources = dto.value() == null ? List.of() : dto.value().stream()
                .filter(java.util.Objects::nonNull)
                .map(s -> new ResourceCompliance(s.resourceId(), s.resourceName(),
                        s.resourceProvider() == null ? s.resourceType() : s.resourceProvider() + "." + s.resourceType(),
                        s.regionId(), s.complianceState(), instant(s.evaluationTime())))
                .toList();
        return new CompliancePage(resources, dto.pageInfo() == null ? null : blankToNull(dto.pageInfo().nextMarker()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static PolicyAssignmentDto toAnswer(PolicyAssignment a) {
        ConfigRule rule = a.rule();
        CustomPolicyDto custom = rule.customPolicy() == null ? null
                : new CustomPolicyDto(rule.customPolicy().functionUrn(), rule.customPolicy().authType(),
                        rule.customPolicy().authValue() == null ? Map.of()
                                : JsonValues.toNodes(rule.customPolicy().authValue()));
        return new PolicyAssignmentDto(rule.policyAssignmentType(), a.id(), rule.name(), rule.description(),
                toDto(rule.policyFilter()), rule.period(), a.state(), text(a.created()), text(a.updated()),
                rule.policyDefinitionId(), custom,
                rule.parameters() == null ? Map.of() : parametersToDto(rule.parameters()),
                rule.tags() == null ? List.of()
                        : rule.tags().stream().map(t -> new ResourceTagDto(t.key(), t.value())).toList(),
                a.createdBy(), a.targetType(), a.targetId());
    }

    private static PolicyDefinitionDto toDto(PolicyDefinition d) {
        Map<String, ParameterDefinitionDto> parameters = new LinkedHashMap<>();
        d.parameters().forEach((name, schema) -> parameters.put(name, toDto(schema)));
        return new PolicyDefinitionDto(d.id(), d.name(), PolicyAssignmentType.BUILTIN.wireName(), d.description(),
                d.triggerType(), parameters);
    }

    private static ParameterDefinitionDto toDto(ParameterSchema s) {
        return new ParameterDefinitionDto(s.description(),
                s.allowedValues() == null ? null : s.allowedValues().stream().map(JsonValues::toNode).toList(),
                JsonValues.toNode(s.defaultValue()), JsonValues.NODES.numberNode(s.minimum()),
                JsonValues.NODES.numberNode(s.maximum()), JsonValues.NODES.numberNode(s.minItems()),
                JsonValues.NODES.numberNode(s.maxItems()), JsonValues.NODES.numberNode(s.minLength()),
                JsonValues.NODES.numberNode(s.maxLength()), s.pattern(), s.type());
    }

    private static ConfigRule toDomain(PolicyAssignmentRequestDto dto) {
        return new ConfigRule(dto.policyAssignmentType(), dto.name(), dto.description(), dto.period(),
                toDomain(dto.policyFilter()), dto.policyDefinitionId(), toDomain(dto.customPolicy()),
                parametersToDomain(dto.parameters()), tagsToDomain(dto.tags()));
    }

    private static List<ResourceTag> tagsToDomain(List<ResourceTagDto> tags) {
        return tags == null ? null : tags.stream()
                .map(t -> t == null ? new ResourceTag(null, null) : new ResourceTag(t.key(), t.value())).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The body of "Adding a Rule", field for field from the domain rule; {@code tags} spelled as the API wants. */
    static PolicyAssignmentRequestDto toDto(ConfigRule rule) {
        return new PolicyAssignmentRequestDto(
                rule.policyAssignmentType(),
                rule.name(),
                rule.description(),
                rule.period(),
                toDto(rule.policyFilter()),
                rule.policyDefinitionId(),
                toDto(rule.customPolicy()),
                parametersToDto(rule.parameters()),
                rule.tags() == null ? null : rule.tags().stream().map(t -> new ResourceTagDto(t.key(), t.value())).toList());
    }

    /** A rule as Config returned it, every field kept. */
    static PolicyAssignment toDomain(PolicyAssignmentDto dto) {
        ConfigRule rule = new ConfigRule(
                dto.policyAssignmentType(),
                dto.name(),
                dto.description(),
                dto.period(),
                toDomain(dto.policyFilter()),
                dto.policyDefinitionId(),
                toDomain(dto.customPolicy()),
                parametersToDomain(dto.parameters()),
                tagsToDomain(dto.tags()));
        return new PolicyAssignment(dto.id(), rule, dto.state(), instant(dto.created()), instant(dto.updated()),
                dto.createdBy(), dto.targetType(), dto.targetId());
    }

    /** A built-in definition with the schema of each parameter. */
    static PolicyDefinition toDomain(PolicyDefinitionDto dto) {
        Map<String, ParameterSchema> parameters = new LinkedHashMap<>();
        if (dto.parameters() != null) {
            dto.parameters().forEach((name, p) -> parameters.put(name, p == null ? ParameterSchema.ofType(null, null)
                    : toDomain(p)));
        }
        return new PolicyDefinition(dto.id(), dto.name(), dto.description(), dto.triggerType(), parameters);
    }

    static ParameterSchema toDomain(ParameterDefinitionDto p) {
        List<JsonValue> allowed = p.allowedValues() == null ? null
                : p.allowedValues().stream().map(v -> v == null ? JsonValue.nullValue() : JsonValues.fromNode(v)).toList();
        return new ParameterSchema(p.type(), p.description(), allowed, valueOrNull(p.defaultValue()),
                decimal(p.minimum()), decimal(p.maximum()), integer(p.minItems()), integer(p.maxItems()),
                integer(p.minLength()), integer(p.maxLength()), p.pattern());
    }

    private static PolicyFilterDto toDto(PolicyFilter f) {
        return f == null ? null : new PolicyFilterDto(f.regionId(), f.resourceProvider(), f.resourceType(),
                f.resourceId(), f.tagKey(), f.tagValue());
    }

    private static PolicyFilter toDomain(PolicyFilterDto f) {
        return f == null ? null : new PolicyFilter(f.regionId(), f.resourceProvider(), f.resourceType(),
                f.resourceId(), f.tagKey(), f.tagValue());
    }

    private static CustomPolicyDto toDto(CustomPolicy c) {
        return c == null ? null : new CustomPolicyDto(c.functionUrn(), c.authType(), JsonValues.toNodes(c.authValue()));
    }

    private static CustomPolicy toDomain(CustomPolicyDto c) {
        return c == null ? null : new CustomPolicy(c.functionUrn(), c.authType(), JsonValues.fromNodes(c.authValue()));
    }

    private static Map<String, ParameterValueDto> parametersToDto(Map<String, JsonValue> parameters) {
        if (parameters == null) {
            return null;
        }
        Map<String, ParameterValueDto> dto = new LinkedHashMap<>();
        parameters.forEach((name, value) -> dto.put(name, new ParameterValueDto(
                value == null ? JsonValues.toNode(JsonValue.nullValue()) : JsonValues.toNode(value))));
        return dto;
    }

    private static Map<String, JsonValue> parametersToDomain(Map<String, ParameterValueDto> parameters) {
        if (parameters == null) {
            return null;
        }
        Map<String, JsonValue> values = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            JsonValue value = p == null ? null : JsonValues.fromNode(p.value());
            values.put(name, value == null ? JsonValue.nullValue() : value);
        });
        return values;
    }

    private static JsonValue valueOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : JsonValues.fromNode(node);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer integer(JsonNode node) {
        BigDecimal value = decimal(node);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
