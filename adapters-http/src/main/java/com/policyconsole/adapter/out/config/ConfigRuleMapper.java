package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.adapter.out.http.JsonValues;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps Config rules, rule answers and policy definitions between the domain and the wire DTOs. */
final class ConfigRuleMapper {

    private ConfigRuleMapper() {
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
                dto.tags() == null ? null : dto.tags().stream().map(t -> new ResourceTag(t.key(), t.value())).toList());
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
