package com.policyconsole.adapter.out.secmaster;

import static com.policyconsole.adapter.out.testing.SeedExamples.WORKSPACE;
import static com.policyconsole.adapter.out.testing.SeedExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyDirection;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecMasterCodecTest {

    @Test
    void seedPolicyBuiltFromDomainObjectsIsJsonEqualToTheDocumentExample() {
        String body = WireJson.write(SecMasterCodec.toDto(SeedExamples.secMasterCreate()));

        assertThat(tree(body)).isEqualTo(tree(SeedExamples.secMasterCreateExampleText()));
    }

    @Test
    void seedBodyKeepsTheExamplesExplicitNullAndFieldOrder() {
        String body = WireJson.write(SecMasterCodec.toDto(SeedExamples.secMasterCreate()));

        assertThat(body).contains("\"block_age\":{\"is_block_ageing\":false,\"block_ageing\":null}");
        assertThat(body).startsWith("{\"data_object\":{\"region_id\":\"cn-north-7\",\"block_target\":\"1.2.3.4\","
                + "\"policy_category\":\"BLOCK\",\"description\":\"\",\"labels\":\"\",\"block_age\"");
        assertThat(body).doesNotContain("retry_list", "policy_direction", "account_scope", "eps_scope", "region_scope");
    }

    @Test
    void optionalFieldsAndAgeingAppearWhenSet() {
        Instant agesOut = Instant.parse("2030-01-01T00:00:00Z");
        EmergencyPolicyRequest request = EmergencyPolicyRequest.retry(WORKSPACE, "25.5.0", List.of("p-1", "p-2"),
                SeedExamples.secMasterPolicy().toBuilder()
                        .blockAge(BlockAge.until(agesOut))
                        .direction(PolicyDirection.BOTH)
                        .accountScope("0123456789abcdef0123456789abcdef")
                        .epsScope("0")
                        .regionScope("fedcba9876543210fedcba9876543210")
                        .build());

        String body = WireJson.write(SecMasterCodec.toDto(request));

        assertThat(tree(body).get("data_object")).isEqualTo(tree("""
                {"retry_list":["p-1","p-2"],"region_id":"cn-north-7","block_target":"1.2.3.4","policy_category":"BLOCK",
                 "description":"","labels":"","block_age":{"is_block_ageing":true,"block_ageing":"1893456000000"},
                 "policy_type":{"policy_type":"Source Ip"},
                 "defense_policy_list":[{"defense_connection_id":"84b273d3-47a8-3aba-bd00-7bdd1431d635",
                   "defense_connection_name":"CFW authentication token.","defense_type":"CFW","target_enterprise_id":"0",
                   "target_enterprise_name":"default","target_project_id":"3bb27e024693436da46b5f5aaf499060",
                   "target_project_name":"cn-north-7","defense_connection_region_id":"cn-north-7",
                   "defense_connection_region_name":"XXX"}],
                 "policy_direction":"INGRESS,EGRESS","account_scope":"0123456789abcdef0123456789abcdef","eps_scope":"0",
                 "region_scope":"fedcba9876543210fedcba9876543210"}"""));
    }

    @Test
    void searchPageReadsPoliciesFromAnArrayOrFromAListInsideData() {
        SecMasterCodec.SearchPage array = SecMasterCodec.searchPage(
                "{\"total\":5,\"data\":[{\"policy_id\":\"a\"}],\"success\":true}");
        SecMasterCodec.SearchPage nested = SecMasterCodec.searchPage(
                "{\"data\":{\"total\":\"7\",\"records\":[{\"id\":\"b\"},{\"id\":\"c\"}]}}");

        assertThat(array.policies()).extracting(PolicyViewDto::policyId).containsExactly("a");
        assertThat(array.total()).isEqualTo(5);
        assertThat(array.success()).isTrue();
        assertThat(nested.policies()).extracting(PolicyViewDto::id).containsExactly("b", "c");
        assertThat(nested.total()).isEqualTo(7);
    }

    @Test
    void searchPageRejectsBodiesThatAreNotAnAnswer() {
        assertThatThrownBy(() -> SecMasterCodec.searchPage("[]")).isInstanceOf(WireJson.UnreadableBodyException.class);
        assertThatThrownBy(() -> SecMasterCodec.searchPage("{\"foo\":1}")).isInstanceOf(WireJson.UnreadableBodyException.class);
        assertThatThrownBy(() -> SecMasterCodec.searchPage("")).isInstanceOf(WireJson.UnreadableBodyException.class);
    }

    @Test
    void policiesWithoutAReadableCategoryOrIdAreCountedButNotListed() {
        List<PolicyViewDto> views = List.of(
                new PolicyViewDto("p-1", null, "1.2.3.4", "BLOCK", tree("\"Source Ip\""), null),
                new PolicyViewDto("p-2", null, "5.6.7.8", "MAYBE", tree("\"Source Ip\""), new BlockAgeDto(true, "1")),
                new PolicyViewDto(null, null, "9.9.9.9", "WHITE", tree("{\"policy_type\":\"Source Ip\"}"), null));

        WorkspacePolicies policies = SecMasterCodec.toWorkspacePolicies(views, null);

        assertThat(policies.policies()).extracting(KnownPolicy::policyId).containsExactly("p-1");
        assertThat(policies.total()).isEqualTo(3);
        assertThat(policies.withAgeing()).isEqualTo(1);
    }
}
