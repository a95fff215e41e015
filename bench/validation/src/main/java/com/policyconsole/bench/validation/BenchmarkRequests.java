package com.policyconsole.bench.validation;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.PolicyDirection;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.json.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * The requests the benchmark validates: a full emergency policy and a full Config rule, each valid and with
 * violations that both validators can detect (so that the invalid case costs both sides message building).
 */
public final class BenchmarkRequests {

    static final SecMasterWorkspace WORKSPACE =
            new SecMasterWorkspace("3bb27e024693436da46b5f5aaf499060", "a4e7c5b2-8b1e-4e3c-9d1f-2f6e0a7b9c11");
    static final String DOMAIN_ID = "d0f3a9b8c7e64f2a9b1c0d2e3f4a5b6c";

    private BenchmarkRequests() {
    }

    /**
     * A create with every field of {@code data_object} set: four Source Ip objects (IPv4, IPv6, two CIDR
     * blocks), ageing, three operation connections (CFW, WAF, VPC), both directions and all three scopes.
     */
    public static EmergencyPolicyRequest validEmergencyPolicy() {
        return EmergencyPolicyRequest.create(WORKSPACE, "25.5.0", fullPolicy().build());
    }

    /**
     * {@link #validEmergencyPolicy()} with six field-level problems: a workspace ID with a slash, a version with a
     * "v", an unknown category, an empty connection name, a bell character in the description and an
     * enterprise-project scope that is not a UUID (a warning).
     */
    public static EmergencyPolicyRequest invalidEmergencyPolicy() {
        EmergencyPolicy policy = fullPolicy()
                .policyCategory("BLACK")
                .defensePolicyList(List.of(
                        connection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW", ""),
                        connection("1c9e3f4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "WAF", "WAF engine token"),
                        connection("7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a", "VPC", "VPC security group")))
                .description("Credential stuffing from a botnet\u0007")
                .epsScope("default-project")
                .build();
        return EmergencyPolicyRequest.create(
                new SecMasterWorkspace(WORKSPACE.projectId(), "a4e7c5b2/8b1e"), "v25.5.0", policy);
    }

    /**
     * A builtin rule with every field its type allows: description, a filter with all six fields, three
     * parameters and five tags. ({@code period} and {@code custom_policy} would contradict a builtin
     * configuration-change rule.)
     */
    public static ConfigRuleRequest validConfigRule() {
        return new ConfigRuleRequest(DOMAIN_ID, fullRule().build());
    }

    /**
     * {@link #validConfigRule()} with five problems: a domain ID with a slash, a name with spaces, a resource
     * type of 129 characters, a tag key under {@code _sys_} and a tag value with {@code #}.
     */
    public static ConfigRuleRequest invalidConfigRule() {
        ConfigRule rule = fullRule()
                .name("allowed images by id")
                .policyFilter(new PolicyFilter("cn-north-4", "ecs", "c".repeat(129),
                        "0b7e3c5a-6d1f-4e2a-9c8b-7a6f5e4d3c2b", "environment", "production"))
                .tags(List.of(
                        new ResourceTag("owner", "secops"),
                        new ResourceTag("cost-center", "CC-4711"),
                        new ResourceTag("_sys_enterprise_project", "0"),
                        new ResourceTag("ticket", "SEC#1234"),
                        new ResourceTag("env", "prod")))
                .build();
        return new ConfigRuleRequest("d0f3a9b8/c7e64f2a", rule);
    }

    private static EmergencyPolicy.Builder fullPolicy() {
        return EmergencyPolicy.builder()
                .regionId("cn-north-4")
                .blockType(BlockType.SOURCE_IP)
                .targets("203.0.113.7", "2001:db8:85a3::8a2e:370:7334", "198.51.100.0/24", "192.0.2.128/25")
                .category(PolicyCategory.BLOCK)
                .blockAge(BlockAge.until(Instant.parse("2030-01-01T00:00:00Z")))
                .connection(connection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW", "CFW authentication token"))
                .connection(connection("1c9e3f4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "WAF", "WAF engine token"))
                .connection(connection("7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a", "VPC", "VPC security group"))
                .description("Credential stuffing from a botnet, ticket SEC-1234, approved by the on-call lead")
                .labels("incident,sec-1234,botnet")
                .direction(PolicyDirection.BOTH)
                .accountScope("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .epsScope("6f2a1b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")
                .regionScope("f0e1d2c3b4a5968778695a4b3c2d1e0f");
    }

    private static DefenseConnection connection(String id, String layer, String name) {
        return new DefenseConnection(id, name, "cn-north-4", "CN North-Beijing4", layer,
                "6f2a1b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "security-operations",
                "3bb27e024693436da46b5f5aaf499060", "cn-north-4");
    }

    private static ConfigRule.Builder fullRule() {
        return ConfigRule.builder()
                .builtin("5fa265c0aa1e6afc05a0ff07")
                .name("allowed-images-by-id")
                .description("The ECS resource is non-compliant if the image it used is not in the allowed list")
                .policyFilter(new PolicyFilter("cn-north-4", "ecs", "cloudservers",
                        "0b7e3c5a-6d1f-4e2a-9c8b-7a6f5e4d3c2b", "environment", "production"))
                .parameter("listOfAllowedImages", JsonValue.strings(
                        "ea0d6e0e-99c3-406d-a873-3bb45462b624", "5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"))
                .parameter("maxAgeInDays", JsonValue.of(90))
                .parameter("imageOwner", JsonValue.of("self"))
                .tag("owner", "secops")
                .tag("cost-center", "CC-4711")
                .tag("compliance", "iso27001:A.12.5.1")
                .tag("ticket", "SEC-1234")
                .tag("env", "prod");
    }
}
