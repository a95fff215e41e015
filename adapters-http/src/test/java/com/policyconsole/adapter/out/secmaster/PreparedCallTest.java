package com.policyconsole.adapter.out.secmaster;

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
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.policyconsole.adapter.out.auth.AkSkAuthentication;
import com.policyconsole.adapter.out.auth.Secret;
import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.adapter.out.http.CloudCallExecutor;
import com.policyconsole.adapter.out.http.CloudEndpoints;
import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.adapter.out.http.RestClientFactory;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.out.PreparedCall;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
/** Each gateway prepares a request once: what the preview shows and the history records is what is sent. */
class PreparedCallTest {

    private static final String POLICIES = "/v1/" + PROJECT_ID + "/workspaces/" + WORKSPACE_ID + "/soc/policys";
    private static final String ASSIGNMENTS = "/v1/resource-manager/domains/" + DOMAIN_ID + "/policy-assignments";

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    SecMasterEmergencyPolicyGateway secMaster;

    @Inject
    RmsConfigRuleGateway config;

    @Inject
    RestClientFactory clients;

    @Inject
    CloudCallExecutor executor;

    @Inject
    CloudSettings settings;

    @BeforeEach
    void resetStub() {
        stub.resetAll();
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson("{\"data\":\"t\",\"success\":true}")));
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(okJson(SeedExamples.configAddRuleResponseText())));
    }

    @Test
    void secMasterPreviewShowsTheDocumentExampleWithTheTokenMasked() {
        RenderedRequest rendered = secMaster.prepare(SeedExamples.secMasterCreate()).rendered();

        assertThat(rendered.method()).isEqualTo("POST");
        assertThat(rendered.url()).isEqualTo(base() + POLICIES + "?action_type=create");
        assertThat(rendered.headers()).containsExactly(
                entry("content-type", "application/json;charset=UTF-8"),
                entry("x-secmaster-version", "25.5.0"),
                entry("X-Auth-Token", "****"));
        assertThat(tree(rendered.body())).isEqualTo(tree(SeedExamples.secMasterCreateExampleText()));
    }

    @Test
    void secMasterPreviewIsExactlyWhatIsSent() {
        PreparedCall call = secMaster.prepare(SeedExamples.secMasterCreate());
        RenderedRequest rendered = call.rendered();

        call.send();

        assertSentAsRendered(stub.findAll(postRequestedFor(urlPathEqualTo(POLICIES))).get(0), rendered);
    }

    @Test
    void configPreviewShowsTheDocumentExampleWithTagsAndIsExactlyWhatIsSent() {
        PreparedCall call = config.prepare(SeedExamples.configAddRule());
        RenderedRequest rendered = call.rendered();

        call.send();

        assertThat(rendered.method()).isEqualTo("PUT");
        assertThat(rendered.url()).isEqualTo(base() + ASSIGNMENTS);
        assertThat(rendered.headers()).containsExactly(
                entry("content-type", "application/json;charset=UTF-8"), entry("X-Auth-Token", "****"));
        assertThat(tree(rendered.body())).isEqualTo(SeedExamples.configAddRuleExampleTree());
        assertSentAsRendered(stub.findAll(putRequestedFor(urlPathEqualTo(ASSIGNMENTS))).get(0), rendered);
    }

    @Test
    void akSkPreviewShowsWhatIsSignedButMasksKeySignatureAndSecurityToken() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-22T09:30:00Z"), ZoneOffset.UTC);
        AkSkAuthentication akSk = new AkSkAuthentication(
                Secret.ofValue("policyconsole.cloud.access-key", TestSecrets.ACCESS_KEY),
                Secret.ofValue("policyconsole.cloud.secret-key", TestSecrets.SECRET_KEY),
                Optional.of(Secret.ofValue("policyconsole.cloud.security-token", TestSecrets.SECURITY_TOKEN)), fixed);
        URI base = URI.create(base());
        SecMasterEmergencyPolicyGateway signed = new SecMasterEmergencyPolicyGateway(CloudEndpoints.of(base, base, base),
                clients, akSk, executor, settings);

        RenderedRequest rendered = signed.prepare(SeedExamples.secMasterCreate()).rendered();

        assertThat(rendered.headers()).containsExactly(
                entry("content-type", "application/json;charset=UTF-8"),
                entry("x-secmaster-version", "25.5.0"),
                entry("X-Project-Id", PROJECT_ID),
                entry("X-Sdk-Date", "20261122T093000Z"),
                entry("Authorization", "SDK-HMAC-SHA256 Access=****, "
                        + "SignedHeaders=host;x-project-id;x-sdk-date;x-secmaster-version;x-security-token, Signature=****"),
                entry("X-Security-Token", "****"));
        assertThat(rendered.toString()).doesNotContain(TestSecrets.ACCESS_KEY, TestSecrets.SECURITY_TOKEN);
    }

    @Test
    void previewOfARequestWithoutIdsShowsThePlaceholdersInsteadOfFailing() {
        EmergencyPolicyRequest incomplete = EmergencyPolicyRequest.create(new SecMasterWorkspace(null, ""), null,
                SeedExamples.secMasterPolicy());

        RenderedRequest rendered = secMaster.prepare(incomplete).rendered();

        assertThat(rendered.url()).isEqualTo(base() + "/v1/%7Bproject_id%7D/workspaces/%7Bworkspace_id%7D/soc/policys?action_type=create");
        assertThat(rendered.headers()).containsEntry("x-secmaster-version", "25.5.0");
    }

    @Test
    void theRenderedRequestKeepsItsStructureSoThatItIsReadBackWithoutParsingItsUrl() {
        EmergencyPolicyRequest retry = SeedExamples.secMasterRetry("41eb9024-1fa2-4e43-9721-e09ec426ce00");
        RenderedRequest rendered = secMaster.prepare(retry).rendered();

        assertThat(rendered.pathTemplate()).isEqualTo(SecMasterEmergencyPolicyGateway.POLICIES_PATH);
        assertThat(rendered.pathParameters()).containsExactly(entry("project_id", PROJECT_ID),
                entry("workspace_id", WORKSPACE_ID));
        assertThat(rendered.query()).containsExactly(entry("action_type", "retry"));
        assertThat(secMaster.readBack(rendered)).contains(retry);
    }

    @Test
    void aRecordedRequestOfAnotherEndpointOrWithAnUnreadableBodyIsNotReadBack() {
        RenderedRequest rule = config.prepare(SeedExamples.configAddRule()).rendered();
        RenderedRequest create = secMaster.prepare(SeedExamples.secMasterCreate()).rendered();
        RenderedRequest garbled = new RenderedRequest(create.method(), create.url(), create.pathTemplate(),
                create.pathParameters(), create.query(), create.headers(), "{not json");
        RenderedRequest mistyped = new RenderedRequest(create.method(), create.url(), create.pathTemplate(),
                create.pathParameters(), create.query(), create.headers(), "{\"data_object\":{\"block_target\":7}}");

        assertThat(secMaster.readBack(rule)).isEmpty();
        assertThat(secMaster.readBack(garbled)).isEmpty();
        assertThat(secMaster.readBack(mistyped)).isEmpty();
    }

    private void assertSentAsRendered(LoggedRequest sent, RenderedRequest rendered) {
        assertThat(sent.getMethod().getName()).isEqualTo(rendered.method());
        assertThat(base() + sent.getUrl()).isEqualTo(rendered.url());
        assertThat(sent.getBodyAsString()).isEqualTo(rendered.body());
        for (Map.Entry<String, String> header : rendered.headers().entrySet()) {
            if (header.getValue().equals("****")) {
                assertThat(sent.getHeader(header.getKey())).as(header.getKey()).isNotBlank().isNotEqualTo("****");
            } else {
                assertThat(sent.getHeader(header.getKey())).as(header.getKey()).isEqualTo(header.getValue());
            }
        }
    }

    private String base() {
        return "http://localhost:" + stub.port();
    }
}
