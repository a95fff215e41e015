package com.policyconsole.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.AuditIntegrityUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.console.adapter.out.persistence.history.PostgresRequestHistory;
import com.policyconsole.domain.service.ApprovalService;
import com.policyconsole.sandbox.SandboxState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Four-eyes with the default conditions for Config rule deletes and bulk jobs (over 1,000 objects), on real PostgreSQL
 * over real HTTP: a held delete or job sends nothing; its requester cannot approve it; another approver's approval
 * sends the delete (disabling the rule first) or starts the job's deliveries; a rejected job sends nothing; a job whose
 * deliveries would now differ is not started; the audit chain holds each job's request and decision and verifies.
 */
@QuarkusTest
class FourEyesDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxState sandbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PostgresRequestHistory history;

    @Inject
    HistoryReader reader;

    @Inject
    EmergencyPolicyGateway gateway;

    @Inject
    BulkJobStore jobs;

    @Inject
    AuditIntegrityUseCase audit;

    @Test
    void deletingAnEnabledConfigRuleWaitsForAnotherPersonThenDisablesAndDeletesIt() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fd-rita", Roles.OPERATOR, Roles.APPROVER);
        TestUser approver = TestUserFactory.create(accounts, "fd-arne", Roles.APPROVER);
        String token = ApiTest.token(requester, "rules-bot", Roles.OPERATOR, Roles.APPROVER);
        String approverToken = ApiTest.token(approver, "approvals", Roles.APPROVER);
        String name = "fd-" + UUID.randomUUID().toString().substring(0, 8);
        Response added = ApiTest.api(token).body("{\"rule\": {\"name\": \"" + name + "\", \"policy_definition_id\":"
                + " \"5fa36008ef6d1b3dc5f8a1c2\", \"policy_filter\": {\"resource_provider\": \"evs\","
                + " \"resource_type\": \"volumes\"}}}").post("/api/v1/config-rules");
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        String ruleId = JSON.readTree(added.asString()).at("/outcome/result_id").asText();

        assertThat(ApiTest.api(token).post("/api/v1/config-rules/" + ruleId + "/delete/preview").asString())
                .as("the preview says so").contains("\"approval_reasons\":[\"deleting a Config rule\"]");
        Response unacknowledged = ApiTest.api(token).post("/api/v1/config-rules/" + ruleId + "/delete");
        assertThat(unacknowledged.statusCode()).as("the rule is enabled: it is disabled first").isEqualTo(409);
        Response held = ApiTest.api(token).body("{\"acknowledge_warnings\": true}")
                .post("/api/v1/config-rules/" + ruleId + "/delete");

        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        long entry = JSON.readTree(held.asString()).get("entry_id").asLong();
        assertThat(held.asString()).contains("deleting a Config rule");
        assertThat(ruleState(token, ruleId)).as("neither disabled nor deleted").isEqualTo("Enabled");
        assertThat(ApiTest.decide(token, "mine", "/api/v1/approvals/" + entry + "/approve")
                .statusCode()).as("the requester approving their own").isEqualTo(403);
        String page = ConsoleSession.logIn(approver.name(), approver.password()).get("/approvals/" + entry)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("DELETE").contains(ruleId).contains("deleting a Config rule");

        Response approved = ApiTest.decide(approverToken, "CHG-7 retire the rule", "/api/v1/approvals/" + entry + "/approve");

        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(201);
        assertThat(ApiTest.api(token).get("/api/v1/config-rules/" + ruleId).statusCode()).as("deleted").isEqualTo(404);
        JsonNode delete = JSON.readTree(ApiTest.api(token).get("/api/v1/history/" + entry).asString());
        assertThat(delete.at("/entry/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(delete.at("/entry/operation").asText()).isEqualTo("DELETE_CONFIG_RULE");
        long disable = nextStep(entry);
        JsonNode disabled = JSON.readTree(ApiTest.api(token).get("/api/v1/history/" + disable).asString());
        assertThat(disabled.at("/entry/operation").asText()).isEqualTo("DISABLE_CONFIG_RULE");
        assertThat(disabled.at("/entry/status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aBulkJobOfMoreThanAThousandObjectsStartsOnlyOnceAnotherPersonApprovesIt() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fd-olga", Roles.OPERATOR, Roles.APPROVER);
        TestUser approver = TestUserFactory.create(accounts, "fd-paul", Roles.APPROVER);
        String token = ApiTest.token(requester, "soar", Roles.OPERATOR, Roles.APPROVER);
        List<String> addresses = Arrays.asList(TestFormFactory.freshAddresses(1_001).split("\n"));

        Response small = ApiTest.api(token).body(ApiTest.bulkBody(requester, addresses.subList(0, 1_000)).toString())
                .post("/api/v1/bulk-jobs/plan");
        assertThat(small.statusCode()).as(small.asString()).isEqualTo(200);
        assertThat(small.asString()).contains("\"approval_reasons\":[]");
        assertThat(ApiTest.api(token).body(ApiTest.bulkBody(requester, addresses).toString())
                .post("/api/v1/bulk-jobs/plan")
                .asString()).contains("1,001 objects (more than 1,000)");
        Response held = ApiTest.api(token).body(ApiTest.bulkBody(requester, addresses).toString())
                .post("/api/v1/bulk-jobs");

        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        JsonNode answer = JSON.readTree(held.asString());
        long job = answer.get("job_id").asLong();
        assertThat(answer.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(answer.get("reasons").toString()).contains("1,001 objects (more than 1,000)");
        ApiTest.schedulerHasRun(accounts);
        JsonNode waiting = JSON.readTree(ApiTest.api(token).get("/api/v1/bulk-jobs/" + job).asString());
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(waiting.findValues("entry_id")).as("no delivery recorded or sent").allMatch(JsonNode::isNull);
        assertThat(sandboxHolds(addresses.get(0))).isFalse();
        assertThat(ApiTest.decide(token, "mine", "/api/v1/approvals/jobs/" + job + "/approve")
                .statusCode()).as("the requester approving their own").isEqualTo(403);

        ConsoleSession second = ConsoleSession.logIn(approver.name(), approver.password());
        assertThat(second.get("/approvals").asString()).contains("data-job=\"" + job + "\"");
        String page = second.get("/approvals/jobs/" + job).then().statusCode(200).extract().asString();
        assertThat(page).contains("1001 objects in 3 deliveries").contains(addresses.get(1_000)).contains("id=\"approve\"");
        Response approved = second.post("/approvals/jobs/" + job + "/approve", Map.of("reason", "INC-9 agreed"));

        assertThat(approved.statusCode()).isEqualTo(303);
        JsonNode done = awaitFinished(token, job);
        assertThat(done.get("succeeded").asInt()).isEqualTo(3);
        assertThat(done.get("objects_blocked").asLong()).isEqualTo(1_001);
        ApiTest.schedulerHasRun(accounts);
        for (String address : List.of(addresses.get(0), addresses.get(500), addresses.get(1_000))) {
            assertThat(sandbox.policies(SandboxState.WORKSPACE_ID).stream()
                    .filter(p -> p.policy().targets().contains(address)).toList())
                    .as("sent exactly once after the approval, and not again after the scheduler ran: " + address)
                    .hasSize(1).allSatisfy(p -> assertThat(p.deliveries()).isEqualTo(1));
        }
        assertThat(second.get("/bulk/jobs/" + job).asString()).contains("by " + approver.name()).contains("INC-9 agreed");
        assertThat(auditKinds(job)).containsExactly("JOB_RECORDED", "JOB_APPROVED");
        assertThat(audit.verify("fd-test", java.util.Optional.empty()).result().findings())
                .as("no bulk job differs from its audit records").noneMatch(f -> f.toString().contains("bulk job"));
    }

    @Test
    void aRejectedOrChangedBulkJobSendsNothing() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fd-ida", Roles.OPERATOR);
        TestUser approver = TestUserFactory.create(accounts, "fd-jon", Roles.APPROVER);
        String approverToken = ApiTest.token(approver, "approvals", Roles.APPROVER);
        ConsoleSession operator = ConsoleSession.logIn(requester.name(), requester.password());
        operator.get("/bulk/new");
        String batch = TestFormFactory.freshAddresses(1_500);

        assertThat(TestFormFactory.bulkForm(operator, batch).post("/bulk/plan").asString())
                .as("the plan page says so").contains("id=\"approval-needed\"").contains("1,500 objects");
        Response start = TestFormFactory.bulkForm(operator, batch).post("/bulk/start");
        assertThat(start.statusCode()).as(start.asString().replaceAll("(?s).*<main", "<main")).isEqualTo(303);
        String location = start.header("Location");
        assertThat(location).contains("notice=awaiting");
        long rejected = Long.parseLong(location.replaceAll(".*/bulk/jobs/(\\d+).*", "$1"));
        assertThat(operator.get("/bulk/jobs/" + rejected).asString()).contains("Awaits approval");
        Response reject = ApiTest.decide(approverToken, "split it by incident", "/api/v1/approvals/jobs/" + rejected + "/reject");
        assertThat(reject.statusCode()).as(reject.asString()).isEqualTo(200);
        JsonNode after = JSON.readTree(ApiTest.api(approverToken).get("/api/v1/bulk-jobs/" + rejected).asString());
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(after.get("cancelled").asInt()).isEqualTo(after.get("total").asInt());
        assertThat(sandboxHolds(batch.lines().findFirst().orElseThrow())).isFalse();
        assertThat(auditKinds(rejected)).containsExactly("JOB_RECORDED", "JOB_REJECTED");

        String other = TestFormFactory.freshAddresses(1_200);
        String second = TestFormFactory.bulkForm(operator, other).post("/bulk/start")
                .then().statusCode(303).extract().header("Location");
        long changed = Long.parseLong(second.replaceAll(".*/bulk/jobs/(\\d+).*", "$1"));
        EmergencyPolicyGateway altering = (EmergencyPolicyGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EmergencyPolicyGateway.class}, (proxy, method, args) -> {
                    Object result = method.invoke(gateway, args);
                    if (method.getName().equals("prepare") && result instanceof PreparedCall call) {
                        RenderedRequest r = call.rendered();
                        return new PreparedCall(new RenderedRequest(r.method(), r.url() + "?v=2", r.pathTemplate(),
                                r.pathParameters(), r.query(), r.headers(), r.body()), call.sender());
                    }
                    return result;
                });
        ApprovalsUseCase.Decision refused = new ApprovalService(history, reader, history, altering, null, jobs,
                Clock.systemUTC()).approveJob(approver.name(), changed, "looks fine");
        assertThat(refused).isInstanceOfSatisfying(ApprovalsUseCase.Decision.Refused.class,
                r -> assertThat(r.reason()).contains("hash differs"));
        ApprovalsUseCase.Decision expired = new ApprovalService(history, reader, history, gateway, null, jobs,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).approveJob(approver.name(), changed, "too late");
        assertThat(expired).isInstanceOf(ApprovalsUseCase.Decision.Refused.class);
        assertThat(JSON.readTree(ApiTest.api(approverToken).get("/api/v1/bulk-jobs/" + changed).asString())
                .get("status").asText()).isEqualTo("EXPIRED");
        ApiTest.schedulerHasRun(accounts);
        assertThat(sandboxHolds(other.lines().findFirst().orElseThrow())).as("after the scheduler ran").isFalse();
        assertThat(sandboxHolds(batch.lines().findFirst().orElseThrow())).isFalse();
        assertThat(auditKinds(changed)).containsExactly("JOB_RECORDED", "JOB_EXPIRED");
    }

    @Test
    void disablingAConfigRuleWaitsForAnotherPersonAndIsSentOnceApproved() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fd-dora", Roles.OPERATOR);
        TestUser approver = TestUserFactory.create(accounts, "fd-dave", Roles.APPROVER);
        String token = ApiTest.token(requester, "rules-bot", Roles.OPERATOR);
        String approverToken = ApiTest.token(approver, "approvals", Roles.APPROVER);
        String name = "fd-off-" + UUID.randomUUID().toString().substring(0, 8);
        Response added = ApiTest.api(token).body("{\"rule\": {\"name\": \"" + name + "\", \"policy_definition_id\":"
                + " \"5fa36008ef6d1b3dc5f8a1c2\", \"policy_filter\": {\"resource_provider\": \"evs\","
                + " \"resource_type\": \"volumes\"}}}").post("/api/v1/config-rules");
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        String ruleId = JSON.readTree(added.asString()).at("/outcome/result_id").asText();

        Response held = ApiTest.api(token).body("{\"acknowledge_warnings\": true}")
                .post("/api/v1/config-rules/" + ruleId + "/disable");

        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        assertThat(held.asString()).contains("disabling a Config rule");
        long entry = JSON.readTree(held.asString()).get("entry_id").asLong();
        assertThat(ruleState(token, ruleId)).as("a rule whose delete needs approval is not disabled at once")
                .isEqualTo("Enabled");
        Response approved = ApiTest.decide(approverToken, "CHG-8 pause the rule", "/api/v1/approvals/" + entry + "/approve");
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(201);
        assertThat(ruleState(token, ruleId)).isEqualTo("Disabled");
    }

    @Test
    void anUpdateThatChangesARulesScopeWaitsForAnotherPersonAndOneOfItsTextDoesNot() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fd-uma", Roles.OPERATOR);
        TestUser approver = TestUserFactory.create(accounts, "fd-ugo", Roles.APPROVER);
        String token = ApiTest.token(requester, "rules-bot", Roles.OPERATOR);
        String approverToken = ApiTest.token(approver, "approvals", Roles.APPROVER);
        String name = "fd-scope-" + UUID.randomUUID().toString().substring(0, 8);
        String rule = "{\"name\": \"" + name + "\", \"policy_definition_id\": \"5fa36008ef6d1b3dc5f8a1c2\","
                + " %s \"policy_filter\": {\"resource_provider\": \"evs\", \"resource_type\": \"volumes\"%s}}";
        Response added = ApiTest.api(token).body("{\"rule\": " + rule.formatted("", "") + "}")
                .post("/api/v1/config-rules");
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        String ruleId = JSON.readTree(added.asString()).at("/outcome/result_id").asText();

        Response described = ApiTest.api(token).body("{\"rule\": " + rule.formatted("\"description\": \"volumes"
                + " must be encrypted\",", "") + ", \"acknowledge_warnings\": true}").put("/api/v1/config-rules/"
                + ruleId);
        assertThat(described.statusCode()).as("a new description is sent at once: " + described.asString())
                .isEqualTo(201);
        String narrowed = rule.formatted("\"description\": \"volumes must be encrypted\",",
                ", \"region_id\": \"cn-north-4\"");
        Response preview = ApiTest.api(token).body("{\"rule\": " + narrowed + "}")
                .post("/api/v1/config-rules/" + ruleId + "/update/preview");
        Response held = ApiTest.api(token).body("{\"rule\": " + narrowed + ", \"acknowledge_warnings\": true}")
                .put("/api/v1/config-rules/" + ruleId);

        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        assertThat(held.asString()).contains("changing the scope (policy_filter) of the Config rule " + name);
        assertThat(regionOf(token, ruleId)).as("not sent").isEmpty();
        long entry = JSON.readTree(held.asString()).get("entry_id").asLong();
        Response approved = ApiTest.decide(approverToken, "CHG-9 one region only", "/api/v1/approvals/" + entry + "/approve");
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(201);
        assertThat(regionOf(token, ruleId)).isEqualTo("cn-north-4");
        assertThat(preview.asString()).as("the preview says so")
                .contains("changing the scope (policy_filter) of the Config rule " + name);
    }

    private static String regionOf(String token, String ruleId) throws Exception {
        return JSON.readTree(ApiTest.api(token).get("/api/v1/config-rules/" + ruleId).asString())
                .at("/rule/policy_filter/region_id").asText();
    }

    @Test
    void splittingALargeBulkJobIntoPartsOfAThousandDoesNotEscapeTheCountRule() throws Exception {
        TestUser operator = TestUserFactory.create(accounts, "fd-sven", Roles.OPERATOR);
        String token = ApiTest.token(operator, "splitter", Roles.OPERATOR);
        List<String> addresses = Arrays.asList(TestFormFactory.freshAddresses(1_200).split("\n"));

        Response first = ApiTest.api(token).body(ApiTest.bulkBody(operator, addresses.subList(0, 600)).toString())
                .post("/api/v1/bulk-jobs");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        Response plan = ApiTest.api(token).body(ApiTest.bulkBody(operator, addresses.subList(600, 1_200)).toString())
                .post("/api/v1/bulk-jobs/plan");
        assertThat(plan.asString()).as("the plan says so").contains("600 objects and the 600 of the requester's jobs");
        Response second = ApiTest.api(token).body(ApiTest.bulkBody(operator, addresses.subList(600, 1_200)).toString())
                .post("/api/v1/bulk-jobs");

        assertThat(second.statusCode()).as(second.asString()).isEqualTo(202);
        JsonNode answer = JSON.readTree(second.asString());
        assertThat(answer.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(answer.get("reasons").toString()).contains("more than 1,000");
        assertThat(sandboxHolds(addresses.get(600))).as("the second part is not sent").isFalse();
        assertThat(ApiTest.api(token).post("/api/v1/bulk-jobs/" + answer.get("job_id").asLong() + "/withdraw")
                .statusCode()).isEqualTo(200);
    }

    private boolean sandboxHolds(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream().anyMatch(p -> p.policy().targets().contains(target));
    }

    private static String ruleState(String token, String ruleId) throws Exception {
        return JSON.readTree(ApiTest.api(token).get("/api/v1/config-rules/" + ruleId).asString()).at("/rule/state")
                .asText();
    }

    private long nextStep(long entry) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM request_history WHERE step_of = ?")) {
            s.setLong(1, entry);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a step of entry " + entry).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private List<String> auditKinds(long job) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT kind FROM audit_event WHERE subject = 'bulk_job' AND subject_id = ? ORDER BY seq")) {
            s.setLong(1, job);
            List<String> kinds = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
            return kinds;
        }
    }

    private static JsonNode awaitFinished(String token, long job) throws Exception {
        JsonNode progress = null;
        for (Instant until = Instant.now().plusSeconds(60); Instant.now().isBefore(until); Thread.sleep(200)) {
            progress = JSON.readTree(ApiTest.api(token).get("/api/v1/bulk-jobs/" + job).asString());
            if (!progress.get("status").asText().equals("RUNNING")) {
                break;
            }
        }
        assertThat(progress.get("status").asText()).isEqualTo("FINISHED");
        return progress;
    }
}
