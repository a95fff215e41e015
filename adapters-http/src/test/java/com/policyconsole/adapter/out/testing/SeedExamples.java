package com.policyconsole.adapter.out.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.TestRequestFactory;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test fixture factory: the example requests of SecMaster's "Creating a Retry Emergency Policy" and
 * Config's "Adding a Rule" built from domain objects, the documents' example JSON texts (kept verbatim
 * under {@code src/test/resources/seed}), and the domain value the Config example response stands for.
 */
public final class SeedExamples {

    /** The path values the examples leave as placeholders. */
    public static final String PROJECT_ID = "0b2e6c7d8f9a4b1c9d3e5f7a2b4c6d8e";
    public static final String WORKSPACE_ID = "5f0c3a7e-2b4d-4e6f-8a1b-9c3d5e7f1a2b";
    public static final String DOMAIN_ID = "d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70";
    public static final SecMasterWorkspace WORKSPACE = new SecMasterWorkspace(PROJECT_ID, WORKSPACE_ID);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedExamples() {
    }

    /** The SecMaster example's {@code data_object}: block 1.2.3.4 in cn-north-7 through one CFW connection. */
    public static EmergencyPolicy secMasterPolicy() {
        return TestRequestFactory.seedPolicy();
    }

    /** The one defense connection of the SecMaster example, all nine fields. */
    public static DefenseConnection cfwConnection() {
        return TestRequestFactory.seedConnection();
    }

    /** The SecMaster example request: {@code action_type=create}, version 25.5.0. */
    public static EmergencyPolicyRequest secMasterCreate() {
        return EmergencyPolicyRequest.create(WORKSPACE, "25.5.0", secMasterPolicy());
    }

    /** A retry of the example policy's delivery. */
    public static EmergencyPolicyRequest secMasterRetry(String... policyIds) {
        return EmergencyPolicyRequest.retry(WORKSPACE, "25.5.0", List.of(policyIds), secMasterPolicy());
    }

    /** The Config example rule: allowed-images-by-id on ECS cloud servers, one tag. */
    public static ConfigRule configRule() {
        return TestRequestFactory.seedRule();
    }

    /** The Config example request. */
    public static ConfigRuleRequest configAddRule() {
        return new ConfigRuleRequest(DOMAIN_ID, configRule());
    }

    /** The SecMaster document's example request body, verbatim. */
    public static String secMasterCreateExampleText() {
        return resource("seed/secmaster-create-request.json");
    }

    /**
     * The Config document's example request body, with its list {@code tag} renamed {@code tags}
     * (docs/cloud-apis.md, Enums).
     */
    public static JsonNode configAddRuleExampleTree() {
        ObjectNode tree = (ObjectNode) tree(resource("seed/config-add-rule-request.json"));
        tree.set("tags", tree.remove("tag"));
        return tree;
    }

    /** The Config document's example 200 response, verbatim. */
    public static String configAddRuleResponseText() {
        return resource("seed/config-add-rule-response.json");
    }

    /** The domain value of the Config example response, every field. */
    public static PolicyAssignment configAddRuleResponseAssignment() {
        ConfigRule rule = new ConfigRule(
                "builtin",
                "allowed-images-by-id",
                "The ECS resource is non-compliant if the image it used is not in the allowed list",
                null,
                new PolicyFilter(null, "ecs", "cloudservers", null, null, null),
                "5fa265c0aa1e6afc05a0ff07",
                null,
                Map.of("listOfAllowedImages", JsonValue.strings("ea0d6e0e-99c3-406d-a873-3bb45462b624")),
                List.<ResourceTag>of());
        return new PolicyAssignment("66c486e8d58ed9173f4560ac", rule, "Enabled",
                Instant.parse("2024-08-20T12:07:04.763Z"), Instant.parse("2024-08-20T12:07:04.763Z"),
                "custom", null, null);
    }

    /** Parses JSON text into a Jackson tree, for tree-equality assertions. */
    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text resource of the test class path. */
    public static String resource(String path) {
        try (InputStream in = SeedExamples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
