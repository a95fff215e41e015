package com.policyconsole.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC connections to the test run's PostgreSQL (scripts/test.sh) in the name of a role other than the console's:
 * its superuser — whoever holds the owner's or an administrator's credentials, and so can switch triggers off and
 * tamper — or the auditor role; and fresh databases the console's roles can migrate and run in. The cluster trusts
 * local connections, so no password is needed. Role names as scripts/db-roles.sh makes them.
 */
public final class TestDatabase {

    /** The cluster's superuser. */
    public static final String SUPERUSER = "postgres";
    /** The role that owns every object; Flyway migrates as it. */
    public static final String OWNER = role("POLICYCONSOLE_DB_OWNER_USER", "policyconsole_owner");
    /** The console's role at runtime. */
    public static final String APP = role("POLICYCONSOLE_DB_USER", "policyconsole_app");
    /** Auditors' read-only role. */
    public static final String AUDITOR = role("POLICYCONSOLE_DB_AUDITOR_USER", "policyconsole_auditor");

    private TestDatabase() {
    }

    /** The test database's JDBC URL (POLICYCONSOLE_TEST_DB_URL). */
    public static String url() {
        String url = System.getenv("POLICYCONSOLE_TEST_DB_URL");
        assertThat(url).as("POLICYCONSOLE_TEST_DB_URL (set by scripts/test.sh)").isNotBlank();
        return url;
    }

    /** The JDBC URL of another database of the test cluster. */
    public static String url(String database) {
        return url().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
    }

    /** A connection to the test database as its superuser. */
    public static Connection superuser() throws SQLException {
        return as(SUPERUSER, url());
    }

    /** A connection to the test database as the auditor role. */
    public static Connection auditor() throws SQLException {
        return as(AUDITOR, url());
    }

    /** A connection as {@code role} to the database at {@code url}. */
    public static Connection as(String role, String url) throws SQLException {
        return DriverManager.getConnection(url, role, "");
    }

    /** Runs {@code sql} on the test database as its superuser. */
    public static void asSuperuser(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Creates a fresh database of the test cluster owned by the owner role, as a console's own database is (see
     * README, "Database roles"): Flyway can migrate it as the owner, and the console run in it as the runtime role.
     */
    public static void createDatabase(String name) throws SQLException {
        asSuperuser("CREATE DATABASE " + name + " OWNER " + OWNER);
    }

    /** Drops a database made by {@link #createDatabase}, whoever is still connected to it. */
    public static void dropDatabase(String name) throws SQLException {
        asSuperuser("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static String role(String variable, String fallback) {
        String name = System.getenv(variable);
        return name == null || name.isBlank() ? fallback : name;
    }
}
