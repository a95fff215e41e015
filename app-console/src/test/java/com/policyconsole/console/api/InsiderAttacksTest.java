package com.policyconsole.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The insider attacks on four-eyes, written as the issue describes them, on real PostgreSQL over real HTTP: an
 * operator alone whitelisting all of IPv4 through a bulk job; a held job emptied by "cancel"; an admin approving
 * their own request in another user's name (a token made for them, or a password the admin set); token acts that
 * left no record. Each must be refused, and refused visibly.
 */
@QuarkusTest
class InsiderAttacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxState sandbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BulkJobStore jobs;

    @Inject
    WebSettings settings;

    @Test
    void anOperatorAloneCannotWhitelistAllOfIpv4ThroughABulkJob() throws Exception {
        TestUser operator = TestUserFactory.create(accounts, "ia-olga", Roles.OPERATOR);
        String token = ApiTest.token(operator, "bulk-bot", Roles.OPERATOR);
        ObjectNode body = ApiTest.bulkBody(operator, "203.0.113.9", List.of("0.0.0.0/1", "128.0.0.0/1"));
        ((ObjectNode) body.get("data_object")).put("policy_category", "WHITE");

        Response started = ApiTest.api(token).body(body.toString()).post("/api/v1/bulk-jobs");

        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        JsonNode answer = JSON.readTree(started.asString());
        assertThat(answer.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(answer.get("reasons").toString()).contains("0.0.0.0/1").contains("128.0.0.0/1");
        assertThat(sandboxHolds("0.0.0.0/1")).as("nothing sent").isFalse();

        long job = answer.get("job_id").asLong();
        Response cancel = ApiTest.api(token).post("/api/v1/bulk-jobs/" + job + "/cancel");
        assertThat(cancel.statusCode()).as("a held job is not emptied by cancel").isEqualTo(409);
        JsonNode after = JSON.readTree(ApiTest.api(token).get("/api/v1/bulk-jobs/" + job).asString());
        assertThat(after.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(after.get("cancelled").asInt()).as("its deliveries still wait for the decision").isZero();

        Response withdrawn = ApiTest.api(token).post("/api/v1/bulk-jobs/" + job + "/withdraw");
        assertThat(withdrawn.statusCode()).as("its requester may withdraw it: " + withdrawn.asString()).isEqualTo(200);
        assertThat(acts("JOB_WITHDRAWN", Long.toString(job))).containsExactly(operator.name() + " (token bulk-bot)");
        assertThat(JSON.readTree(ApiTest.api(token).get("/api/v1/bulk-jobs/" + job).asString()).get("status")
                .asText()).isEqualTo("REJECTED");
    }

    @Test
    void cancellingARunningJobIsAnActOfTheClickerInTheAuditChain() throws Exception {
        TestUser creator = TestUserFactory.create(accounts, "ia-cleo", Roles.OPERATOR);
        TestUser clicker = TestUserFactory.create(accounts, "ia-carl", Roles.OPERATOR);
        String ip = com.policyconsole.console.testing.TestFormFactory.freshIp();
        EmergencyPolicyRequest template = WireBodies.create(new WireBodies.Target(new SecMasterWorkspace(
                settings.projectId(), SandboxState.WORKSPACE_ID), "25.5.0"),
                JSON.readTree(ApiTest.body(ApiTest.dataObject(creator, ip), false)).get("data_object"),
                settings.knownConnections()).request();
        BlockTarget target = ((BlockTargetParser.Result.Parsed) BlockTargetParser.parse(BlockType.SOURCE_IP, ip))
                .target();
        // a running job whose delivery is due only in an hour: it runs until cancelled
        long job = jobs.create(creator.name(), Instant.now().plus(Duration.ofHours(1)), template,
                List.of(new PlannedDelivery(1, List.of(new BatchObject(1, target)), Duration.ZERO)));
        String token = ApiTest.token(clicker, "ops", Roles.OPERATOR);

        Response cancel = ApiTest.api(token).post("/api/v1/bulk-jobs/" + job + "/cancel");

        assertThat(cancel.statusCode()).as(cancel.asString()).isEqualTo(200);
        assertThat(acts("JOB_CANCELLED", Long.toString(job))).containsExactly(clicker.name() + " (token ops)");
        assertThat(ApiTest.api(token).post("/api/v1/bulk-jobs/" + job + "/cancel").statusCode())
                .as("a second cancel changes nothing and records nothing").isEqualTo(409);
        assertThat(acts("JOB_CANCELLED", Long.toString(job))).hasSize(1);
    }

    @Test
    void anAdminCannotApproveTheirOwnRequestThroughAnApproverTheyMadeOrWhosePasswordTheySet() throws Exception {
        TestUser admin = TestUserFactory.create(accounts, "ia-adam", Roles.OPERATOR, Roles.ADMIN);
        String adminToken = ApiTest.token(admin, "admin-bot", Roles.OPERATOR);
        String range = "50.0.0.0/7";
        Response held = ApiTest.api(adminToken).body(ApiTest.body(ApiTest.dataObject(admin, range), true))
                .post("/api/v1/emergency-policies");
        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        long entry = JSON.readTree(held.asString()).get("entry_id").asLong();

        // the admin makes an approver "bob" with a password of the admin's choosing
        ConsoleSession adminPages = ConsoleSession.logIn(admin.name(), admin.password());
        String bob = TestUserFactory.uniqueName("ia-bob");
        String adminsChoice = "chosen-by-the-admin-1";
        adminPages.get("/admin/users");
        adminPages.form().formParam("username", bob).formParam("password", adminsChoice)
                .formParam("role", Roles.APPROVER).post("/admin/users").then().statusCode(303);

        // a token for bob cannot be made by the admin: the form makes tokens for the one logged in only
        adminPages.get("/account/tokens");
        String made = adminPages.form().formParam("username", bob).formParam("name", "for-bob")
                .formParam("role", Roles.OPERATOR).formParam("expires_in_days", "1")
                .formParam("password", admin.password()).post("/account/tokens").asString();
        assertThat(made).doesNotContain("<td>" + bob + "</td>");

        // logged in as bob with the admin's password, every page leads to setting bob's own password first
        ConsoleSession asBob = ConsoleSession.logIn(bob, adminsChoice);
        assertThat(asBob.get("/account").asString()).contains("id=\"must-change\"");
        Response approvals = asBob.request().redirects().follow(false).get("/approvals/" + entry);
        assertThat(approvals.statusCode()).isEqualTo(303);
        assertThat(approvals.header("Location")).endsWith("/account");
        assertThat(asBob.post("/approvals/" + entry + "/approve", Map.of("reason", "fine")).statusCode())
                .as("no approval before bob's own password").isEqualTo(303);

        // the admin, knowing the password, sets "bob's own" — the approval still does not count within the window
        asBob.get("/account");
        assertThat(asBob.post("/account/password", Map.of("current_password", adminsChoice,
                "password", "bobs-own-now-2", "password_again", "bobs-own-now-2")).statusCode()).isEqualTo(303);
        Response refused = asBob.post("/approvals/" + entry + "/approve", Map.of("reason", "fine"));
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
        assertThat(refused.asString()).contains("within the approval validity");
        assertThat(JSON.readTree(ApiTest.api(adminToken).get("/api/v1/history/" + entry).asString())
                .at("/entry/status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(sandboxHolds(range)).isFalse();
        assertThat(accountChangedBy(bob)).as("the chain says who set bob's password")
                .anyMatch(record -> record.contains("\"changed_by\": \"" + admin.name() + "\""));

        TestUser other = TestUserFactory.create(accounts, "ia-otto", Roles.OPERATOR);
        assertThat(ApiTest.api(ApiTest.token(other, "ops", Roles.OPERATOR)).post("/api/v1/approvals/" + entry
                + "/withdraw").statusCode()).as("only its requester withdraws it").isEqualTo(403);
        Response withdrawn = ApiTest.api(adminToken).post("/api/v1/approvals/" + entry + "/withdraw");
        assertThat(withdrawn.statusCode()).as(withdrawn.asString()).isEqualTo(200);
        assertThat(JSON.readTree(ApiTest.api(adminToken).get("/api/v1/history/" + entry).asString())
                .at("/entry/status").asText()).isEqualTo("REJECTED");

    }

    @Test
    void anApprovedAllowIsNeitherMadePermanentNorRemovedByOnePerson() throws Exception {
        TestUser operator = TestUserFactory.create(accounts, "ia-omar", Roles.OPERATOR);
        TestUser approver = TestUserFactory.create(accounts, "ia-pia", Roles.APPROVER);
        String token = ApiTest.token(operator, "ops", Roles.OPERATOR);
        String approverToken = ApiTest.token(approver, "approvals", Roles.APPROVER);
        String ip = com.policyconsole.console.testing.TestFormFactory.freshIp();
        BlockAge inADay = BlockAge.until(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        // an allow approved earlier, ageing out in a day
        sandbox.create(SandboxState.WORKSPACE_ID, EmergencyPolicy.builder().policyCategory("WHITE")
                .policyType("Source Ip").targets(List.of(ip)).blockAge(inADay).defensePolicyList(List.of(
                        new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW", null, null, "CFW", null,
                                null, null, null))).build());
        String policyId = sandbox.policies(SandboxState.WORKSPACE_ID).stream().filter(p -> p.policy().targets().contains(ip))
                .findFirst().orElseThrow().id();

        Response preview = ApiTest.api(token).body("{\"policy_id\": \"" + policyId + "\", \"ageing\": \"\"}")
                .post("/api/v1/blocks/ageing/preview");
        assertThat(preview.asString()).as("the preview says so").contains("permanent (its ageing removed)");
        Response permanent = ApiTest.api(token).body("{\"policy_id\": \"" + policyId + "\", \"ageing\": \"\","
                + " \"acknowledge_warnings\": true}").post("/api/v1/blocks/ageing");
        assertThat(permanent.statusCode()).as(permanent.asString()).isEqualTo(202);
        assertThat(permanent.asString()).contains("making the WHITE (allow) policy " + policyId + " permanent");
        Response later = ApiTest.api(token).body("{\"policy_id\": \"" + policyId + "\", \"ageing\": \"30d\","
                + " \"acknowledge_warnings\": true}").post("/api/v1/blocks/ageing");
        assertThat(later.statusCode()).as(later.asString()).isEqualTo(202);
        Response removal = ApiTest.api(token).body("{\"policy_ids\": [\"" + policyId + "\"],"
                + " \"acknowledge_warnings\": true}").post("/api/v1/blocks/remove");
        assertThat(removal.statusCode()).as(removal.asString()).isEqualTo(202);
        assertThat(removal.asString()).contains("removing the WHITE (allow) policy " + policyId);
        assertThat(sandbox.policy(SandboxState.WORKSPACE_ID, policyId).orElseThrow().policy().blockAge())
                .as("nothing sent").isEqualTo(inADay);
        String listed = ApiTest.api(approverToken).get("/api/v1/approvals").then().statusCode(200).extract().asString();
        long removalEntry = JSON.readTree(removal.asString()).get("entry_id").asLong();
        assertThat(listed).as("each held change is on the approvals list")
                .contains("\"id\":" + JSON.readTree(permanent.asString()).get("entry_id").asLong())
                .contains("\"id\":" + removalEntry);

        Response own = ApiTest.decide(token, "mine", "/api/v1/approvals/" + removalEntry
                + "/approve");
        assertThat(own.statusCode()).isEqualTo(403);
        Response approved = ApiTest.decide(approverToken, "INC-7 is over", "/api/v1/approvals/" + removalEntry + "/approve");
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(201);
        assertThat(sandbox.policy(SandboxState.WORKSPACE_ID, policyId)).as("removed once approved").isEmpty();
        assertThat(JSON.readTree(ApiTest.api(token).get("/api/v1/history/" + removalEntry).asString())
                .at("/entry/status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aHeldEntryIsWithdrawnFromItsHistoryPageByItsRequesterAndNobodyElse() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "ia-wanda", Roles.OPERATOR);
        TestUser other = TestUserFactory.create(accounts, "ia-walt", Roles.OPERATOR);
        String token = ApiTest.token(requester, "ops", Roles.OPERATOR);
        String range = "62.0.0.0/15"; // held and withdrawn, never sent
        long entry = JSON.readTree(ApiTest.api(token).body(ApiTest.body(ApiTest.dataObject(requester, range), true))
                .post("/api/v1/emergency-policies").asString()).get("entry_id").asLong();

        ConsoleSession stranger = ConsoleSession.logIn(other.name(), other.password());
        assertThat(stranger.get("/history/" + entry).asString()).doesNotContain("id=\"withdraw\"");
        assertThat(stranger.post("/history/" + entry + "/withdraw", Map.of()).statusCode()).isEqualTo(403);
        ConsoleSession own = ConsoleSession.logIn(requester.name(), requester.password());
        assertThat(own.get("/history/" + entry).asString()).contains("id=\"withdraw\"");
        assertThat(own.post("/history/" + entry + "/withdraw", Map.of()).statusCode()).isEqualTo(303);

        assertThat(own.get("/history/" + entry).asString()).contains("REJECTED").doesNotContain("id=\"withdraw\"");
        assertThat(sandboxHolds(range)).isFalse();
    }

    @Test
    void tokensAreMadeOnlyWithTheOwnersPasswordAndEachActIsInTheChain() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "ia-tina", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        session.get("/account/tokens");
        String refused = session.form().formParam("name", "no-password").formParam("role", Roles.AUDITOR)
                .formParam("expires_in_days", "1").formParam("password", "not-my-password")
                .post("/account/tokens").then().statusCode(422).extract().asString();
        assertThat(refused).contains("current password");

        String token = ApiTest.token(user, "reader", Roles.AUDITOR);
        String id = token.split("_")[1];
        assertThat(acts("TOKEN_CREATED", id)).containsExactly(user.name());
        session.post("/account/tokens/" + id + "/revoke", Map.of()).then().statusCode(303);
        assertThat(acts("TOKEN_REVOKED", id)).containsExactly(user.name());
    }

    private boolean sandboxHolds(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream().anyMatch(p -> p.policy().targets().contains(target));
    }

    /** The actors of the audited acts of this kind on this subject. */
    private List<String> acts(String kind, String subject) throws Exception {
        List<String> actors = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT a.actor FROM security_act a JOIN audit_event e ON e.subject = 'act' AND e.subject_id = a.id
                 WHERE a.act = ? AND a.subject = ? AND e.kind = ? ORDER BY a.id""")) {
            s.setString(1, kind);
            s.setString(2, subject);
            s.setString(3, kind);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    actors.add(rs.getString(1));
                }
            }
        }
        return actors;
    }

    /** The payloads of the audit records of the account {@code username}. */
    private List<String> accountChangedBy(String username) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT e.payload FROM audit_event e JOIN console_user u ON e.subject = 'account' AND e.subject_id = u.id
                 WHERE lower(u.username) = lower(?) ORDER BY e.position""")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        return payloads;
    }
}
