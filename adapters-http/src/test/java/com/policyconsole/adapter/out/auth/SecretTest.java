package com.policyconsole.adapter.out.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.AuthenticationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @TempDir
    Path dir;

    @Test
    void aValueWinsOverAFileAndBlankCountsAsUnset() {
        assertThat(Secret.from("k", Optional.of("value-1234"), Optional.of("/nonexistent")).orElseThrow().reveal())
                .isEqualTo("value-1234");
        assertThat(Secret.from("k", Optional.of("  "), Optional.empty())).isEmpty();
        assertThat(Secret.from("k", Optional.empty(), Optional.of(""))).isEmpty();
    }

    @Test
    void aFileIsReadWithoutItsTrailingNewlineAndReReadWhenItChanges() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "first-secret-value\n");
        Secret secret = Secret.from("policyconsole.cloud.token", Optional.empty(), Optional.of(file.toString())).orElseThrow();

        assertThat(secret.reveal()).isEqualTo("first-secret-value");

        Files.writeString(file, "second-secret-value\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(secret.reveal()).isEqualTo("second-secret-value");
        assertThat(Redactor.redact("x second-secret-value y")).isEqualTo("x **** y");
    }

    @Test
    void anUnreadableOrEmptyFileIsAnAuthenticationFailureNamingTheKeyOnly() throws IOException {
        Secret missing = Secret.ofFile("policyconsole.cloud.secret-key", dir.resolve("absent"));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(missing::reveal).isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("policyconsole.cloud.secret-key-file");
        assertThatThrownBy(Secret.ofFile("k", empty)::reveal).isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aSecretInUseStaysMaskedHoweverManyOtherValuesWereRemembered() {
        Secret secret = Secret.ofValue("policyconsole.cloud.secret-key", "long-lived-secret-key-value");
        for (int i = 0; i < 1_000; i++) {
            Redactor.remember("other-value-" + i);
        }

        secret.reveal();

        assertThat(Redactor.redact("echo long-lived-secret-key-value")).isEqualTo("echo ****");
    }

    @Test
    void toStringNeverShowsTheValue() {
        assertThat(Secret.ofValue("policyconsole.cloud.token", "visible-if-broken")).hasToString("policyconsole.cloud.token=****");
        assertThat(Secret.ofFile("policyconsole.cloud.token", Path.of("/run/secrets/token")))
                .hasToString("policyconsole.cloud.token-file=/run/secrets/token");
    }
}
