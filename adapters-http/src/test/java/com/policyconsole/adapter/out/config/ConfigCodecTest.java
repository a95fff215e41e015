package com.policyconsole.adapter.out.config;

import static com.policyconsole.adapter.out.testing.SeedExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigCodecTest {

    @Test
    void seedRuleBuiltFromDomainObjectsIsJsonEqualToTheDocumentExampleWithTags() {
        String body = WireJson.write(ConfigCodec.toDto(SeedExamples.configRule()));

        assertThat(tree(body)).isEqualTo(SeedExamples.configAddRuleExampleTree());
        assertThat(tree(body).has("tag")).isFalse();
    }

    @Test
    void seedResponseMapsToADomainPolicyAssignmentWithEveryField() {
        PolicyAssignmentDto dto = WireJson.read(SeedExamples.configAddRuleResponseText(), PolicyAssignmentDto.class);

        assertThat(ConfigCodec.toDomain(dto)).isEqualTo(SeedExamples.configAddRuleResponseAssignment());
    }

    @Test
    void customRuleWithArbitraryJsonValuesRoundTrips() {
        ConfigRule rule = ConfigRule.builder()
                .custom(CustomPolicy.viaAgency("urn:fss:cn-north-4:0123:function:default:check:latest", "rms_fgs_agency"))
                .name("custom-check")
                .period(Period.TWELVE_HOURS)
                .parameter("limit", new JsonValue.JsonNumber(new BigDecimal("10.50")))
                .parameter("enabled", JsonValue.of(true))
                .parameter("nothing", JsonValue.nullValue())
                .parameter("nested", new JsonValue.JsonObject(Map.of("ids", JsonValue.strings("a", "b"))))
                .tags(List.of())
                .build();

        String body = WireJson.write(ConfigCodec.toDto(rule));
        PolicyAssignmentDto back = WireJson.read(body.replace("{\"policy_assignment_type\"",
                "{\"id\":\"r-1\",\"policy_assignment_type\""), PolicyAssignmentDto.class);

        assertThat(tree(body)).isEqualTo(tree("""
                {"policy_assignment_type":"custom","name":"custom-check","period":"Twelve_Hours",
                 "custom_policy":{"function_urn":"urn:fss:cn-north-4:0123:function:default:check:latest",
                   "auth_type":"agency","auth_value":{"agency_name":"rms_fgs_agency"}},
                 "parameters":{"limit":{"value":10.50},"enabled":{"value":true},"nothing":{"value":null},
                   "nested":{"value":{"ids":["a","b"]}}},
                 "tags":[]}"""));
        assertThat(body).contains("\"limit\":{\"value\":10.50}");
        assertThat(ConfigCodec.toDomain(back).rule()).isEqualTo(rule);
    }
}
