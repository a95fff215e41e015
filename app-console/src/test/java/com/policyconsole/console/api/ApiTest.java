package com.policyconsole.console.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestDatabase;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import com.policyconsole.console.testing.SecondPerson;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JSON API over real HTTP on real PostgreSQL: tokens made on the page and shown once, the API's one way in, the
 * same checks and history as the forms, problem+json for every bad input, idempotency keys and the rate limit.
 */
@QuarkusTest
class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile("pc_[0-9]+_[A-Za-z0-9_-]{43}");

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    com.policyconsole.domain.port.in.ApprovalsUseCase approvals;

    @Inject
    AgroalDataSource dataSource;

    /** A token made on the tokens page by {@code user}, with these roles. */
    static String token(TestUser user, String name, String... roles) {
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        session.get("/account/tokens");
        RequestSpecification form = session.form().formParam("name", name).formParam("expires_in_days", "30")
                .formParam("password", user.password());
        for (String role : roles) {
            form = form.formParam("role", role);
        }
        String page = form.post("/account/tokens").then().statusCode(200).extract().asString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the secret is shown once").isTrue();
        assertThat(session.get("/account/tokens").asString()).as("and never again").doesNotContain(m.group());
        return m.group();
    }

    static RequestSpecification api(String token) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + token)
                .contentType("application/json");
    }

    /** The data_object the emergency-policy form would send for {@code targets}, read from its preview. */
    static ObjectNode dataObject(TestUser operator, String targets) throws Exception {
        ConsoleSession session = ConsoleSession.logIn(operator.name(), operator.password());
        session.get("/policies/new");
        String preview = TestFormFactory.blockForm(session, targets).post("/policies/preview").asString();
        Matcher body = Pattern.compile("<pre id=\"request-body\">(.*?)</pre>", Pattern.DOTALL).matcher(preview);
        assertThat(body.find()).isTrue();
        String text = body.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        return (ObjectNode) JSON.readTree(text).get("data_object");
    }

    /** A bulk job's body: the form's template policy for its first object (without objects), and {@code objects}. */
    static ObjectNode bulkBody(TestUser user, List<String> objects) throws Exception {
        return bulkBody(user, objects.get(0), objects);
    }

    /** A bulk job's body: the form's template policy as previewed for {@code templateTarget}, and {@code objects}. */
    static ObjectNode bulkBody(TestUser user, String templateTarget, List<String> objects) throws Exception {
        ObjectNode data = dataObject(user, templateTarget);
        data.remove("block_target");
        ObjectNode body = JSON.createObjectNode();
        body.set("data_object", data);
        ArrayNode array = body.putArray("objects");
        objects.forEach(array::add);
        body.put("acknowledge_warnings", true);
        return body;
    }

    /**
     * Starts a small bulk job of a new operator and waits until it has run to its end: the scheduler that would send
     * a held job (or anything else waiting) has demonstrably had its turn since the call.
     */
    static void schedulerHasRun(ManageAccountsUseCase accounts) throws Exception {
        TestUser operator = TestUserFactory.create(accounts, "turn", Roles.OPERATOR);
        String token = token(operator, "turn", Roles.OPERATOR);
        List<String> objects = List.of(TestFormFactory.freshAddresses(2).split("\n"));
        Response started = api(token).body(bulkBody(operator, objects).toString()).post("/api/v1/bulk-jobs");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        long job = JSON.readTree(started.asString()).get("job_id").asLong();
        String status = "";
        for (java.time.Instant until = java.time.Instant.now().plusSeconds(30);
             !status.equals("FINISHED") && java.time.Instant.now().isBefore(until); Thread.sleep(50)) {
            status = JSON.readTree(api(token).get("/api/v1/bulk-jobs/" + job).asString()).get("status").asText();
        }
        assertThat(status).as("the bulk job started after it ran to its end").isEqualTo("FINISHED");
    }

    /** Approves or rejects over the API ({@code decision}: an approvals route) with {@code reason}, as {@code token}. */
    static Response decide(String token, String reason, String decision) {
        return api(token).body(JSON.createObjectNode().put("reason", reason).toString()).post(decision);
    }

    static String body(ObjectNode dataObject, boolean acknowledge) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data_object", dataObject);
        if (acknowledge) {
            body.put("acknowledge_warnings", true);
        }
        return body.toString();
    }

    private int entriesBy(String actor) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM request_history WHERE actor = ?")) {
            s.setString(1, actor);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void aCreateGoesThroughTheSameChecksAndHistoryAsTheFormWithTheTokenAsActor() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-olga", Roles.OPERATOR);
        ObjectNode data = dataObject(user, TestFormFactory.freshIp());
        String token = token(user, "soar-playbook", Roles.OPERATOR);

        Response created = api(token).body(body(data, false)).post("/api/v1/emergency-policies");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode answer = JSON.readTree(created.asString());
        long entry = answer.get("entry_id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/history/" + entry);
        assertThat(answer.at("/outcome/status").asText()).isEqualTo("SUCCEEDED");
        JsonNode detail = JSON.readTree(api(token).get("/api/v1/history/" + entry).then().statusCode(200).extract()
                .asString());
        assertThat(detail.at("/entry/actor").asText()).isEqualTo(user.name() + " (token soar-playbook)");
        assertThat(detail.at("/entry/operation").asText()).isEqualTo("CREATE_EMERGENCY_POLICY");
        assertThat(detail.at("/request/headers/X-Auth-Token").asText()).isEqualTo("****");

        Response again = api(token).body(body(data, false)).post("/api/v1/emergency-policies");
        assertThat(again.statusCode()).as("the same object again: the form's warning").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.asString()).contains("\"severity\":\"warning\"").contains("\"code\":\"already_active\"");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAttemptAndRefusesAnotherBody() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-idem", Roles.OPERATOR);
        ObjectNode data = dataObject(user, TestFormFactory.freshIp());
        String token = token(user, "retrying-bot", Roles.OPERATOR);
        String key = "ticket-" + UUID.randomUUID();

        Response first = api(token).header("Idempotency-Key", key).body(body(data, false))
                .post("/api/v1/emergency-policies");
        Response second = api(token).header("Idempotency-Key", key).body(body(data, false))
                .post("/api/v1/emergency-policies");
        Response other = api(token).header("Idempotency-Key", key).body(body(dataObject(user, TestFormFactory.freshIp()),
                false)).post("/api/v1/emergency-policies");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.asString()).contains("idempotency-key-reused");
        assertThat(entriesBy(user.name() + " (token retrying-bot)")).as("one create, not two").isEqualTo(1);
        assertThat(api(token).header("Idempotency-Key", "has spaces").body(body(data, false))
                .post("/api/v1/emergency-policies").statusCode()).isEqualTo(400);
    }

    @Test
    void badInputIsAClearProblemAndNothingIsRecorded() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-bad", Roles.OPERATOR);
        ObjectNode data = dataObject(user, TestFormFactory.freshIp());
        String token = token(user, "fuzzer", Roles.OPERATOR);
        ObjectNode unknownInside = data.deepCopy();
        unknownInside.put("policy_colour", "red");
        ObjectNode badIp = data.deepCopy();
        badIp.put("block_target", "1.2.3.999");
        ObjectNode wrongType = data.deepCopy();
        wrongType.put("block_target", 42);

        Map<String, Response> answers = new java.util.LinkedHashMap<>();
        answers.put("malformed", api(token).body("{\"data_object\": ").post("/api/v1/emergency-policies"));
        answers.put("not an object", api(token).body("[1,2]").post("/api/v1/emergency-policies"));
        answers.put("unknown field", api(token).body("{\"colour\": 1}").post("/api/v1/emergency-policies"));
        answers.put("unknown inside", api(token).body(body(unknownInside, false)).post("/api/v1/emergency-policies"));
        answers.put("bad ip", api(token).body(body(badIp, false)).post("/api/v1/emergency-policies"));
        answers.put("wrong type", api(token).body(body(wrongType, false)).post("/api/v1/emergency-policies"));
        answers.put("too large", api(token).body("{\"data_object\": {\"description\": \"" + "x".repeat(300_000)
                + "\"}}").post("/api/v1/emergency-policies"));
        answers.put("content type", given().redirects().follow(false).header("Authorization", "Bearer " + token)
                .contentType("text/plain").body("hello").post("/api/v1/emergency-policies"));
        answers.put("no such route", api(token).get("/api/v1/nothing-here"));

        assertThat(answers).allSatisfy((what, r) -> {
            assertThat(r.statusCode()).as(what).isBetween(400, 499);
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            assertThat(r.asString()).as(what).contains("\"status\":" + r.statusCode());
        });
        assertThat(answers.get("malformed").statusCode()).isEqualTo(400);
        assertThat(answers.get("unknown field").asString()).contains("\"path\":\"colour\"").contains("unknown_field");
        assertThat(answers.get("unknown inside").asString()).contains("\"path\":\"data_object.policy_colour\"");
        assertThat(answers.get("bad ip").statusCode()).isEqualTo(422);
        assertThat(answers.get("bad ip").asString()).contains("\"path\":\"data_object.block_target\"")
                .contains("\"severity\":\"error\"");
        assertThat(answers.get("wrong type").statusCode()).isEqualTo(422);
        assertThat(answers.get("too large").statusCode()).isEqualTo(413);
        assertThat(answers.get("content type").statusCode()).isEqualTo(415);
        assertThat(answers.get("no such route").statusCode()).isEqualTo(404);
        assertThat(entriesBy(user.name() + " (token fuzzer)")).isZero();
    }

    @Test
    void onlyAValidTokenOpensTheApiAndNoTokenOpensAPage() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-gate", Roles.OPERATOR, Roles.AUDITOR);
        String reader = token(user, "reader", Roles.AUDITOR);
        String writer = token(user, "writer", Roles.OPERATOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());

        Response none = given().redirects().follow(false).get("/api/v1/history");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api("pc_1_" + "x".repeat(43)).get("/api/v1/history").statusCode()).isEqualTo(401);
        assertThat(api("garbage").get("/api/v1/history").statusCode()).isEqualTo(401);
        assertThat(session.get("/api/v1/history").statusCode()).as("a session cookie").isEqualTo(401);
        assertThat(given().redirects().follow(false).header("Authorization", "Bearer " + writer).get("/history")
                .statusCode()).as("a token on a page: refused, not opened").isIn(302, 401);

        assertThat(api(reader).get("/api/v1/history?actor=" + user.name()).statusCode()).isEqualTo(200);
        Response forbidden = api(reader).body("{}").post("/api/v1/emergency-policies");
        assertThat(forbidden.statusCode()).as("a token with fewer roles than its user").isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(api(writer).get("/api/v1/history?status=NOPE").statusCode()).as("a bad filter").isEqualTo(400);

        String list = session.get("/account/tokens").asString();
        Matcher id = Pattern.compile("data-token=\"([0-9]+)\"><td>[0-9]+</td><td>reader<").matcher(list);
        assertThat(id.find()).isTrue();
        session.post("/account/tokens/" + id.group(1) + "/revoke", Map.of()).then().statusCode(303);
        assertThat(api(reader).get("/api/v1/history").statusCode()).as("a revoked token").isEqualTo(401);
        // the token expires behind the console: its own role may not change a token's expiry
        try (Connection c = TestDatabase.superuser(); PreparedStatement s = c.prepareStatement(
                "UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE name = 'writer' AND user_id = ?")) {
            s.setLong(1, user.id());
            s.executeUpdate();
        }
        assertThat(api(writer).get("/api/v1/history").statusCode()).as("an expired token").isEqualTo(401);
    }

    @Test
    void aTokenCarriesOnlyTheRolesOfItsUserAndANameIsNeeded() {
        TestUser user = TestUserFactory.create(accounts, "api-roles", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        session.get("/account/tokens");

        String refused = session.form().formParam("name", "greedy").formParam("role", Roles.OPERATOR)
                .formParam("password", user.password())
                .formParam("expires_in_days", "30").post("/account/tokens").then().statusCode(422).extract().asString();
        assertThat(refused).contains("roles or fewer");
        assertThat(session.form().formParam("name", "").formParam("role", Roles.AUDITOR)
                .formParam("password", user.password())
                .formParam("expires_in_days", "900").post("/account/tokens").then().statusCode(422).extract().asString())
                .contains("name the token").contains("1 to 365 days");
    }

    @Test
    void callsOverTheLimitAreAnswered429WithRetryAfter() {
        TestUser user = TestUserFactory.create(accounts, "api-rate", Roles.AUDITOR);
        String token = token(user, "chatty", Roles.AUDITOR);

        // the calls are counted per minute: start at the beginning of one, so all 301 fall into it
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        if (now.getSecond() > 30) {
            sleepUntilTheNextMinute(now);
        }
        Response limited = null;
        int call = 0;
        while (limited == null && call < 400) {
            call++;
            Response r = api(token).get("/api/v1/history?size=1");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).as("call " + call).isEqualTo(200);
            }
        }

        assertThat(call).as("429 starts at the 301st call of a minute (the test limit is 300)").isEqualTo(301);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    }

    private static void sleepUntilTheNextMinute(java.time.LocalTime now) {
        try {
            Thread.sleep((60 - now.getSecond()) * 1_000L - now.getNano() / 1_000_000 + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoConcurrentCallsWithOneIdempotencyKeyCreateOnce() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-race", Roles.OPERATOR);
        String body = body(dataObject(user, TestFormFactory.freshIp()), false);
        String token = token(user, "racing-bot", Roles.OPERATOR);
        String key = "race-" + UUID.randomUUID();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(two.submit(() -> {
                    together.await();
                    return api(token).header("Idempotency-Key", key).body(body).post("/api/v1/emergency-policies");
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Response> c : calls) {
                statuses.add(c.get().statusCode());
            }

            assertThat(statuses).as("one creates; the other replays it or is told to wait").contains(201)
                    .allMatch(s -> s == 201 || s == 409);
            assertThat(entriesBy(user.name() + " (token racing-bot)")).as("one create, not two").isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aHeldCallRepeatedWithItsIdempotencyKeyIsHeldOnce() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-heldkey", Roles.OPERATOR);
        String body = body(dataObject(user, "63.0.0.0/15"), true);
        String token = token(user, "held-bot", Roles.OPERATOR);
        String key = "held-" + UUID.randomUUID();

        Response first = api(token).header("Idempotency-Key", key).body(body).post("/api/v1/emergency-policies");
        Response second = api(token).header("Idempotency-Key", key).body(body).post("/api/v1/emergency-policies");

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(entriesBy(user.name() + " (token held-bot)")).as("one held entry, not two").isEqualTo(1);
    }

    @Test
    void configRulesAreManagedThroughTheApiWithTheSameRefusals() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-rules", Roles.OPERATOR);
        String token = token(user, "rules-bot", Roles.OPERATOR);
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
        String rule = "{\"rule\": {\"name\": \"" + name + "\", \"policy_definition_id\": \"5fa36008ef6d1b3dc5f8a1c2\","
                + " \"policy_filter\": {\"resource_provider\": \"evs\", \"resource_type\": \"volumes\"}}}";

        Response added = api(token).body(rule).post("/api/v1/config-rules");
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        String ruleId = JSON.readTree(added.asString()).at("/outcome/result_id").asText();

        JsonNode shown = JSON.readTree(api(token).get("/api/v1/config-rules/" + ruleId).then().statusCode(200)
                .extract().asString());
        assertThat(shown.at("/rule/name").asText()).isEqualTo(name);
        assertThat(shown.at("/non_compliant_count").asInt()).isEqualTo(2);
        assertThat(shown.at("/rule/added_by/actor").asText()).isEqualTo(user.name() + " (token rules-bot)");
        Response disable = api(token).post("/api/v1/config-rules/" + ruleId + "/disable");
        assertThat(disable.statusCode()).as("a disable waits for a second person").isEqualTo(202);
        SecondPerson.approve(approvals, accounts, JSON.readTree(disable.asString()).get("entry_id").asLong());
        Response again = api(token).post("/api/v1/config-rules/" + ruleId + "/disable");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.asString()).contains("rule_already_in_state");
        JsonNode preview = JSON.readTree(api(token).post("/api/v1/config-rules/" + ruleId + "/delete/preview")
                .then().statusCode(200).extract().asString());
        assertThat(preview.get("requests")).hasSize(1);
        Response delete = api(token).body("{\"acknowledge_warnings\": true}").post("/api/v1/config-rules/" + ruleId
                + "/delete");
        assertThat(delete.statusCode()).as("a delete waits for a second person").isEqualTo(202);
        SecondPerson.approve(approvals, accounts, JSON.readTree(delete.asString()).get("entry_id").asLong());
        assertThat(api(token).get("/api/v1/config-rules/" + ruleId).statusCode()).isEqualTo(404);
        assertThat(api(token).body("{\"rule\": {\"name\": \"x\", \"colour\": 1}}").post("/api/v1/config-rules")
                .asString()).contains("\"path\":\"rule.colour\"");
        assertThat(api(token).post("/api/v1/config-rules/" + ruleId + "/explode").statusCode()).isEqualTo(404);
    }

    @Test
    void aBulkJobIsPlannedStartedAndFollowedThroughTheApiWithTheFormsFindings() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-bulk", Roles.OPERATOR);
        String token = token(user, "bulk-bot", Roles.OPERATOR);
        List<String> addresses = TestFormFactory.freshAddresses(700).lines().toList();
        ObjectNode data = dataObject(user, addresses.get(0));
        data.remove("block_target");
        ObjectNode body = JSON.createObjectNode();
        body.set("data_object", data);
        ArrayNode objects = body.putArray("objects");
        addresses.forEach(objects::add);
        objects.add("10.0.0.1");
        objects.add("not-an-address");

        JsonNode plan = JSON.readTree(api(token).body(body.toString()).post("/api/v1/bulk-jobs/plan")
                .then().statusCode(200).extract().asString());
        assertThat(plan.get("startable").asBoolean()).isFalse();
        assertThat(plan.get("findings").toString()).contains("\"path\":\"objects[700]\"")
                .contains("\"path\":\"objects[701]\"").contains("\"severity\":\"error\"");
        Response refused = api(token).body(body.toString()).post("/api/v1/bulk-jobs");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.asString()).contains("objects[701]");

        objects.remove(701);
        objects.remove(700);
        JsonNode sendable = JSON.readTree(api(token).body(body.toString()).post("/api/v1/bulk-jobs/plan").asString());
        assertThat(sendable.get("startable").asBoolean()).as(sendable.toString()).isTrue();
        assertThat(sendable.get("deliveries")).hasSize(2);
        assertThat(sendable.at("/first_request/body").asText()).contains(addresses.get(0));
        String key = "bulk-" + UUID.randomUUID();
        Response started = api(token).header("Idempotency-Key", key).body(body.toString()).post("/api/v1/bulk-jobs");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        long job = JSON.readTree(started.asString()).get("job_id").asLong();
        assertThat(api(token).header("Idempotency-Key", key).body(body.toString()).post("/api/v1/bulk-jobs").asString())
                .as("a retried start is the first one, not a second job").isEqualTo(started.asString());
        JsonNode progress = null;
        for (int i = 0; i < 150; i++, Thread.sleep(200)) {
            progress = JSON.readTree(api(token).get("/api/v1/bulk-jobs/" + job).asString());
            if (progress.get("status").asText().equals("FINISHED")) {
                break;
            }
        }
        assertThat(progress.get("status").asText()).isEqualTo("FINISHED");
        assertThat(progress.get("objects_blocked").asLong()).isEqualTo(700);
        long entry = progress.at("/deliveries/0/entry_id").asLong();
        assertThat(JSON.readTree(api(token).get("/api/v1/history/" + entry).asString()).at("/entry/actor").asText())
                .isEqualTo(user.name() + " (token bulk-bot)");
        assertThat(api(token).get("/api/v1/bulk-jobs").asString()).contains("\"id\":" + job);
        assertThat(api(token).post("/api/v1/bulk-jobs/" + job + "/cancel").statusCode()).as("finished").isEqualTo(409);

        ObjectNode both = body.deepCopy();
        both.put("batch", "45.1.1.1");
        assertThat(api(token).body(both.toString()).post("/api/v1/bulk-jobs/plan").asString())
                .contains("\"path\":\"objects\"").contains("not both");
        ObjectNode withTargets = body.deepCopy();
        ((ObjectNode) withTargets.get("data_object")).put("block_target", "45.1.1.1");
        assertThat(api(token).body(withTargets.toString()).post("/api/v1/bulk-jobs").asString())
                .contains("data_object.block_target");
        assertThat(api(token).get("/api/v1/bulk-jobs/x1").statusCode()).isEqualTo(404);
    }

    @Test
    void bodiesThatOnceSlippedThroughAreRefusedAndNothingIsRecorded() throws Exception {
        TestUser user = TestUserFactory.create(accounts, "api-strict", Roles.OPERATOR);
        String token = token(user, "strict-bot", Roles.OPERATOR);
        ObjectNode data = dataObject(user, TestFormFactory.freshIp());
        String good = body(data, true);

        assertThat(api(token).body(good + " xyz").post("/api/v1/emergency-policies").statusCode())
                .as("text after the object").isEqualTo(400);
        assertThat(api(token).body(good + "{\"b\": 2}").post("/api/v1/emergency-policies").statusCode())
                .as("a second object").isEqualTo(400);
        ObjectNode infinite = data.deepCopy();
        infinite.put("description", "TOO-LARGE");
        // as text: a client's JSON library would write the number as Infinity's string
        Response number = api(token).body(body(infinite, true).replace("\"TOO-LARGE\"", "1e999999"))
                .post("/api/v1/emergency-policies");
        assertThat(number.statusCode()).as("a number is not a string, however large").isEqualTo(422);
        assertThat(number.asString()).contains("\"path\":\"data_object.description\"");
        ObjectNode retry = data.deepCopy();
        retry.putArray("retry_list").add("p-1");
        assertThat(api(token).body(body(retry, true)).post("/api/v1/emergency-policies").asString())
                .contains("\"path\":\"data_object.retry_list\"");
        ObjectNode ageing = data.deepCopy();
        ((ObjectNode) ageing.get("block_age")).put("is_block_ageing", true).put("block_ageing", "9999999999999999999");
        Response overflow = api(token).body(body(ageing, true)).post("/api/v1/emergency-policies");
        assertThat(overflow.statusCode()).isEqualTo(422);
        assertThat(overflow.asString()).contains("\"path\":\"data_object.block_age.block_ageing\"");
        Response blankType = api(token).body("{\"rule\": {\"name\": \"blank-type\", \"policy_assignment_type\": \"\","
                + " \"policy_filter\": {}}}").post("/api/v1/config-rules/preview");
        assertThat(blankType.asString()).contains("\"sendable\":false").contains("policy_assignment_type");
        assertThat(entriesBy(user.name() + " (token strict-bot)")).as("nothing recorded").isZero();
    }

    @Test
    void theOpenApiDocumentAndItsPageListTheOperations() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(document).contains("/api/v1/emergency-policies").contains("/api/v1/config-rules/{id}/{action}")
                .contains("/api/v1/history/{id}").contains("/api/v1/blocks/remove").contains("/api/v1/bulk-jobs/{id}")
                .contains("/api/v1/approvals/jobs/{id}/{decision}");
        TestUser user = TestUserFactory.create(accounts, "api-docs", Roles.AUDITOR);
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        assertThat(session.get("/api-docs").then().statusCode(200).extract().asString())
                .contains("/api/v1/emergency-policies").contains("Create an emergency policy").contains("Idempotency-Key");
        List.of("/api/v1/blocks").forEach(path -> assertThat(api(token(user, "blocks-reader", Roles.AUDITOR))
                .get(path).statusCode()).as(path).isEqualTo(200));
    }
}
