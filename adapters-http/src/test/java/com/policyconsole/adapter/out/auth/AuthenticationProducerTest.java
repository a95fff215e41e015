package com.policyconsole.adapter.out.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.policyconsole.adapter.out.http.AuthenticationFailure;
import com.policyconsole.adapter.out.http.CloudCallExecutor;
import com.policyconsole.adapter.out.http.CloudEndpoints;
import com.policyconsole.adapter.out.http.CloudSettings.AuthMode;
import com.policyconsole.adapter.out.http.RestClientFactory;
import com.policyconsole.adapter.out.http.RetryPolicy;
import com.policyconsole.adapter.out.http.WireRequest;
import com.policyconsole.adapter.out.testing.TestCloudSettings;
import com.policyconsole.adapter.out.testing.TestSecrets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mode selection from {@code policyconsole.cloud.*}: the right strategy, or a clear "not configured". */
class AuthenticationProducerTest {

    private static final WireRequest REQUEST = new WireRequest("GET", "/v1/resource-manager/policy-definitions",
            URI.create("https://rms.myhuaweicloud.com/v1/resource-manager/policy-definitions"), Map.of(), null);

    @TempDir
    Path dir;

    @Test
    void tokenModeSendsTheConfiguredToken() {
        Authentication authentication = create(TestCloudSettings.mode(AuthMode.TOKEN).with("token", TestSecrets.TOKEN));

        assertThat(authentication).isInstanceOf(TokenAuthentication.class);
        assertThat(authentication.forScope(new AuthScope.Domain(null)).headers(REQUEST))
                .containsExactly(Map.entry("X-Auth-Token", TestSecrets.TOKEN));
        assertThat(authentication.preview(REQUEST, new AuthScope.Domain(null)))
                .containsExactly(Map.entry("X-Auth-Token", "****"));
        assertThat(authentication.toString()).doesNotContain(TestSecrets.TOKEN);
    }

    @Test
    void tokenCanComeFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), TestSecrets.TOKEN + "\n");

        Authentication authentication = create(TestCloudSettings.mode(AuthMode.TOKEN).with("token-file", file.toString()));

        assertThat(authentication.forScope(new AuthScope.Domain(null)).headers(REQUEST))
                .containsEntry("X-Auth-Token", TestSecrets.TOKEN);
    }

    @Test
    void iamModeNeedsUserPasswordAndDomainName() {
        Authentication complete = create(TestCloudSettings.mode(AuthMode.IAM).with("iam.user", TestSecrets.IAM_USER)
                .with("iam.password", TestSecrets.IAM_PASSWORD).with("iam.domain-name", TestSecrets.IAM_DOMAIN));
        Authentication incomplete = create(TestCloudSettings.mode(AuthMode.IAM).with("iam.user", TestSecrets.IAM_USER));

        assertThat(complete).isInstanceOf(IamTokenAuthentication.class);
        assertThat(complete.toString()).doesNotContain(TestSecrets.IAM_PASSWORD);
        assertThat(incomplete).isInstanceOf(UnconfiguredAuthentication.class);
        assertThatThrownBy(() -> incomplete.forScope(new AuthScope.Project("p")).headers(REQUEST))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("policyconsole.cloud.iam.password")
                .hasMessageContaining("policyconsole.cloud.iam.domain-name")
                .hasMessageNotContaining("policyconsole.cloud.iam.user ");
    }

    @Test
    void akSkModeSignsAndTakesAnOptionalSecurityToken() {
        Authentication authentication = create(TestCloudSettings.mode(AuthMode.AKSK)
                .with("access-key", TestSecrets.ACCESS_KEY).with("secret-key", TestSecrets.SECRET_KEY)
                .with("security-token", TestSecrets.SECURITY_TOKEN));

        Map<String, String> headers = authentication.forScope(new AuthScope.Domain("d-1")).headers(REQUEST);

        assertThat(authentication).isInstanceOf(AkSkAuthentication.class);
        assertThat(headers).containsKeys("X-Domain-Id", "X-Sdk-Date", "Authorization", "X-Security-Token");
        assertThat(authentication.toString()).doesNotContain(TestSecrets.SECRET_KEY, TestSecrets.SECURITY_TOKEN);
    }

    @Test
    void akSkModeWithoutTheSecretKeyIsNotConfigured() {
        Authentication authentication = create(TestCloudSettings.mode(AuthMode.AKSK).with("access-key", TestSecrets.ACCESS_KEY));

        assertThat(authentication).isInstanceOf(UnconfiguredAuthentication.class);
        assertThat(authentication.preview(REQUEST, new AuthScope.Project("p-1")))
                .containsEntry("X-Project-Id", "p-1").containsEntry("Authorization", "****");
    }

    private static Authentication create(TestCloudSettings settings) {
        return AuthenticationProducer.create(settings, CloudEndpoints.of(null, null, null),
                new RestClientFactory(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new CloudCallExecutor(new RetryPolicy(1, Duration.ZERO, Duration.ZERO), d -> { }, new Random()),
                Clock.systemUTC());
    }
}
