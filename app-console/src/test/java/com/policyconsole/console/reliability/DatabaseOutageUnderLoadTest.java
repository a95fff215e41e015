package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.policyconsole.console.adapter.out.persistence.history.PostgresRequestHistory;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.TestPostgres;
import com.policyconsole.sandbox.SandboxState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The database goes away mid-use, under a submission load: every submission is either refused with "Nothing was sent"
 * or acknowledged; every policy the sandbox received has its history row; outcomes the database could not take are
 * written once it is back; and the console recovers by itself.
 */
@QuarkusTest
class DatabaseOutageUnderLoadTest {

    private static final int CALLERS = 2;
    /** Each caller pauses between submissions, so the run stays far below the workspace's policy quota. */
    private static final long PAUSE_MILLIS = 40;

    @Inject
    SandboxState sandbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PostgresRequestHistory history;

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void submissionsDuringAnOutageAreRefusedOrRecordedAndNothingReachesTheCloudUnrecorded() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        Map<String, Response> answers = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            loops.add(callers.submit(() -> {
                while (running.get()) {
                    String target = TestFormFactory.freshIp();
                    answers.put(target, TestFormFactory.blockForm(session, target).when().post("/policies/submit"));
                    Thread.sleep(PAUSE_MILLIS);
                }
                return null;
            }));
        }
        try {
            Thread.sleep(1_500);
            TestPostgres.stop();
            Thread.sleep(3_000);
            TestPostgres.start();
            Thread.sleep(4_000);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }
            callers.shutdown();
        }

        Map<Integer, Long> byStatus = answers.values().stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(byStatus.keySet()).as("statuses " + byStatus).containsOnly(303, 503);
        assertThat(byStatus.get(503)).as("submissions refused during the outage").isPositive();
        assertThat(byStatus.get(303)).as("submissions acknowledged").isGreaterThan(CALLERS);
        answers.forEach((target, answer) -> {
            if (answer.statusCode() == 503) {
                assertThat(answer.asString()).contains("Nothing was sent");
            } else {
                assertThat(answer.getHeader("Location")).matches(".*/history/\\d+(\\?outcome=[a-z]+)?");
            }
        });

        Set<String> sentToTheCloud = sandbox.policies(SandboxState.WORKSPACE_ID).stream()
                .map(p -> p.policy().blockTarget()).filter(answers::containsKey).collect(Collectors.toSet());
        Set<String> recorded = recordedTargets(answers.keySet());
        assertThat(recorded).as("every policy the cloud received has its history row").containsAll(sentToTheCloud);
        answers.forEach((target, answer) -> {
            if (answer.statusCode() == 503) {
                assertThat(sentToTheCloud).as("refused " + target + " reached the cloud").doesNotContain(target);
            }
        });

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((history.lateOutcomeCount() > 0 || pending(answers.keySet()) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(history.lateOutcomeCount()).as("outcomes still waiting for the database").isZero();
        assertThat(pending(answers.keySet())).as("entries left PENDING").isZero();

        String target = TestFormFactory.freshIp();
        TestFormFactory.blockForm(session, target).when().post("/policies/submit").then().statusCode(303);
    }

    @Test
    @TestSecurity(user = "olga", roles = "operator")
    void anOutcomeTheDatabaseRefusesIsWrittenWhenItTakesItAgain() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        String target = TestFormFactory.freshIp();
        sql("ALTER TABLE request_history ADD CONSTRAINT refuse_outcomes CHECK (status = 'PENDING') NOT VALID");
        String location;
        try {
            location = TestFormFactory.blockForm(session, target).when().post("/policies/submit")
                    .then().statusCode(303).extract().header("Location");
            assertThat(location).endsWith("?outcome=succeeded");
            io.restassured.RestAssured.given().when().get(location).then().statusCode(200)
                    .body(containsString("the console writes it as soon as the database is back"));
            assertThat(history.lateOutcomeCount()).isPositive();
        } finally {
            sql("ALTER TABLE request_history DROP CONSTRAINT refuse_outcomes");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pending(Set.of(target)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(pending(Set.of(target))).as("the late outcome was written").isZero();
        assertThat(recordedStatus(target)).isEqualTo("SUCCEEDED");
    }

    private Set<String> recordedTargets(Set<String> targets) throws SQLException {
        return query("SELECT t.target FROM request_target t WHERE t.target = ANY (?)", targets).stream()
                .collect(Collectors.toSet());
    }

    private long pending(Set<String> targets) throws SQLException {
        return query("SELECT h.id::text FROM request_history h JOIN request_target t ON t.entry_id = h.id"
                + " WHERE h.status = 'PENDING' AND t.target = ANY (?)", targets).size();
    }

    private String recordedStatus(String target) throws SQLException {
        return query("SELECT h.status FROM request_history h JOIN request_target t ON t.entry_id = h.id"
                + " WHERE t.target = ANY (?)", Set.of(target)).get(0);
    }

    private List<String> query(String sql, Set<String> targets) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", targets.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    /** Alters the table as its owner would (the superuser here): the console's own role may not. */
    private void sql(String statement) throws SQLException {
        TestDatabase.asSuperuser(statement);
    }
}
