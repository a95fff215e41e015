package com.policyconsole.sandbox;

import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in policy definitions the sandbox ships, with parameter schemas, modelled on Config's catalogue. */
public final class SandboxCatalog {

    private static final List<PolicyDefinition> DEFINITIONS = List.of(
            new PolicyDefinition("5fa265c0aa1e6afc05a0ff07", "allowed-images-by-id",
                    "The ECS resource is non-compliant if the image it used is not in the allowed list", "resource",
                    Map.of("listOfAllowedImages", new ParameterSchema("Array", "IDs of the allowed images", null, null,
                            null, null, 1, 100, 36, 36, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))),
            new PolicyDefinition("5f8d549bffeecc14f1fb522a", "iam-password-policy",
                    "The account is non-compliant if its IAM password policy is weaker than required", "period",
                    params("minimumLength", new ParameterSchema("Integer", "Shortest password allowed", null,
                            JsonValue.of(8), BigDecimal.valueOf(6), BigDecimal.valueOf(32), null, null, null, null, null))),
            new PolicyDefinition("5fa9f89b5b7b4e5c7a3d2f10", "resources-have-required-tag",
                    "A resource is non-compliant if it lacks the tag key (and value)", "resource",
                    params("tagKey", new ParameterSchema("String", "The tag key", null, null, null, null, null, null, 1,
                                    128, null),
                            "tagValue", new ParameterSchema("Array", "Allowed values; any when empty", null,
                                    JsonValue.array(), null, null, 0, 20, 0, 255, null))),
            new PolicyDefinition("5fa36008ef6d1b3dc5f8a1c2", "volumes-encrypted-check",
                    "An EVS disk is non-compliant if it is not encrypted", "resource", Map.of()));

    private SandboxCatalog() {
    }

    private static Map<String, ParameterSchema> params(Object... nameSchemaPairs) {
        Map<String, ParameterSchema> map = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            map.put((String) nameSchemaPairs[i], (ParameterSchema) nameSchemaPairs[i + 1]);
        }
        return map;
    }

    public static List<PolicyDefinition> definitions() {
        return DEFINITIONS;
    }

    public static Optional<PolicyDefinition> find(String id) {
        return DEFINITIONS.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
