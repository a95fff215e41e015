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
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.LayerOutcome;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void listPageReadsItemsFromAnArrayOrFromAListInsideDataAndUnwrapsDataObject() {
        SecMasterCodec.ListPage array = SecMasterCodec.listPage(
                "{\"total\":5,\"data\":[{\"data_object\":{\"policy_id\":\"a\"}}],\"success\":true}");
        SecMasterCodec.ListPage nested = SecMasterCodec.listPage(
                "{\"data\":{\"total\":\"7\",\"records\":[{\"id\":\"b\"},{\"id\":\"c\"}]}}");

        assertThat(array.items()).extracting(i -> SecMasterCodec.item(i, PolicyViewDto.class).policyId())
                .containsExactly("a");
        assertThat(array.total()).isEqualTo(5);
        assertThat(array.success()).isTrue();
        assertThat(nested.items()).extracting(i -> SecMasterCodec.item(i, PolicyViewDto.class).id())
                .containsExactly("b", "c");
        assertThat(nested.total()).isEqualTo(7);
    }

    @Test
    void listPageRejectsBodiesThatAreNotAnAnswer() {
        assertThatThrownBy(() -> SecMasterCodec.listPage("[]")).isInstanceOf(WireJson.UnreadableBodyException.class);
        assertThatThrownBy(() -> SecMasterCodec.listPage("{\"foo\":1}")).isInstanceOf(WireJson.UnreadableBodyException.class);
        assertThatThrownBy(() -> SecMasterCodec.listPage("")).isInstanceOf(WireJson.UnreadableBodyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true,\"data\":\"policies\"}", "{\"success\":true,\"data\":7}",
            "{\"success\":true,\"data\":{\"total\":3}}", "{\"success\":true,\"data\":true}"})
    void aSuccessfulAnswerWhoseDataIsNoListIsUnreadableNotAnEmptyWorkspace(String body) {
        assertThatThrownBy(() -> SecMasterCodec.listPage(body)).isInstanceOf(WireJson.UnreadableBodyException.class)
                .hasMessageContaining("not a list");
        assertThat(SecMasterCodec.listPage("{\"success\":true,\"data\":{\"total\":0}}").items()).isEmpty();
    }

    @Test
    void policiesWithoutAReadableCategoryAreCountedButNotListedAndItemsWithoutAnIdAreNoPolicy() {
        assertThat(SecMasterCodec.toPolicy(view(null, "9.9.9.9", "WHITE", null))).isNull();
        List<SecMasterPolicy> listed = List.of(
                SecMasterCodec.toPolicy(view("p-1", "1.2.3.4", "BLOCK", null)),
                SecMasterCodec.toPolicy(view("p-2", "5.6.7.8", "MAYBE", new BlockAgeDto(true, "1"))));

        WorkspacePolicies policies = SecMasterCodec.toWorkspacePolicies(listed, 3);

        assertThat(policies.policies()).extracting(KnownPolicy::policyId).containsExactly("p-1");
        assertThat(policies.total()).isEqualTo(3);
        assertThat(policies.withAgeing()).isEqualTo(1);
    }

    @Test
    void aListedAllowPolicyIsWhiteAndItsCreationTimeIsReadInEachSpelling() {
        SecMasterPolicy allow = SecMasterCodec.toPolicy(view("p-3", "1.2.3.4", "ALLOW", null));

        assertThat(allow.policy().policyCategory()).isEqualTo("WHITE");
        assertThat(SecMasterCodec.instant(tree("1764831530256"))).isEqualTo(java.time.Instant.ofEpochMilli(1764831530256L));
        assertThat(SecMasterCodec.instant(tree("\"2025-12-04T14:58:50.256Z+0800\"")))
                .isEqualTo(java.time.Instant.parse("2025-12-04T06:58:50.256Z"));
        assertThat(SecMasterCodec.instant(tree("\"2025-12-04T06:58:50Z\""))).isEqualTo(java.time.Instant.parse("2025-12-04T06:58:50Z"));
        assertThat(SecMasterCodec.instant(tree("\"yesterday\""))).isNull();
    }

    @Test
    void deliveryRecordsGiveEachLayersStatusActionAndFailure() {
        SecMasterCodec.ListPage page = SecMasterCodec.listPage("""
                {"code":"00000000","total":1,"data":[{"data_object":{"id":"r-1","policy_id":"p-1",
                  "policy_direction":"INGRESS","update_time":1764831530256,
                  "defense_policy_list":[
                    {"defense_connection_id":"c-1","defense_type":"CFW","defense_block_status":"SUCCESS","defense_block_action":"BLOCK"},
                    {"defense_connection_id":"c-2","defense_type":"WAF","defense_block_status":"FAILED","defense_block_action":"BLOCK",
                     "defense_failure_description":"quota of the WAF policy exceeded"}]}}]}""");

        List<LayerDelivery> layers = SecMasterCodec.layers(SecMasterCodec.item(page.items().get(0), PolicyRecordDto.class));

        assertThat(layers).extracting(LayerDelivery::connectionId, LayerDelivery::outcome, LayerDelivery::failure)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-1", LayerOutcome.DELIVERED, null),
                        org.assertj.core.groups.Tuple.tuple("c-2", LayerOutcome.FAILED, "quota of the WAF policy exceeded"));
        assertThat(layers.get(0).recordedAt()).isEqualTo(java.time.Instant.ofEpochMilli(1764831530256L));
    }

    @Test
    void anAgeingChangeSendsOnlyTheBatchIdAndBlockAgeAndARemovalOnlyTheIds() {
        assertThat(SecMasterCodec.writeAgeingChange("p-1", new BlockAge(true, "1767225600000")))
                .isEqualTo("{\"batch_ids\":[\"p-1\"],\"data_object\":{\"block_age\":{\"is_block_ageing\":true,\"block_ageing\":\"1767225600000\"}}}");
        assertThat(SecMasterCodec.writeRemoval(List.of("p-1", "p-2"))).isEqualTo("{\"batch_ids\":[\"p-1\",\"p-2\"]}");
        SecMasterCodec.PolicyUpdate update = SecMasterCodec.readUpdate(
                "{\"batch_ids\":[\"p-1\"],\"data_object\":{\"block_target\":\"1.1.1.1\"}}").value();
        assertThat(update.changesObjects()).isTrue();
        assertThat(SecMasterCodec.readRemoval("{\"batch_ids\":\"p-1\"}").typeError()).isNotNull();
    }

    private static PolicyViewDto view(String id, String target, String category, BlockAgeDto age) {
        return new PolicyViewDto(id, null, target, category, tree("\"Source Ip\""), age, null, null, null, null, null,
                null, null, null);
    }
}
