package com.policyconsole.adapter.out.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.policyconsole.adapter.out.testing.SeedExamples.DOMAIN_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.domain.port.CloudReadException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RmsConfigRuleGatewayTest {

    private static final String ASSIGNMENTS = "/v1/resource-manager/domains/" + DOMAIN_ID + "/policy-assignments";
    private static final String DEFINITIONS = "/v1/resource-manager/policy-definitions";

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    RmsConfigRuleGateway gateway;

    @BeforeEach
    void resetStub() {
        stub.resetAll();
    }

    @Test
    void seedRuleArrivesAsTheDocumentExampleWithTagsAndTheSeedResponseIsAccepted() {
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(SeedExamples.configAddRuleResponseText())
                .withHeader("X-Request-Id", "rms-req-1")));

        CloudOutcome outcome = gateway.prepare(SeedExamples.configAddRule()).send();

        assertThat(outcome).isEqualTo(new CloudOutcome.Accepted("66c486e8d58ed9173f4560ac", "Enabled", 200, "rms-req-1",
                SeedExamples.configAddRuleResponseText()));
        List<LoggedRequest> sent = stub.findAll(putRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.get(0);
        assertThat(request.getMethod()).isEqualTo(RequestMethod.PUT);
        assertThat(request.getUrl()).isEqualTo(ASSIGNMENTS);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(request.getHeader("X-Auth-Token")).isEqualTo(TestSecrets.TOKEN);
        assertThat(request.containsHeader("X-Domain-Id")).isFalse();
        assertThat(tree(request.getBodyAsString())).isEqualTo(SeedExamples.configAddRuleExampleTree());
        assertThat(tree(request.getBodyAsString()).has("tag")).isFalse();
    }

    @ParameterizedTest(name = "HTTP {0} {2} is refused")
    @CsvSource(delimiter = '|', value = {
            "400|{\"error_code\":\"RMS.00010004\",\"error_msg\":\"Invalid parameter.\"}|RMS.00010004|Invalid parameter.",
            "400|{\"error_code\":\"RMS.00010045\",\"error_msg\":\"The name is longer than 64.\"}|RMS.00010045|The name is longer than 64.",
            "403|{\"error_code\":\"RMS.00010006\",\"error_msg\":\"Access denied.\"}|RMS.00010006|Access denied.",
            "404|{\"error_code\":\"RMS.00010005\",\"error_msg\":\"Not found.\"}|RMS.00010005|Not found.",
            "409|{\"code\":\"RMS.00010009\",\"message\":\"Rule name already exists.\"}|RMS.00010009|Rule name already exists."})
    void clientErrorsAreRefused(int status, String body, String code, String message) {
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(status)
                .withHeader("X-Request-Id", "rms-" + status).withBody(body)));

        assertThat(gateway.prepare(SeedExamples.configAddRule()).send())
                .isEqualTo(new CloudOutcome.Refused(status, code, message, "rms-" + status, body));
    }

    @Test
    void serverErrorOnAddIsFailedAndNotRetried() {
        String body = "{\"error_code\":\"RMS.INTERNAL.ERROR\",\"error_msg\":\"Internal error.\"}";
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(500).withBody(body)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.configAddRule()).send();

        assertThat(outcome).isEqualTo(new CloudOutcome.Failed(500, "RMS.INTERNAL.ERROR", "Internal error.", null, body));
        stub.verify(1, putRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
    }

    @Test
    void readTimeoutOnAddIsUnknown() {
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(SeedExamples.configAddRuleResponseText())
                .withFixedDelay(2_500)));

        assertThat(gateway.prepare(SeedExamples.configAddRule()).send()).isInstanceOf(CloudOutcome.Unknown.class);
        stub.verify(1, putRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
    }

    @Test
    void throttledAddIsRetried() {
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).inScenario("t").whenScenarioStateIs("ok")
                .willReturn(okJson(SeedExamples.configAddRuleResponseText())));

        assertThat(gateway.prepare(SeedExamples.configAddRule()).send()).isInstanceOf(CloudOutcome.Accepted.class);
        stub.verify(2, putRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
    }

    @Test
    void okWithoutARuleIdIsUnknown() {
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson("{}")));

        assertThat(gateway.prepare(SeedExamples.configAddRule()).send()).isInstanceOf(CloudOutcome.Unknown.class);
    }

    @Test
    void listFollowsNextMarkerUntilNullAndMapsEveryField() {
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).withQueryParam("marker", absent())
                .willReturn(okJson("{\"value\":[" + SeedExamples.configAddRuleResponseText() + "],"
                        + "\"page_info\":{\"current_count\":1,\"next_marker\":\"CCE4Ym+/c2=\"}}")));
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).withQueryParam("marker", equalTo("CCE4Ym+/c2="))
                .willReturn(okJson("{\"value\":[{\"id\":\"r-2\",\"name\":\"second\",\"state\":\"Disabled\","
                        + "\"period\":\"TwentyFour_Hours\",\"tags\":[{\"key\":\"k\",\"value\":\"\"}]}],"
                        + "\"page_info\":{\"current_count\":1,\"next_marker\":null}}")));

        List<PolicyAssignment> rules = gateway.listRules(DOMAIN_ID);

        assertThat(rules).hasSize(2);
        assertThat(rules.get(0)).isEqualTo(SeedExamples.configAddRuleResponseAssignment());
        assertThat(rules.get(1).id()).isEqualTo("r-2");
        assertThat(rules.get(1).state()).isEqualTo("Disabled");
        assertThat(rules.get(1).rule().period()).isEqualTo("TwentyFour_Hours");
        List<LoggedRequest> sent = stub.findAll(getRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
        assertThat(sent).extracting(LoggedRequest::getUrl)
                .containsExactly(ASSIGNMENTS + "?limit=2", ASSIGNMENTS + "?limit=2&marker=CCE4Ym%2B%2Fc2%3D");
    }

    @Test
    void listThatRepeatsItsMarkerFails() {
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(
                "{\"value\":[],\"page_info\":{\"current_count\":0,\"next_marker\":\"same\"}}")));

        CloudReadException thrown = catchThrowableOfType(CloudReadException.class, () -> gateway.listRules(DOMAIN_ID));

        assertThat(thrown.outcome()).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("CLIENT.PAGING_LOOP"));
        stub.verify(2, getRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
    }

    @Test
    void listRefusedThrowsCloudReadExceptionWithTheOutcome() {
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(403)
                .withBody("{\"error_code\":\"RMS.00010006\",\"error_msg\":\"Access denied.\"}")));

        CloudReadException thrown = catchThrowableOfType(CloudReadException.class, () -> gateway.listRules(DOMAIN_ID));

        assertThat(thrown.outcome()).isInstanceOfSatisfying(CloudOutcome.Refused.class, r -> {
            assertThat(r.httpStatus()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("RMS.00010006");
        });
    }

    @Test
    void listWithAnUnreadableBodyThrows() {
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(200).withBody("<html/>")));

        assertThat(catchThrowableOfType(CloudReadException.class, () -> gateway.listRules(DOMAIN_ID)).outcome())
                .isInstanceOf(CloudOutcome.Failed.class);
    }

    @Test
    void definitionsMapToDomainDefinitionsWithParameterSchemas() {
        stub.stubFor(get(urlPathEqualTo(DEFINITIONS)).willReturn(okJson("""
                {"value":[{"id":"5fa265c0aa1e6afc05a0ff07","name":"allowed-images-by-id","policy_type":"builtin",
                  "description":"The ECS resource is non-compliant if the image it used is not in the allowed list",
                  "policy_rule_type":"dsl","policy_rule":{"if":{}},"trigger_type":"resource","keywords":["ecs"],
                  "parameters":{
                    "listOfAllowedImages":{"description":"allowed image IDs","allowed_values":null,"default_value":null,
                      "minimum":null,"maximum":null,"min_items":1,"max_items":10,"min_length":36,"max_length":36,
                      "pattern":"[0-9a-f-]{36}","type":"Array"},
                    "maxPorts":{"description":"ports","allowed_values":[1,2,3],"default_value":"2",
                      "minimum":1.5,"maximum":100,"type":"Integer"}}}],
                 "page_info":{"current_count":1,"next_marker":null}}""")));

        List<PolicyDefinition> definitions = gateway.definitions();

        assertThat(definitions).hasSize(1);
        PolicyDefinition definition = definitions.get(0);
        assertThat(definition.id()).isEqualTo("5fa265c0aa1e6afc05a0ff07");
        assertThat(definition.name()).isEqualTo("allowed-images-by-id");
        assertThat(definition.triggerType()).isEqualTo("resource");
        assertThat(definition.parameters()).containsOnlyKeys("listOfAllowedImages", "maxPorts");
        assertThat(definition.parameters().get("listOfAllowedImages")).isEqualTo(new ParameterSchema("Array",
                "allowed image IDs", null, null, null, null, 1, 10, 36, 36, "[0-9a-f-]{36}"));
        assertThat(definition.parameters().get("maxPorts")).isEqualTo(new ParameterSchema("Integer", "ports",
                List.of(JsonValue.of(1), JsonValue.of(2), JsonValue.of(3)), JsonValue.of("2"),
                new BigDecimal("1.5"), new BigDecimal("100"), null, null, null, null, null));
        LoggedRequest sent = stub.findAll(getRequestedFor(urlPathEqualTo(DEFINITIONS))).get(0);
        assertThat(sent.getUrl()).isEqualTo(DEFINITIONS);
        assertThat(sent.getHeader("X-Language")).isEqualTo("en-us");
        assertThat(sent.getHeader("X-Auth-Token")).isEqualTo(TestSecrets.TOKEN);
    }

    @Test
    void definitionLookupByIdUsesTheList() {
        stub.stubFor(get(urlPathEqualTo(DEFINITIONS)).willReturn(okJson(
                "{\"value\":[{\"id\":\"a\",\"name\":\"one\"},{\"id\":\"b\",\"name\":\"two\"}],\"page_info\":{}}")));

        assertThat(gateway.definition("b")).map(PolicyDefinition::name).contains("two");
        assertThat(gateway.definition("c")).isEmpty();
    }
}
