package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.adapter.out.persistence.audit.AuditChainVerifier;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.domain.model.audit.AuditVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two consoles, each the packaged application in its own JVM on real HTTP, share one fresh PostgreSQL database. Both
 * take submissions; one is killed with {@code kill -9} while some of its deliveries hang in the sandbox. Every
 * acknowledged submission is in the history, the dead console's in-flight entries become UNKNOWN within its lease,
 * the live console's entries are never given up, and the audit records both appended are sealed into one intact
 * chain within seconds.
 */
class TwoConsolesIT {

    private static final String SERVER = System.getenv("POLICYCONSOLE_TEST_DB_URL");
    private static final String PASSWORD = "two-consoles-" + UUID.randomUUID();
    private static final Duration LEASE_TTL = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final String database = "two_consoles_" + UUID.randomUUID().toString().replace("-", "");
    private final List<Process> consoles = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws SQLException {
        assertThat(SERVER).as("POLICYCONSOLE_TEST_DB_URL (set by scripts/test.sh)").isNotBlank();
        assertThat(Files.isRegularFile(PackagedConsole.APP)).as(PackagedConsole.APP + " (built by the package phase)").isTrue();
        // owned by the owner role, which the consoles migrate as; they run as the runtime role
        TestDatabase.createDatabase(database);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process console : consoles) {
            console.destroy();
            if (!console.waitFor(20, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
        TestDatabase.dropDatabase(database);
    }

    @Test
    void aKilledConsolesInFlightEntriesBecomeUnknownAndTheLiveConsolesAreUntouched() throws Exception {
        PackagedConsole live = start("live");
        PackagedConsole doomed = start("doomed");
        live.logIn(PASSWORD);
        doomed.logIn(PASSWORD);
        doomed.failWithTimeouts(50);

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 4; i++) {
            load.submit(() -> submitWhile(running, live, acknowledged));
            load.submit(() -> submitWhile(running, doomed, acknowledged));
        }
        Thread.sleep(4_000);
        long killedInFlight = count("status = 'PENDING' AND console_instance = '" + instance(doomed) + "'");
        doomed.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(1_500);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(killedInFlight).as("deliveries of the doomed console hanging in its sandbox when it was killed")
                .isPositive();
        assertThat(acknowledged).as("submissions acknowledged by both consoles").hasSizeGreaterThan(8);
        String ids = acknowledged.stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThat(count("id IN (" + ids + ")")).as("acknowledged submissions in the history").isEqualTo(acknowledged.size());

        long deadline = System.nanoTime() + LEASE_TTL.plus(HEARTBEAT.multipliedBy(3)).toNanos();
        while (count("status = 'PENDING' AND console_instance = '" + instance(doomed) + "'") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count("status = 'PENDING' AND console_instance = '" + instance(doomed) + "'"))
                .as("the killed console's entries left PENDING after its lease expired").isZero();
        assertThat(count("status = 'UNKNOWN' AND error_code = 'CONSOLE_RESTARTED' AND console_instance = '"
                + instance(doomed) + "'")).isGreaterThanOrEqualTo(killedInFlight);
        assertThat(count("error_code = 'CONSOLE_RESTARTED' AND console_instance = '" + instance(live) + "'"))
                .as("entries of the live console given up").isZero();
        assertThat(live.get("/q/health/ready").statusCode()).isEqualTo(200);

        long sealDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        AuditVerification trail = verifyTrail();
        while (trail.unsealed() > 0 && System.nanoTime() < sealDeadline) {
            Thread.sleep(200);
            trail = verifyTrail();
        }
        assertThat(trail.findings()).as("the audit trail both consoles wrote and sealed").isEmpty();
        assertThat(trail.unsealed()).as("records left unsealed seconds after the load").isZero();
        assertThat(trail.recordsChecked()).isGreaterThanOrEqualTo(2L * acknowledged.size());
    }

    private AuditVerification verifyTrail() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "postgres", "")) {
            return new AuditChainVerifier(Clock.systemUTC()).verify(c, Optional.empty());
        }
    }

    private static void submitWhile(AtomicBoolean running, PackagedConsole console, Set<Long> acknowledged) {
        while (running.get()) {
            try {
                console.submitBlock(TestFormFactory.freshIp()).ifPresent(acknowledged::add);
            } catch (IOException e) {
                return; // the console is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private PackagedConsole start(String name) throws Exception {
        return PackagedConsole.start("two-consoles-" + name, PackagedConsole.freePort(), url(), PASSWORD, Map.of(
                "POLICYCONSOLE_CONSOLE_LEASE_TTL", LEASE_TTL.toSeconds() + "s",
                "POLICYCONSOLE_CONSOLE_LEASE_HEARTBEAT", HEARTBEAT.toSeconds() + "s",
                "POLICYCONSOLE_SANDBOX_TIMEOUT_DELAY", "120s",
                "POLICYCONSOLE_CLOUD_READ_TIMEOUT", "120s"), consoles);
    }

    /** The lease ID of a console: the consoles started one after the other, so by start order. */
    private String instance(PackagedConsole console) throws SQLException {
        List<String> leases = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT instance_id FROM console_lease ORDER BY started_at")) {
            while (rs.next()) {
                leases.add(rs.getString(1));
            }
        }
        if (leases.size() < 2) {
            // the killed console's lease row stays (it could not drop it); a clean stop would delete it
            throw new AssertionError("expected the leases of both consoles, found " + leases);
        }
        return leases.get(consoles.indexOf(console.process()));
    }

    private long count(String where) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM request_history WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String url() {
        return SERVER.replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
    }
}
