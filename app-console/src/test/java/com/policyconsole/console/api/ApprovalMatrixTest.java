package com.policyconsole.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.testing.ConsoleRoutes;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.SecondPerson;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.domain.port.in.ApiTokensUseCase;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxFaults;
import com.policyconsole.sandbox.SandboxInventory;
import com.policyconsole.sandbox.SandboxRules;
import com.policyconsole.sandbox.SandboxState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The approval policy, route by route: every write route of the console (pages and API, found by reflection, so that a
 * new route without a decision fails) × each approval condition that applies to it, sent by an operator alone with the
 * production defaults → held (recorded for a second person, the cloud unchanged), sent (the cloud changed, nothing
 * held) or refused (neither). Held changes are checked again after a bulk job started later has run to its end, so
 * the scheduler has demonstrably had its turn. Routes that change nothing in the cloud by themselves name why.
 */
@QuarkusTest
class ApprovalMatrixTest {

    /** What the policy says of a write. */
    enum Expect { HELD, SENT, REFUSED }

    /**
     * One approval condition on one route: what it sends and what the policy says; sent by the route's operator, or
     * by one of its own where what the operator sent before would count (the bulk count rule).
     */
    record Case(String condition, Expect expect, Attempt attempt, boolean ownRequester) {

        Case(String condition, Expect expect, Attempt attempt) {
            this(condition, expect, attempt, false);
        }
    }

    /** Sets up what the case needs, then sends it as {@code person} alone. */
    @FunctionalInterface
    interface Attempt {
        Sent send(Person person) throws Exception;
    }

    /** What was sent: the answer, what the cloud held of it before and holds now, what its sender had held before. */
    record Sent(Response answer, String before, Supplier<String> cloud, int heldBefore) {
    }

    /** The operator who sends, alone: a session on the pages and a token for the API. */
    record Person(TestUser user, ConsoleSession session, String token) {
    }

    /** Write routes that by themselves change nothing in the cloud, and why. */
    private static final Map<String, String> NO_CLOUD_CHANGE = new TreeMap<>();

    static {
        for (String preview : List.of("POST /policies/edit", "POST /policies/preview", "POST /bulk/edit",
                "POST /bulk/plan", "POST /rules/edit", "POST /rules/preview", "POST /rules/{id}/edit",
                "POST /rules/{id}/update/preview", "POST /rules/{id}/{action}/preview", "POST /rules/bulk/preview",
                "POST /blocks/remove/preview", "POST /blocks/ageing/preview", "POST /api/v1/emergency-policies/preview",
                "POST /api/v1/config-rules/preview", "POST /api/v1/config-rules/{id}/{action}/preview",
                "POST /api/v1/blocks/{change}/preview", "POST /api/v1/bulk-jobs/plan")) {
            NO_CLOUD_CHANGE.put(preview, "a form step or preview: it renders the request, it sends nothing");
        }
        for (String decision : List.of("POST /approvals/{id}/approve", "POST /approvals/{id}/reject",
                "POST /approvals/jobs/{id}/approve", "POST /approvals/jobs/{id}/reject",
                "POST /api/v1/approvals/{id}/{decision}", "POST /api/v1/approvals/jobs/{id}/{decision}")) {
            NO_CLOUD_CHANGE.put(decision, "the second person's decision on a held change (FourEyesTest, "
                    + "FourEyesDefaultsTest, InsiderAttacksTest): it sends exactly what was held, or nothing");
        }
        for (String stop : List.of("POST /bulk/jobs/{id}/cancel", "POST /bulk/jobs/{id}/withdraw",
                "POST /history/{id}/withdraw", "POST /api/v1/bulk-jobs/{id}/cancel",
                "POST /api/v1/bulk-jobs/{id}/withdraw", "POST /api/v1/approvals/{id}/withdraw")) {
            NO_CLOUD_CHANGE.put(stop, "stops what was not sent yet; it sends nothing");
        }
        NO_CLOUD_CHANGE.put("POST /history/{id}/status", "reads SecMaster's delivery records of a policy");
        for (String account : List.of("POST /account/password", "POST /account/tokens",
                "POST /account/tokens/{id}/revoke", "POST /admin/logins/unlock", "POST /admin/users",
                "POST /admin/users/{id}/password", "POST /admin/users/{id}/roles", "POST /admin/users/{id}/enabled",
                "POST /logout")) {
            NO_CLOUD_CHANGE.put(account, "an account, token, lock or session of the console (in the audit chain)");
        }
        NO_CLOUD_CHANGE.put("POST /audit/integrity", "verifies the audit chain");
        NO_CLOUD_CHANGE.put("POST /admin/sandbox", "the simulated cloud's fault injection, not a cloud");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String CFW = TestFormFactory.CFW;
    private static final String IAM = "5c9f0e1d-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String IMAGES = "5fa265c0aa1e6afc05a0ff07";
    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\"([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern REQUEST_BODY = Pattern.compile("<pre id=\"request-body\">(.*?)</pre>", Pattern.DOTALL);

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    ApprovalsUseCase approvals;

    @Inject
    ApiTokensUseCase apiTokens;

    @Inject
    SandboxState sandbox;

    @Inject
    SandboxRules rules;

    @Inject
    SandboxFaults faults;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void healTheSandbox() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
        faults.failLayers(Set.of());
    }

    @Test
    void everyWriteRouteHasADecisionInTheMatrix() {
        Set<String> decided = new java.util.TreeSet<>(NO_CLOUD_CHANGE.keySet());
        decided.addAll(cases().keySet());

        assertThat(ConsoleRoutes.writes()).as("write routes (add their cases, or say why they change nothing)")
                .isSubsetOf(decided);
        assertThat(decided).as("rows whose route no longer exists").isSubsetOf(ConsoleRoutes.writes());
        assertThat(cases().keySet()).as("a route either changes the cloud or not").doesNotContainAnyElementsOf(
                NO_CLOUD_CHANGE.keySet());
    }

    @Test
    void eachConditionOnEachWriteRouteIsHeldOrSentAsThePolicySays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<String> heldCases = new ArrayList<>();
        List<Sent> held = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<Case>> route : cases().entrySet()) {
            Person operator = person();
            for (Case c : route.getValue()) {
                String name = route.getKey() + " — " + c.condition();
                Person person = c.ownRequester() ? person() : operator;
                long started = System.nanoTime();
                Sent sent = c.attempt().send(person);
                boolean isHeld = heldBy(person) > sent.heldBefore();
                String after = c.expect() == Expect.SENT ? changedWithin(sent, Duration.ofSeconds(20)) : sent.cloud().get();
                boolean changed = !after.equals(sent.before());
                Expect actual = isHeld && !changed ? Expect.HELD : !isHeld && changed ? Expect.SENT
                        : !isHeld ? Expect.REFUSED : null;
                checked++;
                System.out.printf("ApprovalMatrixTest: %s → %s in %d ms%n", name, actual,
                        (System.nanoTime() - started) / 1_000_000);
                if (actual != c.expect()) {
                    mismatches.add(name + ": expected " + c.expect() + ", got " + (actual == null
                            ? "held AND sent" : actual) + " (" + sent.answer().statusCode() + ", cloud before "
                            + sent.before() + ", after " + after + ") " + sent.answer().asString().replaceAll("(?s).*<main", "<main")
                            .replaceAll("(?s)</main>.*", "").replaceAll("\\s+", " "));
                } else if (actual == Expect.HELD) {
                    heldCases.add(name);
                    held.add(sent);
                }
            }
        }
        System.out.println("ApprovalMatrixTest: " + cases().size() + " write routes, " + checked + " cases, "
                + NO_CLOUD_CHANGE.size() + " routes that change nothing in the cloud");
        assertThat(mismatches).as("cases answered otherwise than the approval policy says").isEmpty();

        ApiTest.schedulerHasRun(accounts);
        for (int i = 0; i < held.size(); i++) {
            assertThat(held.get(i).cloud().get()).as("still unchanged after the scheduler ran: " + heldCases.get(i))
                    .isEqualTo(held.get(i).before());
        }
    }

    // --- the cases ---------------------------------------------------------------------------------------------------

    private Map<String, List<Case>> cases() {
        Map<String, List<Case>> cases = new LinkedHashMap<>();
        cases.put("POST /policies/submit", List.of(
                new Case("a BLOCK of one address", Expect.SENT, p -> pageCreate(p, blockFields(fresh()))),
                new Case("a /16 (the widest sent at once)", Expect.SENT, p -> pageCreate(p, blockFields(sixteen()))),
                new Case("a WHITE entry", Expect.HELD, p -> pageCreate(p, whiteFields(fresh()))),
                new Case("a block of IAM user names", Expect.HELD, p -> pageCreate(p, userNameFields(userName()))),
                new Case("an IPv4 range wider than /16", Expect.HELD, p -> pageCreate(p, blockFields(fifteen()))),
                new Case("an IPv6 range wider than /48", Expect.HELD, p -> pageCreate(p, blockFields(ipv6Wide())))));
        cases.put("POST /api/v1/emergency-policies", List.of(
                new Case("a BLOCK of one address", Expect.SENT, p -> apiCreate(p, blockFields(fresh()))),
                new Case("a WHITE entry", Expect.HELD, p -> apiCreate(p, whiteFields(fresh()))),
                new Case("a block of IAM user names", Expect.HELD, p -> apiCreate(p, userNameFields(userName()))),
                new Case("an IPv4 range wider than /16", Expect.HELD, p -> apiCreate(p, blockFields(fifteen()))),
                new Case("an IPv6 range wider than /48", Expect.HELD, p -> apiCreate(p, blockFields(ipv6Wide())))));
        cases.put("POST /bulk/start", List.of(
                new Case("three BLOCK addresses", Expect.SENT, p -> pageBulk(p, blockFields(null), fresh(3))),
                new Case("WHITE entries", Expect.HELD, p -> pageBulk(p, whiteFields(null), fresh(3))),
                new Case("IAM user names", Expect.HELD, p -> pageBulk(p, userNameFields(null),
                        List.of(userName(), userName()))),
                new Case("a range wider than /16 among them", Expect.HELD, p -> pageBulk(p, blockFields(null),
                        List.of(fresh(), fifteen()))),
                new Case("more than 1,000 objects", Expect.HELD, p -> pageBulk(p, blockFields(null), fresh(1_001)),
                        true)));
        cases.put("POST /api/v1/bulk-jobs", List.of(
                new Case("three BLOCK addresses", Expect.SENT, p -> apiBulk(p, blockFields(null), fresh(3))),
                new Case("WHITE entries", Expect.HELD, p -> apiBulk(p, whiteFields(null), fresh(3))),
                new Case("IAM user names", Expect.HELD, p -> apiBulk(p, userNameFields(null),
                        List.of(userName(), userName()))),
                new Case("a range wider than /16 among them", Expect.HELD, p -> apiBulk(p, blockFields(null),
                        List.of(fresh(), fifteen()))),
                new Case("more than 1,000 objects", Expect.HELD, p -> apiBulk(p, blockFields(null), fresh(1_001)),
                        true),
                new Case("more than 1,000 objects in two jobs of 600", Expect.HELD, p -> {
                    Sent first = apiBulk(p, blockFields(null), fresh(600));
                    changedWithin(first, Duration.ofSeconds(20));
                    return apiBulk(p, blockFields(null), fresh(600));
                }, true)));
        for (boolean api : List.of(false, true)) {
            String remove = api ? "POST /api/v1/blocks/remove" : "POST /blocks/remove";
            cases.put(remove, List.of(
                    new Case("removing a BLOCK", Expect.SENT, p -> removal(p, api, policyInSandbox("BLOCK", null))),
                    new Case("removing a WHITE", Expect.HELD, p -> removal(p, api, policyInSandbox("WHITE", null)))));
            String ageing = api ? "POST /api/v1/blocks/ageing" : "POST /blocks/ageing";
            cases.put(ageing, List.of(
                    new Case("a BLOCK made permanent (BLOCK ageing is not held by default)", Expect.SENT,
                            p -> ageing(p, api, policyInSandbox("BLOCK", inDays(1)), "")),
                    new Case("a WHITE made permanent", Expect.HELD,
                            p -> ageing(p, api, policyInSandbox("WHITE", inDays(1)), "")),
                    new Case("a WHITE ageing out later", Expect.HELD,
                            p -> ageing(p, api, policyInSandbox("WHITE", inDays(1)), "30d")),
                    new Case("a WHITE ageing out sooner", Expect.SENT,
                            p -> ageing(p, api, policyInSandbox("WHITE", inDays(30)), "1d"))));
        }
        cases.put("POST /rules/submit", List.of(
                new Case("adding a rule", Expect.SENT, this::pageAddRule)));
        cases.put("POST /api/v1/config-rules", List.of(
                new Case("adding a rule", Expect.SENT, this::apiAddRule)));
        for (boolean api : List.of(false, true)) {
            String operate = api ? "POST /api/v1/config-rules/{id}/{action}" : "POST /rules/{id}/{action}";
            cases.put(operate, List.of(
                    new Case("enable", Expect.SENT, p -> operation(p, api, ruleInSandbox(false), "enable")),
                    new Case("evaluate", Expect.SENT, p -> operation(p, api, ruleInSandbox(true), "evaluate")),
                    new Case("disable", Expect.HELD, p -> operation(p, api, ruleInSandbox(true), "disable")),
                    new Case("delete", Expect.HELD, p -> operation(p, api, ruleInSandbox(false), "delete"))));
        }
        cases.put("POST /rules/bulk", List.of(
                new Case("enable two", Expect.SENT, p -> pageBulkRules(p, "enable", ruleInSandbox(false),
                        ruleInSandbox(false))),
                new Case("disable two", Expect.HELD, p -> pageBulkRules(p, "disable", ruleInSandbox(true),
                        ruleInSandbox(true))),
                new Case("delete two", Expect.HELD, p -> pageBulkRules(p, "delete", ruleInSandbox(false),
                        ruleInSandbox(false)))));
        cases.put("POST /rules/{id}/update", List.of(
                new Case("a new description", Expect.SENT, p -> pageUpdate(p, "description", "images we ship")),
                new Case("new parameters", Expect.HELD, p -> pageUpdate(p, "parameters",
                        "{\"listOfAllowedImages\": [\"" + SandboxInventory.STANDARD_IMAGE + "\", \""
                                + SandboxInventory.LEGACY_IMAGE + "\"]}")),
                new Case("a narrower scope", Expect.HELD, p -> pageUpdate(p, "f_region_id", "cn-north-4"))));
        cases.put("PUT /api/v1/config-rules/{id}", List.of(
                new Case("a new description", Expect.SENT, p -> apiUpdate(p, "\"description\": \"images we ship\",",
                        "")),
                new Case("a narrower scope", Expect.HELD, p -> apiUpdate(p, "", ", \"region_id\": \"cn-north-4\""))));
        for (boolean api : List.of(false, true)) {
            String retry = api ? "POST /api/v1/emergency-policies/{entry}/retry" : "POST /history/{id}/retry";
            cases.put(retry, List.of(
                    new Case("a BLOCK whose create timed out", Expect.SENT, p -> retry(p, api, Fixture.BLOCK)),
                    new Case("a WHITE whose approved create timed out (re-delivered as approved)", Expect.SENT,
                            p -> retry(p, api, Fixture.APPROVED_WHITE)),
                    new Case("a WHITE still awaiting approval", Expect.REFUSED, p -> retry(p, api, Fixture.HELD_WHITE))));
        }
        cases.put("POST /history/{id}/retry-layers", List.of(
                new Case("a BLOCK with a failed layer", Expect.SENT, p -> retryLayers(p, false)),
                new Case("an approved WHITE with a failed layer (re-delivered as approved)", Expect.SENT,
                        p -> retryLayers(p, true))));
        for (boolean api : List.of(false, true)) {
            String retry = api ? "POST /api/v1/bulk-jobs/{id}/retry-failed" : "POST /bulk/jobs/{id}/retry-failed";
            cases.put(retry, List.of(
                    new Case("a BLOCK job's refused delivery", Expect.SENT, p -> retryFailed(p, api, false)),
                    new Case("an approved WHITE job's refused delivery (its approval covers it)", Expect.SENT,
                            p -> retryFailed(p, api, true))));
        }
        return cases;
    }

    // --- creates -----------------------------------------------------------------------------------------------------

    private Sent pageCreate(Person p, Map<String, String> fields) throws Exception {
        String target = fields.get("block_target");
        return send(p, () -> policiesWith(target), () -> confirm(p.session(), "/policies/preview", fields));
    }

    private Sent apiCreate(Person p, Map<String, String> fields) throws Exception {
        String target = fields.get("block_target");
        ObjectNode data = dataObject(p, fields);
        return send(p, () -> policiesWith(target), () -> ApiTest.api(p.token()).body(ApiTest.body(data, true))
                .post("/api/v1/emergency-policies"));
    }

    private Sent pageBulk(Person p, Map<String, String> template, List<String> objects) throws Exception {
        p.session().get("/bulk/new");
        RequestSpecification plan = p.session().request().multiPart(ConsoleSession.CSRF_FIELD, p.session().csrfToken())
                .multiPart("description", "matrix");
        for (Map.Entry<String, String> field : template.entrySet()) {
            plan = plan.multiPart(field.getKey(), field.getValue());
        }
        String page = plan.multiPart("batch", String.join("\n", objects)).post("/bulk/plan").asString();
        return send(p, () -> policiesWith(objects.get(objects.size() - 1)), () -> submit(p.session(), page,
                "/bulk/start"));
    }

    private Sent apiBulk(Person p, Map<String, String> template, List<String> objects) throws Exception {
        Map<String, String> first = new LinkedHashMap<>(template);
        first.put("block_target", objects.get(0));
        ObjectNode data = dataObject(p, first);
        data.remove("block_target");
        ObjectNode body = JSON.createObjectNode();
        body.set("data_object", data);
        objects.forEach(body.putArray("objects")::add);
        body.put("acknowledge_warnings", true);
        return send(p, () -> policiesWith(objects.get(objects.size() - 1)),
                () -> ApiTest.api(p.token()).body(body.toString()).post("/api/v1/bulk-jobs"));
    }

    // --- after a create ----------------------------------------------------------------------------------------------

    private Sent removal(Person p, boolean api, String policyId) throws Exception {
        return send(p, () -> policy(policyId), () -> api
                ? ApiTest.api(p.token()).body("{\"policy_ids\": [\"" + policyId + "\"], \"acknowledge_warnings\": true}")
                        .post("/api/v1/blocks/remove")
                : confirm(p.session(), "/blocks/remove/preview", Map.of("policy_id", policyId)));
    }

    private Sent ageing(Person p, boolean api, String policyId, String ageing) throws Exception {
        if (api) {
            return send(p, () -> policy(policyId), () -> ApiTest.api(p.token()).body("{\"policy_id\": \"" + policyId
                    + "\", \"ageing\": \"" + ageing + "\", \"acknowledge_warnings\": true}").post("/api/v1/blocks/ageing"));
        }
        Map<String, String> fields = hiddenFields(p.session().get("/blocks/" + policyId + "/ageing").asString(),
                "/blocks/ageing/preview");
        fields.put("ageing", ageing);
        return send(p, () -> policy(policyId), () -> confirm(p.session(), "/blocks/ageing/preview", fields));
    }

    // --- Config rules ------------------------------------------------------------------------------------------------

    private Sent pageAddRule(Person p) throws Exception {
        String name = "am-" + UUID.randomUUID().toString().substring(0, 8);
        p.session().get("/rules/new");
        return send(p, () -> rulesNamed(name), () -> confirm(p.session(), "/rules/preview", imagesRule(name)));
    }

    private Sent apiAddRule(Person p) throws Exception {
        String name = "am-" + UUID.randomUUID().toString().substring(0, 8);
        return send(p, () -> rulesNamed(name), () -> ApiTest.api(p.token()).body("{\"rule\": {\"name\": \"" + name
                + "\", \"policy_definition_id\": \"5fa36008ef6d1b3dc5f8a1c2\", \"policy_filter\":"
                + " {\"resource_provider\": \"evs\", \"resource_type\": \"volumes\"}}}").post("/api/v1/config-rules"));
    }

    private Sent operation(Person p, boolean api, String ruleId, String action) throws Exception {
        return send(p, () -> rule(ruleId), () -> api
                ? ApiTest.api(p.token()).body("{\"acknowledge_warnings\": true}")
                        .post("/api/v1/config-rules/" + ruleId + "/" + action)
                : confirm(p.session(), "/rules/" + ruleId + "/" + action + "/preview", Map.of()));
    }

    private Sent pageBulkRules(Person p, String action, String... ruleIds) throws Exception {
        p.session().get("/rules");
        RequestSpecification preview = p.session().form().formParam("action", action);
        for (String id : ruleIds) {
            preview = preview.formParam("rule_id", id);
        }
        String page = preview.post("/rules/bulk/preview").asString();
        return send(p, () -> java.util.Arrays.stream(ruleIds).map(this::rule).collect(Collectors.joining("; ")),
                () -> submit(p.session(), page, "/rules/bulk"));
    }

    private Sent pageUpdate(Person p, String field, String value) throws Exception {
        String name = "am-" + UUID.randomUUID().toString().substring(0, 8);
        String ruleId = imagesRuleInSandbox(name);
        Map<String, String> fields = imagesRule(name);
        fields.put(field, value);
        p.session().get("/rules/" + ruleId + "/edit");
        return send(p, () -> rule(ruleId), () -> confirm(p.session(), "/rules/" + ruleId + "/update/preview",
                fields));
    }

    private Sent apiUpdate(Person p, String description, String filter) throws Exception {
        String name = "am-" + UUID.randomUUID().toString().substring(0, 8);
        String rule = "{\"name\": \"" + name + "\", \"policy_definition_id\": \"5fa36008ef6d1b3dc5f8a1c2\", %s"
                + " \"policy_filter\": {\"resource_provider\": \"evs\", \"resource_type\": \"volumes\"%s}}";
        String ruleId = rules.add(DOMAIN, ConfigRule.builder().builtin("5fa36008ef6d1b3dc5f8a1c2").name(name)
                .policyFilter(PolicyFilter.forResources("evs", "volumes")).build()).orElseThrow().id();
        return send(p, () -> rule(ruleId), () -> ApiTest.api(p.token()).body("{\"rule\": "
                + rule.formatted(description, filter) + ", \"acknowledge_warnings\": true}")
                .put("/api/v1/config-rules/" + ruleId));
    }

    // --- retries -----------------------------------------------------------------------------------------------------

    /** The entry a retry case starts from. */
    enum Fixture { BLOCK, APPROVED_WHITE, HELD_WHITE }

    private Sent retry(Person p, boolean api, Fixture fixture) throws Exception {
        String target = fresh();
        long entry;
        if (fixture == Fixture.HELD_WHITE) {
            entry = entryOf(confirm(p.session(), "/policies/preview", whiteFields(target)));
        } else if (fixture == Fixture.APPROVED_WHITE) {
            entry = entryOf(confirm(p.session(), "/policies/preview", whiteFields(target)));
            faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
            SecondPerson.approve(approvals, accounts, entry);
            healTheSandbox();
        } else {
            faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
            entry = entryOf(confirm(p.session(), "/policies/preview", blockFields(target)));
            healTheSandbox();
        }
        return send(p, () -> policiesWith(target), () -> api
                ? ApiTest.api(p.token()).post("/api/v1/emergency-policies/" + entry + "/retry")
                : p.session().post("/history/" + entry + "/retry", Map.of()));
    }

    private Sent retryLayers(Person p, boolean white) throws Exception {
        String target = fresh();
        faults.failLayers(Set.of("CFW"));
        long entry = entryOf(confirm(p.session(), "/policies/preview", white ? whiteFields(target)
                : blockFields(target)));
        if (white) {
            SecondPerson.approve(approvals, accounts, entry);
        }
        waitFor(() -> p.session().get("/history/" + entry).asString(),
                page -> page.contains("id=\"delivery-check\">FAILED"));
        healTheSandbox();
        return send(p, () -> policiesWith(target), () -> p.session().post("/history/" + entry + "/retry-layers",
                Map.of()));
    }

    private Sent retryFailed(Person p, boolean api, boolean white) throws Exception {
        List<String> objects = fresh(2);
        faults.failLayers(Set.of("CFW"));
        Sent started = apiBulk(p, white ? whiteFields(null) : blockFields(null), objects);
        long job = JSON.readTree(started.answer().asString()).get("job_id").asLong();
        if (white) {
            SecondPerson.approveJob(approvals, accounts, job);
        }
        waitFor(() -> ApiTest.api(p.token()).get("/api/v1/bulk-jobs/" + job).asString(),
                body -> body.contains("\"status\":\"FINISHED\"") && !body.contains("\"failed\":0"));
        healTheSandbox();
        return send(p, () -> policiesWith(objects.get(0)), () -> api
                ? ApiTest.api(p.token()).post("/api/v1/bulk-jobs/" + job + "/retry-failed")
                : p.session().post("/bulk/jobs/" + job + "/retry-failed", Map.of()));
    }

    /** Sends {@code call} as {@code p}, noting what the cloud held and what {@code p} had held before. */
    private Sent send(Person p, Supplier<String> cloud, java.util.concurrent.Callable<Response> call) throws Exception {
        String before = cloud.get();
        int heldBefore = heldBy(p);
        Response answer = call.call();
        return new Sent(answer, before, cloud, heldBefore);
    }

    // --- the forms ---------------------------------------------------------------------------------------------------

    private static Map<String, String> blockFields(String target) {
        return policyFields("BLOCK", "Source Ip", CFW, target);
    }

    private static Map<String, String> whiteFields(String target) {
        return policyFields("WHITE", "Source Ip", CFW, target);
    }

    private static Map<String, String> userNameFields(String target) {
        return policyFields("BLOCK", "User Name", IAM, target);
    }

    private static Map<String, String> policyFields(String category, String type, String connection, String target) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project_id", "3bb27e024693436da46b5f5aaf499060");
        fields.put("workspace_id", SandboxState.WORKSPACE_ID);
        fields.put("secmaster_version", "25.5.0");
        fields.put("region_id", "cn-north-7");
        fields.put("policy_category", category);
        fields.put("policy_type", type);
        fields.put("connection", connection);
        if (target != null) {
            fields.put("block_target", target);
        }
        return fields;
    }

    private static Map<String, String> imagesRule(String name) {
        return TestFormFactory.imagesRule(DOMAIN, name);
    }

    /** The data_object the emergency-policy form would send for {@code fields}, read from its preview. */
    private static ObjectNode dataObject(Person p, Map<String, String> fields) throws Exception {
        p.session().get("/policies/new");
        Matcher body = REQUEST_BODY.matcher(p.session().post("/policies/preview", fields).asString());
        assertThat(body.find()).as("a preview of " + fields).isTrue();
        return (ObjectNode) JSON.readTree(unescape(body.group(1))).get("data_object");
    }

    /** Posts {@code fields} to a preview, then confirms it with the form the preview page shows, as a person would. */
    private static Response confirm(ConsoleSession session, String preview, Map<String, String> fields) {
        if (session.cookies().get(ConsoleSession.CSRF_COOKIE) == null) {
            session.get("/");
        }
        Response page = session.post(preview, fields);
        return page.statusCode() == 200 ? submit(session, page.asString(), null) : page;
    }

    /** Submits the form of {@code page} that does not lead to a preview (the one to {@code action} when given). */
    private static Response submit(ConsoleSession session, String page, String action) {
        Matcher form = FORM.matcher(page);
        String to = null;
        boolean multipart = false;
        String inside = null;
        while (form.find()) {
            if (!form.group(1).endsWith("/preview") && !form.group(1).equals("/logout")
                    && (action == null || form.group(1).equals(action))) {
                to = unescape(form.group(1));
                multipart = form.group(2).contains("multipart/form-data");
                inside = form.group(3);
            }
        }
        assertThat(to).as("a confirmation form on the page: " + page.replaceAll("(?s).*<main", "<main")).isNotNull();
        RequestSpecification request = multipart ? session.request() : session.request()
                .contentType(ConsoleSession.FORM_CONTENT_TYPE);
        Matcher hidden = HIDDEN.matcher(inside);
        while (hidden.find()) {
            request = multipart ? request.multiPart(hidden.group(1), unescape(hidden.group(2)))
                    : request.formParam(hidden.group(1), unescape(hidden.group(2)));
        }
        if (inside.contains("name=\"acknowledge\"")) {
            request = multipart ? request.multiPart("acknowledge", "yes") : request.formParam("acknowledge", "yes");
        }
        return request.post(to);
    }

    private static Map<String, String> hiddenFields(String page, String action) {
        Matcher form = FORM.matcher(page);
        Map<String, String> fields = new LinkedHashMap<>();
        while (form.find()) {
            if (form.group(1).equals(action)) {
                Matcher hidden = HIDDEN.matcher(form.group(3));
                while (hidden.find()) {
                    if (!hidden.group(1).equals(ConsoleSession.CSRF_FIELD)) {
                        fields.put(hidden.group(1), unescape(hidden.group(2)));
                    }
                }
            }
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static long entryOf(Response answer) {
        String location = answer.header("Location");
        assertThat(location).as("a history entry: " + answer.statusCode()).isNotNull().contains("/history/");
        return Long.parseLong(location.replaceAll(".*/history/(\\d+).*", "$1"));
    }

    // --- the people, the fixtures, the cloud -------------------------------------------------------------------------

    private Person person() {
        TestUser user = TestUserFactory.create(accounts, "am", Roles.OPERATOR);
        String token = ((ApiTokensUseCase.Created.Made) apiTokens.create(user.name(), user.password(), "matrix",
                List.of(Roles.OPERATOR), Duration.ofDays(1))).token().secret();
        ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
        session.get("/");
        return new Person(user, session, token);
    }

    /** How many entries and jobs {@code person} has awaiting approval. */
    private int heldBy(Person person) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM request_history WHERE requested_by = ? AND status = 'AWAITING_APPROVAL')
                     + (SELECT count(*) FROM bulk_job WHERE requested_by = ? AND decision IS NULL)""")) {
            s.setString(1, person.user().name());
            s.setString(2, person.user().name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String policyInSandbox(String category, BlockAge age) {
        String ip = fresh();
        sandbox.create(SandboxState.WORKSPACE_ID, EmergencyPolicy.builder().policyCategory(category)
                .policyType("Source Ip").targets(List.of(ip)).blockAge(age == null ? BlockAge.none() : age)
                .defensePolicyList(List.of(new DefenseConnection(CFW, "CFW", null, null, "CFW", null, null, null, null)))
                .build());
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream().filter(p -> p.policy().targets().contains(ip))
                .findFirst().orElseThrow().id();
    }

    private String ruleInSandbox(boolean enabled) {
        String id = imagesRuleInSandbox("am-" + UUID.randomUUID().toString().substring(0, 8));
        if (!enabled) {
            assertThat(rules.disable(DOMAIN, id)).isNull();
        }
        return id;
    }

    private String imagesRuleInSandbox(String name) {
        return rules.add(DOMAIN, ConfigRule.builder().builtin(IMAGES).name(name)
                .policyFilter(PolicyFilter.forResources("ecs", "cloudservers"))
                .parameter("listOfAllowedImages", JsonValue.strings(SandboxInventory.STANDARD_IMAGE)).build())
                .orElseThrow().id();
    }

    /** SecMaster's policies that hold {@code target}: ID, category, ageing and deliveries of each. */
    private String policiesWith(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream()
                .filter(p -> p.policy().targets().contains(target)).map(this::describe).sorted()
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private String policy(String id) {
        return sandbox.policy(SandboxState.WORKSPACE_ID, id).map(this::describe).orElse("(none)");
    }

    private String describe(SandboxState.StoredPolicy p) {
        return p.id() + " " + p.policy().policyCategory() + " age=" + p.policy().blockAge() + " deliveries="
                + p.deliveries();
    }

    private String rulesNamed(String name) {
        return rules.rules(DOMAIN).stream().filter(r -> name.equals(r.rule().name())).map(this::describe)
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private String rule(String id) {
        SandboxRules.Lookup found = rules.find(DOMAIN, id);
        return found.rule() == null ? "(none)" : describe(found.rule());
    }

    private String describe(SandboxRules.StoredRule r) {
        return r.id() + " enabled=" + r.enabled() + " evaluated="
                + (r.evaluation() == null ? null : r.evaluation().startedAt()) + " rule=" + r.rule();
    }

    /** Waits until the cloud changes after {@code sent} (a bulk job's deliveries run in the background). */
    private static String changedWithin(Sent sent, Duration limit) throws InterruptedException {
        String now = sent.cloud().get();
        for (Instant until = Instant.now().plus(limit); now.equals(sent.before()) && Instant.now().isBefore(until); ) {
            Thread.sleep(50);
            now = sent.cloud().get();
        }
        return now;
    }

    private static String waitFor(Supplier<String> read, java.util.function.Predicate<String> done)
            throws InterruptedException {
        String now = read.get();
        for (Instant until = Instant.now().plusSeconds(20); !done.test(now) && Instant.now().isBefore(until); ) {
            Thread.sleep(100);
            now = read.get();
        }
        assertThat(done.test(now)).as("in time: " + now.replaceAll("(?s).*<main", "<main")).isTrue();
        return now;
    }

    /**
     * The next of the addresses 72.0.0.1–75.255.255.250 (last octets 1–250), which only this test uses, from a random
     * start: what it blocks or allows never overlaps another test's objects.
     */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ADDRESS = new java.util.concurrent.atomic.AtomicLong(
            java.util.concurrent.ThreadLocalRandom.current().nextLong(4L * 65_536 * 250));
    private static final java.util.concurrent.atomic.AtomicInteger SIXTEENS = new java.util.concurrent.atomic.AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(256));

    private static String fresh() {
        return fresh(1).get(0);
    }

    private static List<String> fresh(int n) {
        long first = NEXT_ADDRESS.getAndAdd(n);
        List<String> addresses = new ArrayList<>();
        for (long i = first; i < first + n; i++) {
            long rest = i / 250 % (4L * 65_536);
            addresses.add((72 + rest / 65_536) + "." + (rest / 256 % 256) + "." + (rest % 256) + "." + (i % 250 + 1));
        }
        return addresses;
    }

    /** A /16 in 76.0.0.0/8, which only this test uses: the widest range sent at once. */
    private static String sixteen() {
        return "76." + SIXTEENS.getAndIncrement() % 256 + ".0.0/16";
    }

    private static final java.util.concurrent.atomic.AtomicInteger FIFTEENS = new java.util.concurrent.atomic.AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(60));

    /** A /15 in 64.0.0.0–71.255.0.0 (no other test blocks there): wider than the widest sent at once. */
    private static String fifteen() {
        int n = FIFTEENS.getAndIncrement() % 1024;
        return (64 + n / 128) + "." + (n % 128 * 2) + ".0.0/15";
    }

    private static String ipv6Wide() {
        return "2001:db8:" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0x7fff) * 2)
                + "::/47";
    }

    private static String userName() {
        return "mallory-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static BlockAge inDays(int days) {
        return BlockAge.until(Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS));
    }
}
