package com.policyconsole.domain.model.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built-in policy definition (docs/cloud-apis.md, Related operations:
 * {@code GET /v1/resource-manager/policy-definitions}): what a built-in rule runs, with the schema of
 * each parameter it takes.
 *
 * @param id definition ID, used as {@code policy_definition_id}
 * @param name e.g. {@code allowed-images-by-id}
 * @param description what the definition checks
 * @param triggerType {@code resource} or {@code period}
 * @param parameters parameter name → schema
 */
public record PolicyDefinition(
        String id,
        String name,
        String description,
        String triggerType,
        Map<String, ParameterSchema> parameters) {

    public PolicyDefinition {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
