package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@link SecretsLeakTest} and {@link SecretsLeakIT} look for and where: the secrets (configuration keys that
 * hold them, constants in the tests' sources, what the run made up), the log files of the run, PostgreSQL's server
 * log, and every row of a database as text.
 */
final class LeakScan {

    /** Configuration keys whose values are secrets, if set. */
    static final List<String> SECRET_KEYS = List.of(
            "policyconsole.cloud.token", "policyconsole.cloud.secret-key", "policyconsole.cloud.security-token",
            "policyconsole.cloud.iam.password", "policyconsole.sandbox.token", "policyconsole.sandbox.secret-key",
            "policyconsole.security.admin-password", "quarkus.http.auth.session.encryption-key",
            "quarkus.datasource.password", "quarkus.flyway.password", "quarkus.rest-csrf.token-signature-key");
    /** The banner of a first-admin password the console generated: logged once by design, on that line only. */
    static final Pattern GENERATED_ADMIN_PASSWORD = Pattern.compile("log in as admin with password (\\S+)");
    static final String ADMIN_BANNER_MASKED = "log in as admin with password ****";

    private LeakScan() {
    }

    /** The secrets in the tests' sources. */
    static List<SecretScanner.Secret> sourceSecrets() {
        return TestSourceSecrets.find(Path.of("src", "test", "java"));
    }

    /** Passwords the console generated for a first admin and logged once, by design. */
    static List<SecretScanner.Secret> generatedAdminPasswords(String log) {
        return GENERATED_ADMIN_PASSWORD.matcher(log).results().map(m -> m.group(1)).distinct()
                .map(value -> new SecretScanner.Secret("generated first-admin password", value)).toList();
    }

    /** The files whose name starts with {@code prefix} in {@code dir}: a log and the ones rotated away. */
    static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir.toAbsolutePath())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    static String read(List<Path> files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    /** PostgreSQL's server log when the cluster's folder is known ({@code POLICYCONSOLE_TEST_PG_DIR}). */
    static Optional<Path> postgresServerLog() {
        String dir = System.getenv("POLICYCONSOLE_TEST_PG_DIR");
        return dir == null || dir.isBlank() ? Optional.empty()
                : Optional.of(Path.of(dir, "server.log")).filter(Files::isReadable);
    }

    /** The databases of the test cluster, but its templates. */
    static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestDatabase.superuser(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * Every row of every table of {@code connection}'s database as text, one line each, read in a transaction that
     * also holds a temporary table with {@code canary} in it; the transaction is rolled back, so the canary never
     * stays.
     */
    static String dump(Connection connection, String canary) throws SQLException {
        StringBuilder out = new StringBuilder();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE leak_canary (planted text) ON COMMIT DROP");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leak_canary VALUES (?)")) {
                insert.setString(1, canary);
                insert.executeUpdate();
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT quote_ident(table_schema) || '.' || "
                    + "quote_ident(table_name) FROM information_schema.tables WHERE table_type IN ('BASE TABLE', "
                    + "'LOCAL TEMPORARY') AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("tables read").anyMatch(t -> t.endsWith(".leak_canary"));
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        out.append(table).append(": ").append(rows.getString(1)).append('\n');
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return out.toString();
    }
}
