package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {

    private static final SecretScanner.Secret PLANTED = new SecretScanner.Secret("planted password", "pl4nted/secret=value+1");
    private static final SecretScanner.Secret OTHER = new SecretScanner.Secret("other token", "0ther-token-0123456789");

    private final SecretScanner scanner = new SecretScanner(List.of(PLANTED, OTHER));

    @Test
    void aSecretPlantedInAFileIsFoundWithItsLineAndNeverRepeated(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("console.log");
        Files.writeString(log, "2026-05-22 INFO started\n2026-05-22 WARN login of olga with pl4nted/secret=value+1 failed\n"
                + "2026-05-22 INFO done\n");

        List<SecretScanner.Finding> findings = scanner.scan(log);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.secret()).isEqualTo("planted password");
            assertThat(f.form()).isEqualTo("as is");
            assertThat(f.source()).isEqualTo(log.toString());
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.maskedLine()).isEqualTo("2026-05-22 WARN login of olga with **** failed");
            assertThat(f.toString()).doesNotContain(PLANTED.value());
        });
    }

    @Test
    void urlEncodedAndBase64FormsAreFoundToo() {
        String encoded = URLEncoder.encode(PLANTED.value(), StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(PLANTED.value().getBytes(StandardCharsets.UTF_8));

        List<SecretScanner.Finding> findings = scanner.scan("db", "j_password=" + encoded + "\nAuthorization: " + base64);

        assertThat(findings).extracting(SecretScanner.Finding::form, SecretScanner.Finding::line)
                .containsExactly(tuple("URL-encoded", 1), tuple("Base64", 2));
        assertThat(findings).allSatisfy(f -> assertThat(f.toString()).doesNotContain(encoded).doesNotContain(base64));
    }

    @Test
    void aSecretInsideALargerBase64ValueIsFoundWhereverItStarts() {
        SecretScanner scanner = new SecretScanner(List.of(PLANTED));
        for (String prefix : List.of("", "a", "ab", "abc", "user:", "session=xyz|")) {
            String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString((prefix + PLANTED.value()
                    + "|tail").getBytes(StandardCharsets.UTF_8));
            String cookie = "Cookie: c=" + Base64.getUrlEncoder().withoutPadding().encodeToString((prefix
                    + PLANTED.value() + ";x").getBytes(StandardCharsets.UTF_8));
            assertThat(scanner.scan("log", basic)).as("Basic header, prefix '%s'", prefix).isNotEmpty();
            assertThat(scanner.scan("log", cookie)).as("cookie, prefix '%s'", prefix).isNotEmpty();
        }
        assertThat(scanner.scan("log", "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "user:another-value-entirely".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void everySecretOnALineIsMaskedInTheReportAndEachIsReported() {
        List<SecretScanner.Finding> findings = scanner.scan("log", "token 0ther-token-0123456789 and pl4nted/secret=value+1");

        assertThat(findings).extracting(SecretScanner.Finding::secret).containsExactlyInAnyOrder("planted password", "other token");
        assertThat(findings).allSatisfy(f -> assertThat(f.maskedLine()).isEqualTo("token **** and ****"));
    }

    @Test
    void textWithoutTheSecretsOrWithOnlyPartOfOneHasNoFinding() {
        assertThat(scanner.scan("log", "pl4nted/secret=value and 0ther-token-012345678\n\nnothing here")).isEmpty();
    }

    @Test
    void secretsWithTheSameValueAreOneSecretUnderBothNames() {
        SecretScanner same = new SecretScanner(List.of(new SecretScanner.Secret("cloud token", "5e1f-same-value"),
                new SecretScanner.Secret("session key", "5e1f-same-value")));

        assertThat(same.secretCount()).isEqualTo(1);
        assertThat(same.scan("log", "x 5e1f-same-value")).singleElement()
                .satisfies(f -> assertThat(f.secret()).isEqualTo("cloud token = session key"));
    }

    @Test
    void aValueTooShortToScanForIsRefused() {
        assertThatThrownBy(() -> new SecretScanner.Secret("pin", "1234567"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pin");
    }

    @Test
    void aSecretsToStringNeverShowsItsValue() {
        assertThat(PLANTED.toString()).contains("planted password").doesNotContain(PLANTED.value());
    }
}
