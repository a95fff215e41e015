package com.policyconsole.adapter.out.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.policyconsole.adapter.out.testing.SeedExamples.DOMAIN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.CloudReadException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule operations and compliance reads over the wire: paths, methods, outcomes and which of them are repeated. */
@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RmsRuleLifecycleGatewayTest {

    private static final String RULE_ID = "66c486e8d58ed9173f4560ac";
    private static final String RULE = "/v1/resource-manager/domains/" + DOMAIN_ID + "/policy-assignments/" + RULE_ID;
    private static final String ERROR = "{\"error_code\":\"%s\",\"error_msg\":\"%s\"}";

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    RmsConfigRuleGateway gateway;

    @BeforeEach
    void resetStub() {
        stub.resetAll();
    }

    private static RuleChange change(String operation) {
        return switch (operation) {
            case "enable" -> new RuleChange.Enable(DOMAIN_ID, RULE_ID, "r");
            case "disable" -> new RuleChange.Disable(DOMAIN_ID, RULE_ID, "r");
            case "evaluate" -> new RuleChange.Evaluate(DOMAIN_ID, RULE_ID, "r");
            case "update" -> new RuleChange.Update(DOMAIN_ID, RULE_ID, SeedExamples.configAddRule().rule());
            default -> new RuleChange.Delete(DOMAIN_ID, RULE_ID, "r");
        };
    }

    private static String path(String operation) {
        return switch (operation) {
            case "enable" -> RULE + "/enable";
            case "disable" -> RULE + "/disable";
            case "evaluate" -> RULE + "/policy-states/run-evaluation";
            default -> RULE;
        };
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource({"enable,POST,202", "disable,POST,202", "evaluate,POST,202", "update,PUT,200", "delete,DELETE,200"})
    void eachOperationGoesToItsPathAndItsSuccessIsAccepted(String operation, String method, int status) {
        String body = operation.equals("update") ? SeedExamples.configAddRuleResponseText() : "";
        stub.stubFor(any(urlPathEqualTo(path(operation))).willReturn(aResponse().withStatus(status).withBody(body)
                .withHeader("X-Request-Id", "rq-" + operation)));

        RenderedRequest rendered = gateway.prepare(change(operation)).rendered();
        CloudOutcome outcome = gateway.prepare(change(operation)).send();

        assertThat(rendered.method()).isEqualTo(method);
        assertThat(rendered.url()).endsWith(path(operation));
        assertThat(rendered.pathParameters()).containsEntry("policy_assignment_id", RULE_ID);
        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Accepted.class, a -> {
            assertThat(a.resultId()).isEqualTo(RULE_ID);
            assertThat(a.httpStatus()).isEqualTo(status);
            assertThat(a.requestId()).isEqualTo("rq-" + operation);
        });
        List<LoggedRequest> sent = stub.findAll(anyRequestedFor(urlPathEqualTo(path(operation))));
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.getMethod().getName()).isEqualTo(method);
            assertThat(r.getHeader("X-Auth-Token")).isEqualTo(TestSecrets.TOKEN);
        });
        if (operation.equals("update")) {
            assertThat(SeedExamples.tree(sent.get(0).getBodyAsString())).isEqualTo(SeedExamples.configAddRuleExampleTree());
        }
    }

    @ParameterizedTest(name = "{0}: HTTP {1} {2} is refused")
    @CsvSource({"enable,400,RMS.00010004", "disable,403,RMS.00010006", "evaluate,404,RMS.00010005",
            "update,400,RMS.00010004", "delete,400,RMS.00010004", "delete,403,RMS.00010006", "enable,404,RMS.00010005"})
    void refusalsAreRefusedWithCodeAndMessage(String operation, int status, String code) {
        String body = ERROR.formatted(code, "no");
        stub.stubFor(any(urlPathEqualTo(path(operation))).willReturn(aResponse().withStatus(status).withBody(body)));

        assertThat(gateway.prepare(change(operation)).send())
                .isEqualTo(new CloudOutcome.Refused(status, code, "no", null, body));
        stub.verify(1, anyRequestedFor(urlPathEqualTo(path(operation))));
    }

    @ParameterizedTest(name = "{0} after a 500 is sent {1} times and Unknown")
    @CsvSource({"enable,3", "disable,3", "delete,3", "evaluate,1", "update,1"})
    void serverErrorsAreRepeatedOnlyForOperationsThatCanBeRepeated(String operation, int attempts) {
        String body = ERROR.formatted("RMS.INTERNAL.ERROR", "Internal error.");
        stub.stubFor(any(urlPathEqualTo(path(operation))).willReturn(aResponse().withStatus(500).withBody(body)));

        assertThat(gateway.prepare(change(operation)).send()).isInstanceOfSatisfying(CloudOutcome.Unknown.class, u -> {
            assertThat(u.httpStatus()).isEqualTo(500);
            assertThat(u.reason()).contains("RMS.INTERNAL.ERROR").contains("may have been applied");
        });
        stub.verify(attempts, anyRequestedFor(urlPathEqualTo(path(operation))));
    }

    @ParameterizedTest(name = "{0} throttled once then accepted")
    @CsvSource({"enable", "disable", "evaluate", "update", "delete"})
    void throttlingIsRetried(String operation) {
        String body = operation.equals("update") ? SeedExamples.configAddRuleResponseText() : "";
        stub.stubFor(any(urlPathEqualTo(path(operation))).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        stub.stubFor(any(urlPathEqualTo(path(operation))).inScenario("t").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(operation.equals("update") ? 200 : 202).withBody(body)));

        assertThat(gateway.prepare(change(operation)).send()).isInstanceOf(CloudOutcome.Accepted.class);
        stub.verify(2, anyRequestedFor(urlPathEqualTo(path(operation))));
    }

    @Test
    void throttledToTheLastAttemptIsFailed() {
        stub.stubFor(any(urlPathEqualTo(path("disable"))).willReturn(aResponse().withStatus(429)
                .withBody("{\"error_code\":\"APIG.0308\",\"error_msg\":\"throttled\"}")));

        assertThat(gateway.prepare(change("disable")).send()).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.httpStatus()).isEqualTo(429));
        stub.verify(3, anyRequestedFor(urlPathEqualTo(path("disable"))));
    }

    @ParameterizedTest(name = "{0} timing out every time is Unknown after {1} attempts")
    @CsvSource({"disable,3", "evaluate,1"})
    void timeoutsAreUnknownAndRepeatedOnlyWhereHarmless(String operation, int attempts) {
        stub.stubFor(any(urlPathEqualTo(path(operation))).willReturn(aResponse().withStatus(202).withFixedDelay(1_500)));

        assertThat(gateway.prepare(change(operation)).send()).isInstanceOf(CloudOutcome.Unknown.class);
        stub.verify(attempts, anyRequestedFor(urlPathEqualTo(path(operation))));
    }

    @Test
    void aDeleteWhoseRepetitionFindsTheRuleGoneDeletedIt() {
        stub.stubFor(any(urlPathEqualTo(RULE)).inScenario("d").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("gone"));
        stub.stubFor(any(urlPathEqualTo(RULE)).inScenario("d").whenScenarioStateIs("gone")
                .willReturn(aResponse().withStatus(404).withBody(ERROR.formatted("RMS.00010005", "Not found."))));

        assertThat(gateway.prepare(change("delete")).send()).isInstanceOfSatisfying(CloudOutcome.Accepted.class,
                a -> assertThat(a.state()).isEqualTo("Deleted"));
        stub.verify(2, anyRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void showReadsTheRuleAndANotFoundIsEmpty() {
        stub.stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(SeedExamples.configAddRuleResponseText())));

        assertThat(gateway.show(DOMAIN_ID, RULE_ID)).contains(SeedExamples.configAddRuleResponseAssignment());

        stub.stubFor(get(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(404)
                .withBody(ERROR.formatted("RMS.00010005", "Not found."))));
        assertThat(gateway.show(DOMAIN_ID, RULE_ID)).isEmpty();
    }

    @Test
    void readsAreRepeatedAfterAServerErrorAndRefusalsThrow() {
        stub.stubFor(get(urlPathEqualTo(RULE)).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        stub.stubFor(get(urlPathEqualTo(RULE)).inScenario("r").whenScenarioStateIs("ok")
                .willReturn(okJson(SeedExamples.configAddRuleResponseText())));
        assertThat(gateway.show(DOMAIN_ID, RULE_ID)).isPresent();
        stub.verify(2, getRequestedFor(urlPathEqualTo(RULE)));

        stub.stubFor(get(urlPathEqualTo(RULE + "/policy-states/summary")).willReturn(aResponse().withStatus(403)
                .withBody(ERROR.formatted("RMS.00010006", "Access denied."))));
        CloudReadException denied = catchThrowableOfType(CloudReadException.class,
                () -> gateway.summary(DOMAIN_ID, RULE_ID));
        assertThat(denied.outcome()).isInstanceOfSatisfying(CloudOutcome.Refused.class,
                r -> assertThat(r.errorCode()).isEqualTo("RMS.00010006"));
    }

    @Test
    void complianceReadsMapTheWireFormats() {
        stub.stubFor(get(urlPathEqualTo(RULE + "/policy-states/summary")).willReturn(okJson("""
                {"compliance_state":"NonCompliant","results":{"resource_details":{"compliant_count":375,
                 "non_compliant_count":37},"assignment_details":{"compliant_count":0,"non_compliant_count":1}}}""")));
        stub.stubFor(get(urlPathEqualTo(RULE + "/policy-states/evaluation-state")).willReturn(okJson("""
                {"policy_assignment_id":"%s","state":"Succeeded","start_time":"2026-12-02T08:00:00Z",
                 "end_time":"2026-12-02T08:00:05Z","error_message":null}""".formatted(RULE_ID))));
        stub.stubFor(get(urlPathEqualTo(RULE + "/policy-states")).withQueryParam("compliance_state",
                equalTo("NonCompliant")).willReturn(okJson("""
                {"value":[{"domain_id":"%s","region_id":"ap-southeast-1","resource_id":"ecs-1","resource_name":"web",
                  "resource_provider":"ecs","resource_type":"cloudservers","trigger_type":"resource",
                  "compliance_state":"NonCompliant","policy_assignment_id":"%s","evaluation_time":"2026-12-02T08:00:05Z"}],
                 "page_info":{"current_count":1,"next_marker":"ecs-1"}}""".formatted(DOMAIN_ID, RULE_ID))));

        assertThat(gateway.summary(DOMAIN_ID, RULE_ID)).isEqualTo(new ComplianceSummary(375, 37));
        assertThat(gateway.evaluationState(DOMAIN_ID, RULE_ID)).isEqualTo(new EvaluationState("Succeeded",
                Instant.parse("2026-12-02T08:00:00Z"), Instant.parse("2026-12-02T08:00:05Z"), null));
        CompliancePage page = gateway.policyStates(DOMAIN_ID, RULE_ID, "NonCompliant", null, 50);
        assertThat(page.nextMarker()).isEqualTo("ecs-1");
        assertThat(page.resources()).singleElement().satisfies(r -> {
            assertThat(r.resourceId()).isEqualTo("ecs-1");
            assertThat(r.resourceType()).isEqualTo("ecs.cloudservers");
            assertThat(r.complianceState()).isEqualTo("NonCompliant");
        });
        assertThat(stub.findAll(getRequestedFor(urlPathEqualTo(RULE + "/policy-states"))).get(0).getUrl())
                .isEqualTo(RULE + "/policy-states?compliance_state=NonCompliant&limit=50");
    }

    @Test
    void withoutARuleIdNothingIsSent() {
        CloudOutcome outcome = gateway.prepare(new RuleChange.Enable(DOMAIN_ID, "", "r")).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("CLIENT.NOT_SENT"));
        assertThat(stub.getAllServeEvents()).isEmpty();
    }
}
