package com.policyconsole.console.reliability;

import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.console.config.ConsoleSettings;
import com.policyconsole.sandbox.SandboxState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fixtures for the reliability tests: the emergency-policy and Config-rule forms filled as an operator would. */
final class TestSubmissionFactory {

    private static final String IMAGES_DEFINITION = "5fa265c0aa1e6afc05a0ff07";
    private static final String ALLOWED_IMAGES = "{\"listOfAllowedImages\": [\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}";

    private TestSubmissionFactory() {
    }

    /** The emergency-policy form with the configured defaults, blocking source IP {@code address} on the CFW. */
    static Map<String, String> blockForm(CloudSettings cloud, ConsoleSettings console, String address) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project_id", cloud.projectId().orElseThrow());
        form.put("workspace_id", cloud.workspaceId().orElseThrow());
        form.put("secmaster_version", cloud.secmasterVersion());
        form.put("region_id", console.defaultRegion());
        form.put("policy_category", "BLOCK");
        form.put("policy_type", "Source Ip");
        form.put("block_target", address);
        form.put("connection", SandboxState.CONNECTIONS.entrySet().stream().filter(e -> e.getValue().equals("CFW"))
                .map(Map.Entry::getKey).findFirst().orElseThrow());
        return form;
    }

    /** The rule form for the built-in "allowed images" rule {@code name} in account {@code domainId}. */
    static Map<String, String> imagesRuleForm(String domainId, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("domain_id", domainId);
        form.put("policy_assignment_type", "builtin");
        form.put("name", name);
        form.put("description", "ECS images must be on the allowed list");
        form.put("policy_definition_id", IMAGES_DEFINITION);
        form.put("parameters", ALLOWED_IMAGES);
        form.put("trigger", "change");
        form.put("f_resource_provider", "ecs");
        form.put("f_resource_type", "cloudservers");
        return form;
    }
}
