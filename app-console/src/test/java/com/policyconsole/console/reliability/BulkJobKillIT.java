package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.console.testing.TestFormFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A console running a bulk job of 10,000 objects is killed with {@code kill -9} mid-job and started again on the same
 * database: the job finishes, every delivery is in the history, and the cloud holds every object exactly once. The
 * cloud is a second packaged console's sandbox (with its own database), so that it outlives the killed console.
 */
class BulkJobKillIT {

    private static final String SERVER = System.getenv("POLICYCONSOLE_TEST_DB_URL");
    private static final String PASSWORD = "bulk-kill-" + UUID.randomUUID();
    private static final String TOKEN = "bulk-kill-cloud-" + UUID.randomUUID();
    private static final int OBJECTS = 10_000;

    private final String database = "bulk_kill_" + UUID.randomUUID().toString().replace("-", "");
    private final String cloudDatabase = "bulk_cloud_" + UUID.randomUUID().toString().replace("-", "");
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void createDatabases() throws SQLException {
        assertThat(SERVER).as("POLICYCONSOLE_TEST_DB_URL (set by scripts/test.sh)").isNotBlank();
        assertThat(Files.isRegularFile(PackagedConsole.APP)).as(PackagedConsole.APP + " (built by the package phase)")
                .isTrue();
        // owned by the owner role, which the consoles migrate as; they run as the runtime role
        TestDatabase.createDatabase(database);
        TestDatabase.createDatabase(cloudDatabase);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        TestDatabase.dropDatabase(database);
        TestDatabase.dropDatabase(cloudDatabase);
    }

    @Test
    void aJobWhoseConsoleIsKilledFinishesAfterARestartWithNoObjectSentTwice() throws Exception {
        PackagedConsole cloud = PackagedConsole.start("bulk-kill-cloud", PackagedConsole.freePort(), url(cloudDatabase),
                PASSWORD, Map.of("POLICYCONSOLE_CLOUD_TOKEN", TOKEN, "POLICYCONSOLE_SANDBOX_DELIVERY_TIME", "1500ms"),
                processes);
        Map<String, String> worker = new HashMap<>();
        worker.put("QUARKUS_REST_CLIENT_SECMASTER_URL", cloud.base() + "/sandbox/secmaster");
        worker.put("POLICYCONSOLE_CLOUD_TOKEN", TOKEN);
        // the job runs at once: its 10,000 objects would otherwise wait for a second person (FourEyesDefaultsTest)
        worker.put("POLICYCONSOLE_APPROVAL_LARGEST_BULK_JOB", Integer.toString(OBJECTS));
        worker.put("POLICYCONSOLE_CONSOLE_LEASE_TTL", "3s");
        worker.put("POLICYCONSOLE_CONSOLE_LEASE_HEARTBEAT", "1s");
        PackagedConsole first = PackagedConsole.start("bulk-kill-worker", PackagedConsole.freePort(), url(database),
                PASSWORD, worker, processes);
        first.logIn(PASSWORD);
        List<String> batch = Arrays.asList(TestFormFactory.freshAddresses(OBJECTS).split("\n"));
        long jobId = first.startBulk(String.join("\n", batch));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("bulk_delivery WHERE job_id = " + jobId + " AND state IN ('DELIVERING', 'SUCCEEDED')") < 3
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long waitingAtKill = count("bulk_delivery WHERE job_id = " + jobId + " AND state = 'WAITING'");
        first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(waitingAtKill).as("deliveries not yet sent when the console was killed").isPositive();

        PackagedConsole second = PackagedConsole.start("bulk-kill-worker-again", PackagedConsole.freePort(),
                url(database), PASSWORD, worker, processes);
        deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (count("bulk_job WHERE id = " + jobId + " AND status = 'FINISHED'") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(second.get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(count("bulk_job WHERE id = " + jobId + " AND status = 'FINISHED'")).as("the job finished").isOne();
        assertThat(count("bulk_delivery WHERE job_id = " + jobId)).isEqualTo(20);
        assertThat(count("bulk_delivery WHERE job_id = " + jobId + " AND state = 'SUCCEEDED'")).isEqualTo(20);
        assertThat(count("bulk_delivery d JOIN request_history h ON h.id = d.entry_id WHERE d.job_id = " + jobId))
                .as("every delivery is in the history").isEqualTo(20);
        assertThat(count("(SELECT DISTINCT t.target FROM bulk_delivery d JOIN request_target t ON t.entry_id = d.entry_id"
                + " WHERE d.job_id = " + jobId + ") objects")).isEqualTo(OBJECTS);

        Map<String, Integer> sent = objectsInTheCloud(cloud);
        assertThat(sent).as("objects the cloud holds").hasSize(OBJECTS).containsOnlyKeys(batch);
        assertThat(sent.values()).as("policies holding each object").containsOnly(1);
    }

    /** How many of the cloud's policies hold each object. */
    private static Map<String, Integer> objectsInTheCloud(PackagedConsole cloud) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloud.base()
                        + "/sandbox/secmaster/v1/3bb27e024693436da46b5f5aaf499060/workspaces/sandbox-workspace"
                        + "/soc/policys/search"))
                .header("Content-Type", "application/json;charset=UTF-8").header("X-Auth-Token", TOKEN)
                .header("x-secmaster-version", "25.5.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"limit\":1000,\"offset\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Integer> objects = new HashMap<>();
        for (JsonNode item : new ObjectMapper().readTree(answer.body()).path("data")) {
            for (String target : item.path("data_object").path("block_target").asText().split(",")) {
                objects.merge(target, 1, Integer::sum);
            }
        }
        return objects;
    }

    private long count(String from) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String url(String name) {
        return SERVER.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }
}
