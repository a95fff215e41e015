package com.policyconsole.adapter.out.secmaster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.policyconsole.adapter.out.testing.SeedExamples.PROJECT_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.WORKSPACE;
import static com.policyconsole.adapter.out.testing.SeedExamples.WORKSPACE_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
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

@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecMasterEmergencyPolicyGatewayTest {

    private static final String POLICIES = "/v1/" + PROJECT_ID + "/workspaces/" + WORKSPACE_ID + "/soc/policys";
    private static final String SEARCH = POLICIES + "/search";
    private static final String ACCEPTED_BODY =
            "{\"code\":\"00000000\",\"data\":\"task-7f3a\",\"message\":\"\",\"request_id\":\"body-req-1\",\"success\":true}";

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    SecMasterEmergencyPolicyGateway gateway;

    @BeforeEach
    void resetStub() {
        stub.resetAll();
    }

    @Test
    void seedCreateArrivesAsTheDocumentExampleWithMethodPathQueryAndHeaders() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson(ACCEPTED_BODY).withHeader("X-Request-Id", "hdr-req-1")));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isEqualTo(new CloudOutcome.Accepted("task-7f3a", null, 200, "hdr-req-1", ACCEPTED_BODY));
        LoggedRequest sent = onlyRequest();
        assertThat(sent.getMethod()).isEqualTo(RequestMethod.POST);
        assertThat(sent.getUrl()).isEqualTo(POLICIES + "?action_type=create");
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(sent.getHeader("x-secmaster-version")).isEqualTo("25.5.0");
        assertThat(sent.getHeader("X-Auth-Token")).isEqualTo(TestSecrets.TOKEN);
        assertThat(sent.containsHeader("X-Project-Id")).isFalse();
        assertThat(tree(sent.getBodyAsString())).isEqualTo(tree(SeedExamples.secMasterCreateExampleText()));
    }

    @Test
    void retryCarriesActionTypeRetryAndTheRetryList() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson(ACCEPTED_BODY)));

        gateway.prepare(SeedExamples.secMasterRetry("41eb9024-1fa2-4e43-9721-e09ec426ce00")).send();

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getUrl()).isEqualTo(POLICIES + "?action_type=retry");
        assertThat(tree(sent.getBodyAsString()).at("/data_object/retry_list"))
                .isEqualTo(tree("[\"41eb9024-1fa2-4e43-9721-e09ec426ce00\"]"));
    }

    @Test
    void requestIdComesFromTheBodyWhenTheHeaderIsAbsent() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson(ACCEPTED_BODY)));

        assertThat(gateway.prepare(SeedExamples.secMasterCreate()).send().requestId()).isEqualTo("body-req-1");
    }

    @Test
    void okWithSuccessFalseIsRefusedWithTheBodysCodeAndMessage() {
        String body = "{\"code\":\"SecMaster.20041002\",\"message\":\"operation connection not found\",\"request_id\":\"r-9\",\"success\":false}";
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson(body)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isEqualTo(new CloudOutcome.Refused(200, "SecMaster.20041002",
                "operation connection not found", "r-9", body));
    }

    @ParameterizedTest(name = "HTTP {0} with {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "400|{\"code\":\"SecMaster.20010001\",\"message\":\"workspace not found\"}|SecMaster.20010001|workspace not found",
            "401|{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}|APIGW.0301|Incorrect IAM authentication information",
            "403|{\"error_code\":\"SecMaster.00040003\",\"error_msg\":\"no permission\",\"request_id\":\"b-1\"}|SecMaster.00040003|no permission",
            "404|{\"code\":\"SecMaster.20010001\",\"message\":\"workspace not found\"}|SecMaster.20010001|workspace not found",
            "409|{\"code\":\"SecMaster.20048001\",\"message\":\"policy already exists\"}|SecMaster.20048001|policy already exists"})
    void clientErrorsAreRefusedWithCodeAndMessageFromEitherBodyShape(int status, String body, String code, String message) {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-" + status).withBody(body)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isEqualTo(new CloudOutcome.Refused(status, code, message, "req-" + status, body));
        stub.verify(1, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void throttlingIsRetriedWithBackoffAndThenAccepted() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error_code\":\"APIG.0308\",\"error_msg\":\"throttled\"}"))
                .willSetStateTo("calm"));
        stub.stubFor(post(urlPathEqualTo(POLICIES)).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson(ACCEPTED_BODY)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOf(CloudOutcome.Accepted.class);
        stub.verify(2, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void throttlingOnEveryAttemptFailsAfterMaxAttempts() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(429)
                .withHeader("X-Request-Id", "thr-1").withBody("{\"error_code\":\"APIG.0308\",\"error_msg\":\"The request is throttled.\"}")));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class, f -> {
            assertThat(f.httpStatus()).isEqualTo(429);
            assertThat(f.errorCode()).isEqualTo("APIG.0308");
            assertThat(f.message()).isEqualTo("The request is throttled.");
            assertThat(f.requestId()).isEqualTo("thr-1");
        });
        stub.verify(3, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void serverErrorOnCreateIsUnknownAndNotRetried() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(500)
                .withHeader("X-Request-Id", "srv-1").withBody("{\"code\":\"SecMaster.00000500\",\"message\":\"internal error\"}")));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Unknown.class, u -> {
            assertThat(u.httpStatus()).isEqualTo(500);
            assertThat(u.requestId()).isEqualTo("srv-1");
            assertThat(u.reason()).contains("SecMaster.00000500", "internal error", "may have been applied");
        });
        stub.verify(1, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void gatewayErrorWithAnHtmlBodyIsUnknownAndKeepsTheBody() {
        String html = "<html><body>502 Bad Gateway</body></html>";
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(html)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Unknown.class, u -> {
            assertThat(u.httpStatus()).isEqualTo(502);
            assertThat(u.responseBody()).isEqualTo(html);
            assertThat(u.reason()).contains("non-JSON body");
        });
    }

    @Test
    void serviceUnavailableWithAnEmptyBodyIsUnknown() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(503)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Unknown.class, u -> {
            assertThat(u.httpStatus()).isEqualTo(503);
            assertThat(u.responseBody()).isNull();
            assertThat(u.reason()).contains("empty body");
        });
    }

    @Test
    void clientErrorWithANonJsonBodyIsRefusedWithoutACode() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(400).withBody("Bad Request")));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isEqualTo(new CloudOutcome.Refused(400, null, "HTTP 400 with a non-JSON body", null, "Bad Request"));
    }

    @Test
    void okWithANonJsonBodyIsUnknown() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withStatus(200).withBody("OK")));

        assertThat(gateway.prepare(SeedExamples.secMasterCreate()).send()).isInstanceOf(CloudOutcome.Unknown.class);
    }

    @Test
    void readTimeoutAfterSendingIsUnknownAndNotRetried() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson(ACCEPTED_BODY).withFixedDelay(2_500)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Unknown.class, u -> {
            assertThat(u.httpStatus()).isZero();
            assertThat(u.reason()).contains("read timeout", "may have been applied");
        });
        stub.verify(1, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void connectionResetAfterSendingIsUnknownAndNotRetried() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CloudOutcome outcome = gateway.prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOf(CloudOutcome.Unknown.class);
        stub.verify(1, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void searchFollowsOffsetPagingAndMapsPoliciesAndCounts() {
        stub.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(equalTo("{\"limit\":2,\"offset\":0}"))
                .willReturn(okJson("""
                        {"code":"00000000","total":3,"success":true,"data":[
                          {"policy_id":"p-1","block_target":"1.2.3.4,10.0.0.0/8","policy_category":"BLOCK",
                           "policy_type":{"policy_type":"Source Ip"},"block_age":{"is_block_ageing":true,"block_ageing":"1893456000000"}},
                          {"policy_id":"p-2","block_target":"alice","policy_category":"WHITE",
                           "policy_type":"User Name","block_age":{"is_block_ageing":false,"block_ageing":null}}]}""")));
        stub.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(equalTo("{\"limit\":2,\"offset\":2}"))
                .willReturn(okJson("""
                        {"code":"00000000","total":3,"success":true,"data":[
                          {"id":"p-3","block_target":"example.com","policy_category":"BLOCK",
                           "policy_type":{"policy_type":"Domain Name"},"block_age":{"is_block_ageing":true,"block_ageing":1893456000000}}]}""")));

        WorkspacePolicies policies = gateway.search(WORKSPACE, null);

        assertThat(policies.total()).isEqualTo(3);
        assertThat(policies.withAgeing()).isEqualTo(2);
        assertThat(policies.policies()).extracting(KnownPolicy::policyId).containsExactly("p-1", "p-2", "p-3");
        KnownPolicy first = policies.policies().get(0);
        assertThat(first.category()).isEqualTo(PolicyCategory.BLOCK);
        assertThat(first.targets()).extracting(BlockTarget::text).containsExactly("1.2.3.4", "10.0.0.0/8");
        assertThat(first.agesOutAt()).isEqualTo(Instant.ofEpochMilli(1_893_456_000_000L));
        assertThat(policies.policies().get(1).agesOutAt()).isNull();
        assertThat(policies.policies().get(2).targets()).extracting(BlockTarget::text).containsExactly("example.com");
        List<LoggedRequest> sent = stub.findAll(postRequestedFor(urlPathEqualTo(SEARCH)));
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("x-secmaster-version")).isEqualTo("25.5.0");
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
            assertThat(r.getHeader("X-Auth-Token")).isEqualTo(TestSecrets.TOKEN);
        });
    }

    @Test
    void searchThatNeverEndsFailsAtTheConfiguredPageBound() {
        stub.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(okJson("""
                {"success":true,"data":[{"policy_id":"p","block_target":"1.1.1.1","policy_category":"BLOCK"},
                                        {"policy_id":"q","block_target":"2.2.2.2","policy_category":"BLOCK"}]}""")));

        CloudReadException thrown = catchThrowableOfType(CloudReadException.class, () -> gateway.search(WORKSPACE, "25.5.0"));

        assertThat(thrown.outcome()).isInstanceOfSatisfying(CloudOutcome.Failed.class,
                f -> assertThat(f.errorCode()).isEqualTo("CLIENT.TOO_MANY_PAGES"));
        stub.verify(4, postRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void searchRefusedByTheServiceThrowsWithTheRefusal() {
        stub.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":\"SecMaster.20010001\",\"message\":\"workspace not found\"}")));

        CloudReadException thrown = catchThrowableOfType(CloudReadException.class, () -> gateway.search(WORKSPACE, null));

        assertThat(thrown.outcome()).isEqualTo(new CloudOutcome.Refused(404, "SecMaster.20010001", "workspace not found",
                null, "{\"code\":\"SecMaster.20010001\",\"message\":\"workspace not found\"}"));
    }

    @Test
    void searchAnsweredWithSuccessFalseThrows() {
        stub.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"code\":\"SecMaster.1\",\"message\":\"no\",\"success\":false}")));

        CloudReadException thrown = catchThrowableOfType(CloudReadException.class, () -> gateway.search(WORKSPACE, null));

        assertThat(thrown.outcome()).isInstanceOf(CloudOutcome.Failed.class);
        assertThat(thrown.getMessage()).contains("success=false");
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> all = stub.findAll(postRequestedFor(urlPathEqualTo(POLICIES)));
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
