package com.policyconsole.console.adapter.in.web.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.SecondPerson;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bulk pages over HTTP against the sandbox: findings by line with nothing recorded, the plan of a pasted or
 * uploaded batch, the confirmation that starts a job, the job's progress as JSON and its page, cancel and retry.
 */
@QuarkusTest
class BulkDeliveryResourceTest {

    @Inject
    ApprovalsUseCase approvals;

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void findingsNameTheirLinesAndNothingIsRecorded() throws SQLException {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/bulk/new");
        long jobs = count("bulk_job");
        long entries = count("request_history");

        String page = TestFormFactory.bulkForm(session, "45.1.2.3\n# a comment\n1.2.3.999\nalice@example\n10.0.0.1\n")
                .when().post("/bulk/plan").then().statusCode(422).extract().asString();

        assertThat(page).contains("Line 3: ").contains("1.2.3.999").contains("Line 4: ").contains("Line 5: ")
                .contains("Nothing was sent");
        assertThat(page).as("the batch is kept to be fixed").contains("# a comment");
        assertThat(count("bulk_job")).isEqualTo(jobs);
        assertThat(count("request_history")).isEqualTo(entries);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aConfirmedPlanRunsAsAJobWhoseProgressReachesOneHundredPercent() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/bulk/new");
        String batch = TestFormFactory.freshAddresses(1_200);

        String plan = TestFormFactory.bulkForm(session, batch).when().post("/bulk/plan")
                .then().statusCode(200).extract().asString();
        assertThat(plan).contains("Plan: 3 deliveries of 1200 objects").contains("data-delivery=\"3\"")
                .contains("action_type=create");

        assertThat(plan).as("more than 1,000 objects wait for a second person").contains("id=\"approval-needed\"");
        String location = TestFormFactory.bulkForm(session, batch).when().post("/bulk/start")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/bulk/jobs/\\d+\\?notice=awaiting");
        String job = location.substring(location.indexOf("/bulk/jobs/"), location.indexOf('?'));
        SecondPerson.approveJob(approvals, accounts, Long.parseLong(job.substring("/bulk/jobs/".length())));

        JsonPath progress = awaitDone(session, job);
        assertThat(progress.getInt("percent")).isEqualTo(100);
        assertThat(progress.getInt("succeeded")).isEqualTo(3);
        assertThat(progress.getLong("objectsBlocked")).isEqualTo(1_200);
        assertThat(progress.getList("deliveries.entryId")).hasSize(3).doesNotContainNull();

        String page = session.get(job).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"job-progress\" max=\"3\" value=\"3\"").contains("/js/job-progress.js")
                .contains("FINISHED");
        assertThat(session.post(job + "/retry-failed", java.util.Map.of()).header("Location")).endsWith("notice=none-failed");
        assertThat(session.get("/bulk/jobs").then().statusCode(200).extract().asString())
                .contains("href=\"" + job + "\"").contains("3 of 3");
        assertThat(session.post(job + "/cancel", java.util.Map.of()).header("Location")).endsWith("notice=not-running");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void anUploadedCsvIsReadByItsNamedColumnAndABinaryFileIsRefused() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/bulk/new");
        String[] addresses = TestFormFactory.freshAddresses(3).split("\n");
        String csv = "host,ip,note\na," + addresses[0] + ",x\nb," + addresses[1] + ",y\nc,\"" + addresses[2] + "\",z\n";

        String plan = TestFormFactory.bulkForm(session, "")
                .multiPart("batch_file", "feed.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/bulk/plan").then().statusCode(200).extract().asString();
        assertThat(plan).contains("Plan: 1 delivery of 3 objects").contains(addresses[2])
                .contains("name=\"batch_name\" value=\"feed.csv\"");

        String refused = TestFormFactory.bulkForm(session, "")
                .multiPart("batch_file", "feed.txt", new byte[] {0x00, (byte) 0xff, 0x13, 0x37}, "application/octet-stream")
                .when().post("/bulk/plan").then().statusCode(422).extract().asString();
        assertThat(refused).contains("is not a text file").doesNotContain("name=\"batch_name\"");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aFileLargerThanAFormFieldIsKeptAsADraftAndTheConfirmationStartsExactlyIt() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/bulk/new");
        String[] addresses = TestFormFactory.freshAddresses(2_000).split("\n");
        StringBuilder csv = new StringBuilder("ip,note\n");
        for (String a : addresses) {
            csv.append(a).append(',').append("seen in the feed of the week, ".repeat(6)).append('\n');
        }
        assertThat(csv.length()).as("more than a form field holds").isGreaterThan(256 * 1024);

        String plan = TestFormFactory.bulkForm(session, "")
                .multiPart("batch_file", "feed.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/bulk/plan").then().statusCode(200).extract().asString();
        assertThat(plan).contains("Plan: 4 deliveries of 2000 objects").doesNotContain("seen in the feed");
        String draft = plan.replaceAll("(?s).*name=\"draft\" value=\"([0-9a-f-]{36})\".*", "$1");

        String location = TestFormFactory.bulkForm(session, "").multiPart("draft", draft)
                .multiPart("batch_name", "feed.csv").multiPart("acknowledge", "yes")
                .when().post("/bulk/start").then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/bulk/jobs/\\d+\\?notice=awaiting");
        String job = location.substring(location.indexOf("/bulk/jobs/"), location.indexOf('?'));
        SecondPerson.approveJob(approvals, accounts, Long.parseLong(job.substring("/bulk/jobs/".length())));
        // finished before the next test, whose sandbox faults it would otherwise draw
        assertThat(awaitDone(session, job).getInt("succeeded")).isEqualTo(4);
        String other = TestFormFactory.bulkForm(session, "").multiPart("draft", java.util.UUID.randomUUID().toString())
                .when().post("/bulk/start").then().statusCode(422).extract().asString();
        assertThat(other).as("a draft that is not kept is no batch").contains("the batch holds no object");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void anUnknownJobIsNotFound() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/bulk/new");
        session.get("/bulk/jobs/999999999").then().statusCode(404);
        session.get("/bulk/jobs/x1").then().statusCode(404);
        session.get("/bulk/jobs/999999999/progress").then().statusCode(404);
    }

    private static JsonPath awaitDone(ConsoleSession session, String job) throws InterruptedException {
        JsonPath progress = null;
        for (Instant until = Instant.now().plus(Duration.ofSeconds(30)); Instant.now().isBefore(until); ) {
            progress = session.request().accept("application/json").get(job + "/progress")
                    .then().statusCode(200).extract().jsonPath();
            if (progress.getInt("pending") == 0) {
                return progress;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not finish: " + (progress == null ? null : progress.prettify()));
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
