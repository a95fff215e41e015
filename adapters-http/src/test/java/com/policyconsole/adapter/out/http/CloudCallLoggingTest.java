package com.policyconsole.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.policyconsole.adapter.out.testing.SeedExamples.DOMAIN_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.PROJECT_ID;
import static com.policyconsole.adapter.out.testing.SeedExamples.WORKSPACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.policyconsole.adapter.out.auth.AkSkAuthentication;
import com.policyconsole.adapter.out.auth.Authentication;
import com.policyconsole.adapter.out.auth.AuthenticationProducer;
import com.policyconsole.adapter.out.auth.IamTokenAuthentication;
import com.policyconsole.adapter.out.auth.Secret;
import com.policyconsole.adapter.out.auth.TokenAuthentication;
import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.adapter.out.testing.CloudStub;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.adapter.out.testing.TestSecrets;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.port.CloudReadException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call log: one line per call with the documented fields, and never a secret, whatever happens. */
@QuarkusTest
@WithTestResource(value = CloudStub.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CloudCallLoggingTest {

    private static final String POLICIES = "/v1/" + PROJECT_ID + "/workspaces/" + WORKSPACE_ID + "/soc/policys";
    private static final String ASSIGNMENTS = "/v1/resource-manager/domains/" + DOMAIN_ID + "/policy-assignments";
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");

    @CloudStub.Inject
    WireMockServer stub;

    @Inject
    SecMasterEmergencyPolicyGateway secMaster;

    @Inject
    RestClientFactory clients;

    @Inject
    CloudCallExecutor executor;

    @Inject
    CloudSettings settings;

    @Inject
    CloudEndpoints configuredEndpoints;

    private final CapturingHandler captured = new CapturingHandler();

    @BeforeEach
    void captureLogs() {
        stub.resetAll();
        Logger.getLogger("").addHandler(captured);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(captured);
    }

    @Test
    void everyCallLogsOneLineWithMethodPathTemplateStatusDurationAndRequestId() {
        stub.stubFor(post(urlPathEqualTo(POLICIES)).willReturn(okJson("{\"data\":\"t\",\"success\":true}")
                .withHeader("X-Request-Id", "log-req-1")));

        secMaster.prepare(SeedExamples.secMasterCreate()).send();

        List<String> lines = callLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("cloud call POST /v1/\\{project_id}/workspaces/\\{workspace_id}/soc/policys"
                + "\\?action_type=create status=200 duration=\\d+ms request_id=log-req-1 attempt=1/3");
    }

    @Test
    void retriedAndFailedCallsLogOneLineEach() {
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withStatus(429)));
        URI base = URI.create("http://localhost:" + stub.port());
        RmsConfigRuleGateway config = new RmsConfigRuleGateway(CloudEndpoints.of(base, base, base), clients,
                token(), executor, settings);

        config.prepare(SeedExamples.configAddRule()).send();

        assertThat(callLines()).hasSize(3).allSatisfy(line -> assertThat(line)
                .startsWith("cloud call PUT /v1/resource-manager/domains/{domain_id}/policy-assignments status=429")
                .doesNotContain(DOMAIN_ID));
    }

    @Test
    void noSecretEverAppearsInTheLogWhateverHappens() {
        URI base = URI.create("http://localhost:" + stub.port());
        CloudEndpoints endpoints = CloudEndpoints.of(base, base, base);
        // A hostile service that echoes credentials back in errors and request IDs.
        stub.stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", TestSecrets.IAM_SUBJECT_TOKEN).withBody("{\"token\":{}}")));
        stub.stubFor(post(urlPathEqualTo(POLICIES)).withHeader("X-Auth-Token", equalTo(TestSecrets.IAM_SUBJECT_TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("X-Request-Id", TestSecrets.IAM_SUBJECT_TOKEN)
                        .withBody("{\"error_msg\":\"token " + TestSecrets.IAM_SUBJECT_TOKEN + " rejected\"}")));
        stub.stubFor(post(urlPathEqualTo(POLICIES)).withHeader("X-Auth-Token", equalTo(TestSecrets.TOKEN))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":\"X\",\"message\":\"bad token "
                        + TestSecrets.TOKEN + "\"}")));
        stub.stubFor(post(urlPathEqualTo(POLICIES)).withHeader("Authorization", matching(".*"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"echo " + TestSecrets.SECRET_KEY + "\"}")));
        stub.stubFor(put(urlPathEqualTo(ASSIGNMENTS)).willReturn(aResponse().withFixedDelay(1_500)));
        stub.stubFor(get(urlPathMatching("/v1/resource-manager/.*")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error_code\":\"RMS.00010006\",\"error_msg\":\"denied for " + TestSecrets.SECURITY_TOKEN + "\"}")));

        Authentication iam = new IamTokenAuthentication(endpoints, clients, executor,
                Secret.ofValue("policyconsole.cloud.iam.user", TestSecrets.IAM_USER),
                Secret.ofValue("policyconsole.cloud.iam.password", TestSecrets.IAM_PASSWORD),
                Secret.ofValue("policyconsole.cloud.iam.domain-name", TestSecrets.IAM_DOMAIN), Duration.ofHours(1),
                Clock.systemUTC());
        Authentication akSk = new AkSkAuthentication(Secret.ofValue("policyconsole.cloud.access-key", TestSecrets.ACCESS_KEY),
                Secret.ofValue("policyconsole.cloud.secret-key", TestSecrets.SECRET_KEY),
                Optional.of(Secret.ofValue("policyconsole.cloud.security-token", TestSecrets.SECURITY_TOKEN)),
                Clock.systemUTC());
        List<CloudOutcome> outcomes = new ArrayList<>();
        for (Authentication authentication : List.of(token(), iam, akSk)) {
            SecMasterEmergencyPolicyGateway gateway = new SecMasterEmergencyPolicyGateway(endpoints, clients,
                    authentication, executor, settings);
            RmsConfigRuleGateway config = new RmsConfigRuleGateway(endpoints, clients, authentication, executor, settings);
            outcomes.add(gateway.prepare(SeedExamples.secMasterCreate()).send());
            outcomes.add(config.prepare(SeedExamples.configAddRule()).send());
            try {
                config.listRules(DOMAIN_ID);
            } catch (CloudReadException expected) {
                outcomes.add(expected.outcome());
            }
            Logger.getLogger(CloudCallLoggingTest.class.getName()).log(Level.INFO, "authentication {0}, preview {1}",
                    new Object[] {authentication, gateway.prepare(SeedExamples.secMasterCreate()).rendered()});
        }
        new AuthenticationProducer().authentication(settings, configuredEndpoints, clients, executor);

        List<String> secrets = new ArrayList<>(TestSecrets.neverLogged());
        stub.findAll(anyRequestedFor(anyUrl())).stream()
                .map(r -> r.containsHeader("Authorization") ? r.getHeader("Authorization") : "")
                .map(SIGNATURE::matcher).filter(Matcher::find).forEach(m -> secrets.add(m.group(1)));
        assertThat(secrets).hasSizeGreaterThan(TestSecrets.neverLogged().size());
        assertThat(callLines()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(captured.texts()).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(secrets));
        assertThat(outcomes).hasSize(9).allSatisfy(outcome -> assertThat(outcome.toString()).doesNotContain(secrets));
    }

    private Authentication token() {
        return new TokenAuthentication(
                Secret.ofValue("policyconsole.cloud.token", TestSecrets.TOKEN));
    }

    private List<String> callLines() {
        return captured.records().stream().filter(r -> CallLog.class.getName().equals(r.getLoggerName()))
                .map(LogRecord::getMessage).toList();
    }

    /** Keeps every record and renders each with its parameters and stack trace. */
    private static final class CapturingHandler extends Handler {
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        CapturingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        List<LogRecord> records() {
            synchronized (records) {
                return new ArrayList<>(records);
            }
        }

        List<String> texts() {
            return records().stream().map(CapturingHandler::text).toList();
        }

        private static String text(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                text.append(' ').append(Arrays.deepToString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
