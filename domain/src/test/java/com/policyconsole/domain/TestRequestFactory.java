package com.policyconsole.domain;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.json.JsonValue;
import java.util.List;

/**
 * Fixtures: the example requests of SecMaster's "Creating a Retry Emergency Policy" and Config's "Adding a
 * Rule" as domain objects, and variations of them.
 */
public final class TestRequestFactory {

    public static final SecMasterWorkspace WORKSPACE =
            new SecMasterWorkspace("3bb27e024693436da46b5f5aaf499060", "a4e7c5b2-8b1e-4e3c-9d1f-2f6e0a7b9c11");
    public static final String DOMAIN_ID = "d0f3a9b8c7e64f2a9b1c0d2e3f4a5b6c";

    private TestRequestFactory() {
    }

    /** The defense connection of the SecMaster document's example request. */
    public static DefenseConnection seedConnection() {
        return new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW authentication token.",
                "cn-north-7", "XXX", "CFW", "0", "default", "3bb27e024693436da46b5f5aaf499060", "cn-north-7");
    }

    /** The {@code data_object} of the SecMaster document's example request. */
    public static EmergencyPolicy seedPolicy() {
        return EmergencyPolicy.builder()
                .regionId("cn-north-7")
                .targets("1.2.3.4")
                .category(PolicyCategory.BLOCK)
                .description("")
                .labels("")
                .blockAge(new BlockAge(false, null))
                .blockType(BlockType.SOURCE_IP)
                .connection(seedConnection())
                .build();
    }

    /** The SecMaster document's example request ({@code action_type=create}). */
    public static EmergencyPolicyRequest seedEmergencyRequest() {
        return EmergencyPolicyRequest.create(WORKSPACE, "25.5.0", seedPolicy());
    }

    public static EmergencyPolicyRequest emergencyRequest(EmergencyPolicy policy) {
        return EmergencyPolicyRequest.create(WORKSPACE, "25.5.0", policy);
    }

    /** The seed policy with other objects and type. */
    public static EmergencyPolicyRequest blocking(BlockType type, String... targets) {
        return emergencyRequest(seedPolicy().toBuilder().blockType(type).targets(targets).build());
    }

    /** The Config document's example rule, with its tag list under {@code tags}. */
    public static ConfigRule seedRule() {
        return ConfigRule.builder()
                .name("allowed-images-by-id")
                .description("The ECS resource is non-compliant if the image it used is not in the allowed list")
                .parameter("listOfAllowedImages", JsonValue.strings("ea0d6e0e-99c3-406d-a873-3bb45462b624"))
                .policyFilter(PolicyFilter.forResources("ecs", "cloudservers"))
                .policyDefinitionId("5fa265c0aa1e6afc05a0ff07")
                .tag("tagkey", "tagValue")
                .build();
    }

    public static ConfigRuleRequest seedRuleRequest() {
        return new ConfigRuleRequest(DOMAIN_ID, seedRule());
    }

    public static ConfigRuleRequest ruleRequest(ConfigRule rule) {
        return new ConfigRuleRequest(DOMAIN_ID, rule);
    }

    /** A valid periodic custom rule. */
    public static ConfigRule customRule() {
        return ConfigRule.builder()
                .name("ecs-has-owner-tag")
                .custom(CustomPolicy.viaAgency(
                        "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check-owner:latest",
                        "rms_fgs_agency"))
                .period(Period.TWENTY_FOUR_HOURS)
                .tags(List.of())
                .build();
    }
}
