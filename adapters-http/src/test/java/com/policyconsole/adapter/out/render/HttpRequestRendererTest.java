package com.policyconsole.adapter.out.render;

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
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.RenderedRequest;
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
class HttpRequestRendererTest {

    private static final String POLICIES = "/v1/" + PROJECT_ID + "/workspaces/" + WORKSPACE_ID + "/soc/policys";
    private static final String ASSIGNMENTS = "/v1/resource-manager/domains/" + DOMAIN_ID + "/policy-assignments";

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    HttpRequestRenderer renderer;

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
        RenderedRequest rendered = renderer.render(SeedExamples.secMasterCreate());

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
        RenderedRequest rendered = renderer.render(SeedExamples.secMasterCreate());

        secMaster.submit(SeedExamples.secMasterCreate());

        assertSentAsRendered(stub.findAll(postRequestedFor(urlPathEqualTo(POLICIES))).get(0), rendered);
    }

    @Test
    void configPreviewShowsTheDocumentExampleWithTagsAndIsExactlyWhatIsSent() {
        RenderedRequest rendered = renderer.render(SeedExamples.configAddRule());

        config.add(SeedExamples.configAddRule());

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

        RenderedRequest rendered = signed.render(SeedExamples.secMasterCreate());

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

        RenderedRequest rendered = renderer.render(incomplete);

        assertThat(rendered.url()).isEqualTo(base() + "/v1/%7Bproject_id%7D/workspaces/%7Bworkspace_id%7D/soc/policys?action_type=create");
        assertThat(rendered.headers()).containsEntry("x-secmaster-version", "25.5.0");
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
