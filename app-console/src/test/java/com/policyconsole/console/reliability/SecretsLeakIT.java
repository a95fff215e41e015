package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The module's last test (failsafe runs it after its other ITs, and after surefire): no secret that any JVM of the
 * run made up or was given — the cloud token and session key of every application start, profiles' included, the
 * keys and passwords of failsafe's packaged consoles, the passwords, session cookies and CSRF tokens the tests used,
 * the constants in the tests' sources — is in any log of the run (every start's, rotated or not, and the packaged
 * consoles'), in PostgreSQL's server log, or in any database of the test cluster. {@link SecretsLeakTest} checks the
 * same within its own start, earlier, with a canary in its log; this one plants a canary in each database it reads.
 * Once the scan is clean it removes what the JVMs noted for it ({@link RunSecrets#DIRECTORY}).
 */
@Order(Integer.MAX_VALUE)
class SecretsLeakIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void noLogAndNoDatabaseOfTheWholeRunHoldsASecret() throws Exception {
        List<SecretScanner.Secret> secrets = new ArrayList<>(RunSecrets.noted());
        secrets.addAll(LeakScan.sourceSecrets());
        assertThat(secrets.stream().filter(s -> s.name().equals("policyconsole.cloud.token of an application start"))
                .map(SecretScanner.Secret::value).distinct().count())
                .as("the cloud tokens of the default start and of a profile's start are looked for")
                .isGreaterThanOrEqualTo(2);
        assertThat(secrets).extracting(SecretScanner.Secret::name)
                .contains("quarkus.http.auth.session.encryption-key of an application start")
                .contains("POLICYCONSOLE_SESSION_KEY of a packaged console")
                .anyMatch(name -> name.startsWith("cookie quarkus-credential"))
                .anyMatch(name -> name.startsWith("password of user"));
        List<Path> logs = new ArrayList<>(LeakScan.files(TARGET, "quarkus-test.log"));
        logs.addAll(LeakScan.files(TARGET, "process-"));
        assertThat(logs).as("the logs of the application starts and of the packaged consoles")
                .anyMatch(p -> p.getFileName().toString().equals("quarkus-test.log"))
                .anyMatch(p -> p.getFileName().toString().matches("quarkus-test\\.log\\.\\d+"))
                .anyMatch(p -> p.getFileName().toString().startsWith("process-"));

        SecretScanner scanner = new SecretScanner(secrets);
        List<SecretScanner.Finding> findings = new ArrayList<>();
        for (Path log : logs) {
            findings.addAll(scanner.scan(log));
        }
        Optional<Path> serverLog = LeakScan.postgresServerLog();
        if (serverLog.isPresent()) {
            findings.addAll(scanner.scan(serverLog.get()));
        }
        List<String> databases = LeakScan.databases();
        assertThat(databases).as("the databases of the test cluster").isNotEmpty();
        StringBuilder dumps = new StringBuilder();
        for (String database : databases) {
            String canary = "leak-canary-" + UUID.randomUUID();
            String dump;
            try (Connection c = TestDatabase.as(TestDatabase.SUPERUSER, TestDatabase.url(database))) {
                dump = LeakScan.dump(c, canary);
            }
            assertThat(new SecretScanner(List.of(new SecretScanner.Secret("canary", canary))).scan(database, dump))
                    .as("the canary planted in database " + database + " is found").hasSize(1);
            findings.addAll(scanner.scan("database " + database, dump));
            dumps.append(dump);
        }
        System.out.printf("SecretsLeakIT: %d secrets looked for in %d log files and %d databases%n",
                scanner.secretCount(), logs.size(), databases.size());

        assertThat(findings).as("secrets in a log of the run, PostgreSQL's log or a database").isEmpty();
        String allLogs = LeakScan.read(logs);
        List<SecretScanner.Secret> generated = LeakScan.generatedAdminPasswords(allLogs);
        if (!generated.isEmpty()) {
            SecretScanner generatedScan = new SecretScanner(generated);
            List<SecretScanner.Finding> inLogs = new ArrayList<>();
            for (Path log : logs) {
                inLogs.addAll(generatedScan.scan(log));
            }
            assertThat(inLogs).as("generated first-admin passwords in the logs")
                    .allSatisfy(f -> assertThat(f.maskedLine()).contains(LeakScan.ADMIN_BANNER_MASKED));
            assertThat(generatedScan.scan("databases", dumps.toString())).as("generated first-admin passwords")
                    .isEmpty();
        }
        RunSecrets.forget();
    }
}
