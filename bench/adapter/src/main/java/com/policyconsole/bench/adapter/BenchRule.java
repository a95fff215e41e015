package com.policyconsole.bench.adapter;

import com.huaweicloud.sdk.config.v1.model.PolicyAssignmentRequestBody;
import com.huaweicloud.sdk.config.v1.model.PolicyFilterDefinition;
import com.huaweicloud.sdk.config.v1.model.PolicyParameterValue;
import com.huaweicloud.sdk.config.v1.model.ResourceTag;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule both clients create: the Config document's example (built-in definition
 * {@code allowed-images-by-id} with a list parameter, an ECS filter and a tag), as a domain rule for the adapter
 * and as the SDK's request body, from the same values.
 */
final class BenchRule {

    static final String DOMAIN_ID = "d4e5f6a7b8c94d0e8f1a2b3c4d5e6f70";
    static final String NAME = "allowed-images-by-id";
    static final String DESCRIPTION = "The ECS resource is non-compliant if the image it used is not in the allowed list";
    static final String DEFINITION_ID = "5fa265c0aa1e6afc05a0ff07";
    static final String PARAMETER = "listOfAllowedImages";
    static final List<String> ALLOWED_IMAGES = List.of("ea0d6e0e-99c3-406d-a873-3bb45462b624",
            "8f2c1b7a-3d4e-4f5a-9b6c-7d8e9f0a1b2c");
    static final String RESOURCE_PROVIDER = "ecs";
    static final String RESOURCE_TYPE = "cloudservers";
    static final String TAG_KEY = "tagkey";
    static final String TAG_VALUE = "tagValue";
    /** The rule ID of the stub's answer (the document's example response). */
    static final String ANSWERED_ID = "66c486e8d58ed9173f4560ac";

    private BenchRule() {
    }

    /** The rule as the console hands it to the adapter. */
    static ConfigRule domainRule() {
        return ConfigRule.builder()
                .builtin(DEFINITION_ID)
                .name(NAME)
                .description(DESCRIPTION)
                .policyFilter(PolicyFilter.forResources(RESOURCE_PROVIDER, RESOURCE_TYPE))
                .parameter(PARAMETER, JsonValue.strings(ALLOWED_IMAGES.toArray(String[]::new)))
                .tag(TAG_KEY, TAG_VALUE)
                .build();
    }

    /** The same rule as the SDK's {@code CreatePolicyAssignments} body. */
    static PolicyAssignmentRequestBody sdkBody() {
        Map<String, PolicyParameterValue> parameters = new LinkedHashMap<>();
        parameters.put(PARAMETER, new PolicyParameterValue().withValue(ALLOWED_IMAGES));
        return new PolicyAssignmentRequestBody()
                .withPolicyAssignmentType(PolicyAssignmentRequestBody.PolicyAssignmentTypeEnum.BUILTIN)
                .withName(NAME)
                .withDescription(DESCRIPTION)
                .withPolicyFilter(new PolicyFilterDefinition().withResourceProvider(RESOURCE_PROVIDER)
                        .withResourceType(RESOURCE_TYPE))
                .withPolicyDefinitionId(DEFINITION_ID)
                .withParameters(parameters)
                .withTags(List.of(new ResourceTag().withKey(TAG_KEY).withValue(TAG_VALUE)));
    }
}
