package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.console.config.ConsoleSettings;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every other test of its application start — it is ordered last among them
 * ({@link OrderAnnotationThenClassName}) — neither the test database nor the console's log holds a secret: the cloud token (made up at each start) and
 * the session key, the sandbox keys and tokens the tests use, the first admin's password, every password the tests
 * gave a user or typed at the login form, and the session cookies and CSRF tokens this package's sessions saw.
 *
 * <p>The database is read whole: every row of every table, as text. The log is the file every log line of the run
 * goes to ({@code %test.quarkus.log.file.*}, started afresh at each application start), and PostgreSQL's own server
 * log when the cluster's folder is known ({@code POLICYCONSOLE_TEST_PG_DIR}). A password the console generates for
 * the first admin is logged once by design; it may appear on that one line and nowhere else.
 *
 * <p>That the scan can fail is shown twice: {@link SecretScannerTest} plants secrets in a file and a text, and this
 * test writes a canary value to the log and to a table of its own and finds both with the same scan. What runs after
 * it — other profiles' starts, plain tests, failsafe's packaged consoles — {@link SecretsLeakIT} scans at the very end.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class SecretsLeakTest {

    /** Constants of other tests that the source scan must find, read here by reflection. */
    private static final Map<String, String> KNOWN_CONSTANTS = Map.of(
            "com.policyconsole.console.testing.TestUserFactory", "PASSWORD",
            "com.policyconsole.console.browser.ConsoleJourneyBrowserTest", "PASSWORD",
            "com.policyconsole.console.config.FirstAdminTest", "SUPPLIED",
            "com.policyconsole.console.sandbox.SandboxCredentialCheckTest", "SK");
    private static final String CREATE_LINE = "cloud call POST " + SecMasterEmergencyPolicyGateway.POLICIES_PATH
            + "?action_type=create status=200";
    private static final Logger LOG = Logger.getLogger(SecretsLeakTest.class);

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    CloudSettings cloud;

    @Inject
    ConsoleSettings console;

    @Test
    void neitherTheDatabaseNorTheLogOfTheWholeRunHoldsASecret() throws Exception {
        String target = submitAPolicyAsANewOperator();
        String canary = "leak-canary-" + UUID.randomUUID();
        LOG.infof("SecretsLeakTest writes a canary to the log on purpose: %s", canary);

        Path logFile = logFile();
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(log).as("the run's log %s", logFile).isNotBlank()
                .contains("Profile test activated")
                .as("the log holds this test's submission").contains(CREATE_LINE)
                .as("the log is the live file").contains("SecretsLeakTest writes a canary")
                .as("no session key is made and logged by Quarkus").doesNotContain("temporary key");
        String dump = dumpDatabase(canary);
        assertThat(dump).as("the dump holds this test's submission").contains(target);

        SecretScanner canaryScan = new SecretScanner(List.of(new SecretScanner.Secret("canary", canary)));
        assertThat(canaryScan.scan(logFile)).as("the canary logged on purpose is found").hasSize(1);
        assertThat(canaryScan.scan("database", dump)).as("the canary stored on purpose is found").hasSize(1);

        List<SecretScanner.Secret> secrets = secrets();
        assertThat(secrets).extracting(SecretScanner.Secret::name)
                .contains("policyconsole.cloud.token")
                .as("the session key the console made itself (the tests set none) is scanned for")
                .contains("quarkus.http.auth.session.encryption-key")
                .anyMatch(name -> name.startsWith("cookie quarkus-credential"))
                .anyMatch(name -> name.startsWith("CSRF token"))
                .anyMatch(name -> name.startsWith("password of user"));
        assertThat(secrets).extracting(SecretScanner.Secret::value).as("constants of other tests found in the sources")
                .containsAll(knownConstants());
        SecretScanner scanner = new SecretScanner(secrets);
        LOG.infof("SecretsLeakTest scans %d database rows and %d log lines for %d secrets",
                dump.lines().count(), log.lines().count(), scanner.secretCount());

        List<SecretScanner.Finding> findings = new ArrayList<>(scanner.scan("database", dump));
        for (Path file : LeakScan.files(logFile.toAbsolutePath().getParent(), logFile.getFileName().toString())) {
            findings.addAll(scanner.scan(file));
        }
        Optional<Path> serverLog = LeakScan.postgresServerLog();
        if (serverLog.isPresent()) {
            findings.addAll(scanner.scan(serverLog.get()));
        }
        assertThat(findings).as("secrets in the database, the console's log or PostgreSQL's log").isEmpty();

        // A generated first-admin password is logged once by design: on its banner line, nowhere else.
        List<Path> logFiles = LeakScan.files(logFile.toAbsolutePath().getParent(), logFile.getFileName().toString());
        StringBuilder allLogs = new StringBuilder();
        for (Path file : logFiles) {
            allLogs.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        List<SecretScanner.Secret> generated = LeakScan.generatedAdminPasswords(allLogs.toString());
        if (!generated.isEmpty()) {
            SecretScanner generatedScan = new SecretScanner(generated);
            List<SecretScanner.Finding> inLogs = new ArrayList<>();
            for (Path file : logFiles) {
                inLogs.addAll(generatedScan.scan(file));
            }
            assertThat(inLogs).as("generated first-admin passwords in the log")
                    .allSatisfy(f -> assertThat(f.maskedLine()).contains(LeakScan.ADMIN_BANNER_MASKED));
            assertThat(generatedScan.scan("database", dump)).as("generated first-admin passwords in the database")
                    .isEmpty();
        }
    }

    /** Logs in as a new operator and blocks an address through the form, so the run has a known submission. */
    private String submitAPolicyAsANewOperator() {
        String name = "leak-scan-" + UUID.randomUUID().toString().substring(0, 8);
        String password = RunSecrets.newPassword();
        assertThat(accounts.create(name, name, password, List.of(Roles.OPERATOR))).isInstanceOf(AccountResult.Done.class);
        ConsoleSession session = ConsoleSession.logIn(name, password, RunSecrets::remember);
        assertThat(session.get("/policies/new").statusCode()).isEqualTo(200);
        String target = "95." + ThreadLocalRandom.current().nextInt(1, 255) + ".7.9";
        Map<String, String> form = TestSubmissionFactory.blockForm(cloud, console, target);
        form.put("acknowledge", "yes");
        Response sent = session.post("/policies/submit", form);
        assertThat(sent.statusCode()).as("submission: %s", sent.asString()).isEqualTo(303);
        assertThat(session.get(java.net.URI.create(sent.header("Location")).getPath()).asString()).contains("SUCCEEDED");
        return target;
    }

    /** Every secret to look for: configured ones, those in the tests' sources, and those this run made up. */
    private static List<SecretScanner.Secret> secrets() {
        List<SecretScanner.Secret> out = new ArrayList<>();
        Config config = ConfigProvider.getConfig();
        for (String key : LeakScan.SECRET_KEYS) {
            config.getOptionalValue(key, String.class).filter(v -> v.length() >= SecretScanner.MIN_LENGTH)
                    .ifPresent(value -> out.add(new SecretScanner.Secret(key, value)));
        }
        out.addAll(LeakScan.sourceSecrets());
        out.addAll(RunSecrets.all());
        return out;
    }

    private static List<String> knownConstants() throws ReflectiveOperationException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> constant : KNOWN_CONSTANTS.entrySet()) {
            Field field = Class.forName(constant.getKey()).getDeclaredField(constant.getValue());
            field.setAccessible(true);
            out.add((String) field.get(null));
        }
        return out;
    }


    private static Path logFile() {
        Path file = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
        assertThat(file).as("the log file of the run (%%test.quarkus.log.file.path)").isRegularFile();
        return file;
    }



    /** Every row of every table of the test database as text, read as the superuser (whoever may read it). */
    private String dumpDatabase(String canary) throws SQLException {
        try (Connection connection = TestDatabase.superuser()) {
            String dump = LeakScan.dump(connection, canary);
            assertThat(dump).as("tables read").contains("public.request_history: ").contains("public.console_user: ");
            return dump;
        }
    }
}
