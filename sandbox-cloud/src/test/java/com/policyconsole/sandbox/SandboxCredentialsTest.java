package com.policyconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credentials holder and the check's parsing, without the application. */
class SandboxCredentialsTest {

    private static SandboxCredentials of(String ak, String sk, String token) {
        return new SandboxCredentials(Optional.ofNullable(ak), Optional.ofNullable(sk), Optional.ofNullable(token));
    }

    @Test
    void nothingConfiguredChecksNothing() {
        SandboxCredentials.Current current = of(null, null, null).current();
        assertThat(current.anyConfigured()).isFalse();
        assertThat(current.keys()).isEmpty();
        assertThat(current.tokenConfigured()).isFalse();
        assertThat(current.tokenMatches("anything")).isFalse();
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(of(" ", "", " ").current().anyConfigured()).isFalse();
    }

    @Test
    void theKeysMustBeSetTogether() {
        assertThatThrownBy(() -> of("AK", null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policyconsole.sandbox.access-key")
                .hasMessageContaining("policyconsole.sandbox.secret-key");
        assertThatThrownBy(() -> of(null, "SK", null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runtimeChangesAreUndoneByResetAndClear() {
        SandboxCredentials credentials = of("AK", "SK", "configured-token");
        credentials.configure("OTHER", "OTHER-SK");
        credentials.configureToken("runtime-token");
        assertThat(credentials.current().keys()).hasValueSatisfying(k -> assertThat(k.accessKey()).isEqualTo("OTHER"));
        assertThat(credentials.current().tokenMatches("runtime-token")).isTrue();
        assertThat(credentials.current().tokenMatches("configured-token")).isFalse();

        credentials.clear();
        assertThat(credentials.current().anyConfigured()).isFalse();

        credentials.reset();
        assertThat(credentials.current().keys()).hasValueSatisfying(k -> assertThat(k.accessKey()).isEqualTo("AK"));
        assertThat(credentials.current().tokenMatches("configured-token")).isTrue();
        assertThat(credentials.current().tokenMatches("configured-token ")).isFalse();
        assertThat(credentials.current().tokenMatches(null)).isFalse();
    }

    @Test
    void toStringShowsTheAccessKeyOnly() {
        String shown = of("THE-AK", "THE-SECRET-KEY", "THE-TOKEN").current().toString();
        assertThat(shown).contains("THE-AK").doesNotContain("THE-SECRET-KEY").doesNotContain("THE-TOKEN");
    }

    @Test
    void theAuthorizationValueIsParsedStrictly() {
        assertThat(SandboxCredentialCheck.parseAuthorization(
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc"))
                .isEqualTo(Map.of("Access", "AK", "SignedHeaders", "host;x-sdk-date", "Signature", "abc"));
        assertThat(SandboxCredentialCheck.parseAuthorization(
                "SDK-HMAC-SHA256 Access=AK, Access=BK, SignedHeaders=host, Signature=abc")).isEmpty();
        assertThat(SandboxCredentialCheck.parseAuthorization("SDK-HMAC-SHA256 Access=AK, Other=x")).isEmpty();
        assertThat(SandboxCredentialCheck.parseAuthorization("SDK-HMAC-SHA256 garbage")).isEmpty();
    }

    @Test
    void onlyTheExactSdkDateFormIsAccepted() {
        assertThat(SandboxCredentialCheck.parseSdkDate("20191115T033655Z"))
                .isEqualTo(Instant.parse("2019-11-15T03:36:55Z"));
        assertThat(SandboxCredentialCheck.parseSdkDate("20191115T033655")).isNull();
        assertThat(SandboxCredentialCheck.parseSdkDate("2019-11-15T03:36:55Z")).isNull();
        assertThat(SandboxCredentialCheck.parseSdkDate("20191131T033655Z")).isNull();
        assertThat(SandboxCredentialCheck.parseSdkDate("20191115T253655Z")).isNull();
    }
}
