package com.policyconsole.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.adapter.out.persistence.history.PostgresRequestHistory;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.service.ApprovalService;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Four-eyes over real HTTP on real PostgreSQL (with the production defaults: IPv4 ranges wider than /16 need approval): a held
 * submission is recorded and not sent; its requester cannot approve it; another approver approves exactly the recorded
 * request, which is then sent on the same entry; a rejection needs a reason and sends nothing; an expired or changed
 * request is not sent.
 */
@QuarkusTest
class FourEyesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxState sandbox;

    @Inject
    PostgresRequestHistory history;

    @Inject
    HistoryReader reader;

    @Inject
    EmergencyPolicyGateway gateway;

    /** The next of the ranges this test uses, from a random one on: each test's ranges differ from the others'. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_RANGE =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(14));

    /** A /7 nobody else in the tests uses: wider than /16, so it needs approval. */
    private static String wideRange() {
        // ranges no other test blocks (they use 45.x and 47.x-49.x): an approved /7 must not cover their addresses
        int[] firsts = {12, 14, 16, 18, 20, 22, 26, 28, 30, 32, 34, 36, 38, 40};
        return firsts[NEXT_RANGE.getAndIncrement() % firsts.length] + ".0.0.0/7";
    }

    private List<SandboxState.StoredPolicy> policiesHolding(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream().filter(p -> p.policy().targets().contains(target))
                .toList();
    }

    private boolean sandboxHolds(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream().anyMatch(p -> p.policy().targets().contains(target));
    }

    @Test
    void aHeldCreateIsSentOnlyOnceAnotherPersonApprovesIt() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fe-rita", Roles.OPERATOR, Roles.APPROVER);
        TestUser approver = TestUserFactory.create(accounts, "fe-arne", Roles.APPROVER);
        String token = ApiTest.token(requester, "playbook", Roles.OPERATOR, Roles.APPROVER);
        String range = wideRange();
        ObjectNode data = ApiTest.dataObject(requester, range);

        assertThat(ApiTest.api(token).body(ApiTest.body(data, true)).post("/api/v1/emergency-policies/preview")
                .asString()).as("the preview says so").contains("\"approval_reasons\":[\"the range " + range);
        Response held = ApiTest.api(token).body(ApiTest.body(data, true)).post("/api/v1/emergency-policies");

        assertThat(held.statusCode()).as(held.asString()).isEqualTo(202);
        JsonNode answer = JSON.readTree(held.asString());
        long entry = answer.get("entry_id").asLong();
        assertThat(answer.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(answer.get("reasons").toString()).contains("wider than /16");
        ApiTest.schedulerHasRun(accounts);
        assertThat(policiesHolding(range)).as("nothing sent, after the scheduler ran").isEmpty();

        Response own = ApiTest.decide(token, "mine", "/api/v1/approvals/" + entry + "/approve");
        assertThat(own.statusCode()).as("the requester approving their own").isEqualTo(403);
        ConsoleSession second = ConsoleSession.logIn(approver.name(), approver.password());
        String page = second.get("/approvals/" + entry).then().statusCode(200).extract().asString();
        assertThat(page).contains(range).contains("wider than /16").contains("id=\"approve\"");
        assertThat(second.post("/approvals/" + entry + "/approve", Map.of("reason", "")).statusCode())
                .as("without a reason").isEqualTo(422);

        Response approved = second.post("/approvals/" + entry + "/approve", Map.of("reason", "INC-42 agreed"));
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(policiesHolding(range)).as("sent once approved").hasSize(1);
        JsonNode detail = JSON.readTree(ApiTest.api(token).get("/api/v1/history/" + entry).asString());
        assertThat(detail.at("/entry/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(second.post("/approvals/" + entry + "/approve", Map.of("reason", "again")).statusCode())
                .as("approved once").isIn(404, 409);
        ApiTest.schedulerHasRun(accounts);
        assertThat(policiesHolding(range)).as("exactly once, after the scheduler ran again").hasSize(1)
                .allSatisfy(p -> assertThat(p.deliveries()).as("one delivery").isEqualTo(1));
    }

    @Test
    void aRejectionSendsNothingAndAnExpiredOrChangedRequestIsNotSent() throws Exception {
        TestUser requester = TestUserFactory.create(accounts, "fe-olga", Roles.OPERATOR);
        TestUser approver = TestUserFactory.create(accounts, "fe-paul", Roles.APPROVER);
        String token = ApiTest.token(requester, "playbook", Roles.OPERATOR);
        String approverToken = ApiTest.token(approver, "approvals", Roles.APPROVER);

        String rejected = wideRange();
        long first = JSON.readTree(ApiTest.api(token).body(ApiTest.body(ApiTest.dataObject(requester, rejected), true))
                .post("/api/v1/emergency-policies").asString()).get("entry_id").asLong();
        String list = ApiTest.api(approverToken).get("/api/v1/approvals").then().statusCode(200).extract().asString();
        assertThat(list).contains("\"id\":" + first).contains("\"request_hash\"");
        Response reject = ApiTest.decide(approverToken, "too wide, use /24s", "/api/v1/approvals/" + first + "/reject");
        assertThat(reject.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ApiTest.api(token).get("/api/v1/history/" + first).asString()).at("/entry/status")
                .asText()).isEqualTo("REJECTED");
        assertThat(sandboxHolds(rejected)).isFalse();

        String changed = wideRange();
        long second = JSON.readTree(ApiTest.api(token).body(ApiTest.body(ApiTest.dataObject(requester, changed), true))
                .post("/api/v1/emergency-policies").asString()).get("entry_id").asLong();
        EmergencyPolicyGateway altering = (EmergencyPolicyGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EmergencyPolicyGateway.class}, (proxy, method, args) -> {
                    Object result = method.invoke(gateway, args);
                    if (method.getName().equals("prepare") && args[0] instanceof EmergencyPolicyRequest
                            && result instanceof PreparedCall call) {
                        RenderedRequest r = call.rendered();
                        return new PreparedCall(new RenderedRequest(r.method(), r.url(), r.pathTemplate(),
                                r.pathParameters(), r.query(), r.headers(), r.body().replace("/7", "/6")), call.sender());
                    }
                    return result;
                });
        ApprovalsUseCase.Decision refused = new ApprovalService(history, reader, history, altering, Clock.systemUTC())
                .approve(approver.name(), second, "looks fine");
        assertThat(refused).isInstanceOfSatisfying(ApprovalsUseCase.Decision.Refused.class,
                r -> assertThat(r.reason()).contains("hash differs"));
        assertThat(sandboxHolds(changed)).isFalse();

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2)).withZone(ZoneOffset.UTC);
        ApprovalsUseCase.Decision expired = new ApprovalService(history, reader, history, gateway, later)
                .approve(approver.name(), second, "too late");
        assertThat(expired).isInstanceOf(ApprovalsUseCase.Decision.Refused.class);
        assertThat(JSON.readTree(ApiTest.api(token).get("/api/v1/history/" + second).asString()).at("/entry/status")
                .asText()).isEqualTo("EXPIRED");
        ApiTest.schedulerHasRun(accounts);
        assertThat(sandboxHolds(changed)).as("nothing sent, after the scheduler ran").isFalse();
        assertThat(sandboxHolds(rejected)).isFalse();
    }
}
