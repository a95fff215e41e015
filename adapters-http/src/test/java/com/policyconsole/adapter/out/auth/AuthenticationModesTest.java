package com.policyconsole.adapter.out.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.policyconsole.adapter.out.testing.SeedExamples.DOMAIN_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.PROJECT_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.WORKSPACE_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.adapter.out.http.CloudCallExecutor;
import com.policyconsole.adapter.out.http.CloudEndpoints;
import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.adapter.out.http.RestClientFactory;
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.MutableClock;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.SignatureCheck;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.history.CloudOutcome;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three authentication modes end to end against the stub: token headers, IAM token life cycle, AK/SK signing. */
@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticationModesTest {

    private static final String POLICIES = "/v1/" + PROJECT_ID + "/workspaces/" + WORKSPACE_ID + "/soc/policys";
    private static final String ASSIGNMENTS = "/v1/resource-manager/domains/" + DOMAIN_ID + "/policy-assignments";
    private static final String TOKENS = "/v3/auth/tokens";
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final String ACCEPTED = "{\"code\":\"00000000\",\"data\":\"task-1\",\"success\":true}";

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    RestClientFactory clients;

    @Inject
    CloudCallExecutor executor;

    @Inject
    CloudSettings settings;

    private final MutableClock clock = new MutableClock(START);

    @BeforeEach
    void resetStub() {
        stub.resetAll();
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson(ACCEPTED)));
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(SeedExamples.configAddRuleResponseText())));
    }

    @Test
    void iamTokenIsObtainedWithProjectScopeOnceAndSentAsXAuthToken() {
        stubIamIssues(TestSecrets.IAM_SUBJECT_TOKEN, START.plus(Duration.ofHours(24)));
        SecMasterEmergencyPolicyGateway gateway = secMaster(iam());

        gateway.prepare(SeedExamples.secMasterCreate()).send();
        gateway.prepare(SeedExamples.secMasterCreate()).send();

        List<LoggedRequest> tokenRequests = stub.findAll(postRequestedFor(urlPathEqualTo(TOKENS)));
        assertThat(tokenRequests).hasSize(1);
        LoggedRequest tokenRequest = tokenRequests.get(0);
        assertThat(tokenRequest.getUrl()).isEqualTo(TOKENS + "?nocatalog=true");
        assertThat(tokenRequest.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(tree(tokenRequest.getBodyAsString())).isEqualTo(tree("""
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","password":"%s",
                 "domain":{"name":"%s"}}}},"scope":{"project":{"id":"%s"}}}}""".formatted(TestSecrets.IAM_USER,
                TestSecrets.IAM_PASSWORD, TestSecrets.IAM_DOMAIN, PROJECT_ID)));
        assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(POLICIES))))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("X-Auth-Token")).isEqualTo(TestSecrets.IAM_SUBJECT_TOKEN));
    }

    @Test
    void configCallsUseADomainScopedIamToken() {
        stubIamIssues(TestSecrets.IAM_SUBJECT_TOKEN, START.plus(Duration.ofHours(24)));

        config(iam()).prepare(SeedExamples.configAddRule()).send();

        LoggedRequest tokenRequest = stub.findAll(postRequestedFor(urlPathEqualTo(TOKENS))).get(0);
        assertThat(tree(tokenRequest.getBodyAsString()).at("/auth/scope"))
                .isEqualTo(tree("{\"domain\":{\"id\":\"" + DOMAIN_ID + "\"}}"));
        assertThat(stub.findAll(putRequestedFor(urlPathEqualTo(ASSIGNMENTS))).get(0).getHeader("X-Auth-Token"))
                .isEqualTo(TestSecrets.IAM_SUBJECT_TOKEN);
    }

    @Test
    void iamTokenIsRenewedAnHourBeforeItExpires() {
        stubIamIssues(TestSecrets.IAM_SUBJECT_TOKEN, START.plus(Duration.ofHours(24)));
        SecMasterEmergencyPolicyGateway gateway = secMaster(iam());

        gateway.prepare(SeedExamples.secMasterCreate()).send();
        clock.advance(Duration.ofHours(22));
        gateway.prepare(SeedExamples.secMasterCreate()).send();
        clock.advance(Duration.ofMinutes(61));
        gateway.prepare(SeedExamples.secMasterCreate()).send();

        stub.verify(2, postRequestedFor(urlPathEqualTo(TOKENS)));
    }

    @Test
    void unauthorizedAnswerRenewsTheIamTokenAndTriesOnceMore() {
        stub.stubFor(post(urlPathEqualTo(TOKENS)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "revoked-token-abcdef"))
                .willSetStateTo("second"));
        stub.stubFor(post(urlPathEqualTo(TOKENS)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", TestSecrets.IAM_SUBJECT_TOKEN)));
        stub.stubFor(post(urlPathEqualTo(POLICIES)).withHeader("X-Auth-Token", equalTo("revoked-token-abcdef"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token expires.\"}")));

        CloudOutcome outcome = secMaster(iam()).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOf(CloudOutcome.Accepted.class);
        stub.verify(2, postRequestedFor(urlPathEqualTo(TOKENS)));
        stub.verify(2, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void iamRefusalFailsTheCallWithoutSendingIt() {
        stub.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(aResponse().withStatus(401).withHeader("X-Request-Id", "iam-1")
                .withBody("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}")));

        CloudOutcome outcome = secMaster(iam()).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class, f -> {
            assertThat(f.httpStatus()).isEqualTo(401);
            assertThat(f.errorCode()).isEqualTo("401");
            assertThat(f.requestId()).isEqualTo("iam-1");
            assertThat(f.message()).contains("IAM refused", "The username or password is wrong.", "not sent");
        });
        stub.verify(0, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    @Test
    void akSkSignsExactlyWhatSecMasterReceives() {
        CloudOutcome outcome = secMaster(akSk(Optional.empty())).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOf(CloudOutcome.Accepted.class);
        LoggedRequest sent = stub.findAll(postRequestedFor(urlPathEqualTo(POLICIES))).get(0);
        assertThat(sent.getHeader("X-Project-Id")).isEqualTo(PROJECT_ID);
        assertThat(sent.getHeader("X-Sdk-Date")).isEqualTo("20261122T080000Z");
        assertThat(sent.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + TestSecrets.ACCESS_KEY
                + ", SignedHeaders=host;x-project-id;x-sdk-date;x-secmaster-version, Signature=");
        assertThat(sent.containsHeader("X-Auth-Token")).isFalse();
        assertThat(sent.containsHeader("X-Security-Token")).isFalse();
        SignatureCheck.assertSignedAsReceived(sent, httpBase(), TestSecrets.SECRET_KEY);
    }

    @Test
    void temporaryCredentialsSendASignedSecurityTokenAndConfigGetsXDomainId() {
        config(akSk(Optional.of(Secret.ofValue("policyconsole.cloud.security-token", TestSecrets.SECURITY_TOKEN))))
                .prepare(SeedExamples.configAddRule()).send();

        LoggedRequest sent = stub.findAll(putRequestedFor(urlPathEqualTo(ASSIGNMENTS))).get(0);
        assertThat(sent.getHeader("X-Domain-Id")).isEqualTo(DOMAIN_ID);
        assertThat(sent.getHeader("X-Security-Token")).isEqualTo(TestSecrets.SECURITY_TOKEN);
        assertThat(SignatureCheck.signedHeaders(sent)).containsExactly("host", "x-domain-id", "x-sdk-date", "x-security-token");
        SignatureCheck.assertSignedAsReceived(sent, httpBase(), TestSecrets.SECRET_KEY);
    }

    @Test
    void signedListRequestWithAnEncodedMarkerVerifies() {
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(
                "{\"value\":[],\"page_info\":{\"next_marker\":\"a+b/c=d e*f~g!h(i)j'k,l;m:n@o&p\"}}")).atPriority(2));
        stub.stubFor(get(urlPathEqualTo(ASSIGNMENTS)).withQueryParam("marker", equalTo("a+b/c=d e*f~g!h(i)j'k,l;m:n@o&p"))
                .willReturn(okJson("{\"value\":[],\"page_info\":{\"next_marker\":null}}")).atPriority(1));

        config(akSk(Optional.empty())).listRules(DOMAIN_ID);

        List<LoggedRequest> sent = stub.findAll(getRequestedFor(urlPathEqualTo(ASSIGNMENTS)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getUrl()).isEqualTo(ASSIGNMENTS + "?limit=2&marker=a%2Bb%2Fc%3Dd+e*f~g%21h%28i%29j%27k%2Cl%3Bm%3An%40o%26p");
        sent.forEach(r -> SignatureCheck.assertSignedAsReceived(r, httpBase(), TestSecrets.SECRET_KEY));
    }

    @Test
    void modeWithoutItsCredentialsFailsEveryCallWithoutSending() {
        Authentication unconfigured = new UnconfiguredAuthentication(CloudSettings.AuthMode.AKSK,
                "policyconsole.cloud.auth=aksk needs policyconsole.cloud.secret-key (or policyconsole.cloud.secret-key-file)");

        CloudOutcome outcome = secMaster(unconfigured).prepare(SeedExamples.secMasterCreate()).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Failed.class, f -> {
            assertThat(f.errorCode()).isEqualTo("CONFIG.MISSING");
            assertThat(f.message()).contains("policyconsole.cloud.secret-key");
        });
        stub.verify(0, postRequestedFor(urlPathEqualTo(POLICIES)));
    }

    private void stubIamIssues(String token, Instant expiresAt) {
        stub.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", token).withHeader("Content-Type", "application/json")
                .withBody("{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"methods\":[\"password\"]}}")));
    }

    private IamTokenAuthentication iam() {
        return new IamTokenAuthentication(endpoints(), clients, executor,
                Secret.ofValue("policyconsole.cloud.iam.user", TestSecrets.IAM_USER),
                Secret.ofValue("policyconsole.cloud.iam.password", TestSecrets.IAM_PASSWORD),
                Secret.ofValue("policyconsole.cloud.iam.domain-name", TestSecrets.IAM_DOMAIN),
                Duration.ofHours(1), clock);
    }

    private AkSkAuthentication akSk(Optional<Secret> securityToken) {
        return new AkSkAuthentication(Secret.ofValue("policyconsole.cloud.access-key", TestSecrets.ACCESS_KEY),
                Secret.ofValue("policyconsole.cloud.secret-key", TestSecrets.SECRET_KEY), securityToken, clock);
    }

    private String httpBase() {
        return "http://localhost:" + stub.port();
    }

    private CloudEndpoints endpoints() {
        URI base = URI.create(httpBase());
        return CloudEndpoints.of(base, base, base);
    }

    private SecMasterEmergencyPolicyGateway secMaster(Authentication authentication) {
        return new SecMasterEmergencyPolicyGateway(endpoints(), clients, authentication, executor, settings);
    }

    private RmsConfigRuleGateway config(Authentication authentication) {
        return new RmsConfigRuleGateway(endpoints(), clients, authentication, executor, settings);
    }
}
