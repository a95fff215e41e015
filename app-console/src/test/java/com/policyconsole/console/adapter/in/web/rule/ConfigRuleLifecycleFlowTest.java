package com.policyconsole.console.adapter.in.web.rule;

import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.SecondPerson;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.sandbox.SandboxFaults;
import com.policyconsole.sandbox.SandboxInventory;
import com.policyconsole.sandbox.SandboxRules;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The life of a Config rule over HTTP against the sandbox: a staged rollout, the rule list and page, each operation
 * previewed, confirmed and recorded, a delete in two steps, bulk actions, updates, and every bad input refused with a
 * clear message and nothing sent.
 */
@QuarkusTest
class ConfigRuleLifecycleFlowTest {

    private static final String DOMAIN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Inject
    SandboxRules rules;

    @Inject
    SandboxFaults faults;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApprovalsUseCase approvals;

    @Inject
    ManageAccountsUseCase accounts;

    @AfterEach
    void heal() {
        rules.evaluationTime(Duration.ZERO);
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> imagesRule(String name) {
        return TestFormFactory.imagesRule(DOMAIN, name);
    }

    /** A rule the sandbox holds, added behind the console's back. */
    private String configHolds(String name, boolean enabled) {
        String id = rules.add(DOMAIN, ConfigRule.builder().builtin("5fa265c0aa1e6afc05a0ff07").name(name)
                .policyFilter(PolicyFilter.forResources("ecs", "cloudservers"))
                .parameter("listOfAllowedImages", JsonValue.strings(SandboxInventory.STANDARD_IMAGE)).build())
                .orElseThrow().id();
        if (!enabled) {
            assertThat(rules.disable(DOMAIN, id)).isNull();
        }
        return id;
    }

    /** The held entry a response leads to, approved by a second person. */
    private String approved(Response response) {
        String entry = entryOf(response);
        SecondPerson.approve(approvals, accounts, Long.parseLong(entry));
        return entry;
    }

    /** Approves, as a second person, every entry on the rule {@code ruleName} that awaits approval. */
    private void approveHeld(String ruleName) throws Exception {
        List<Long> held = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM request_history WHERE rule_name = ? AND status = 'AWAITING_APPROVAL' ORDER BY id")) {
            s.setString(1, ruleName);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    held.add(r.getLong(1));
                }
            }
        }
        assertThat(held).as("held entries on " + ruleName).isNotEmpty();
        held.forEach(id -> SecondPerson.approve(approvals, accounts, id));
    }

    private static String entryOf(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(303);
        String location = response.header("Location");
        return location.substring(location.indexOf("/history/") + "/history/".length());
    }

    private List<String> operationsOn(String ruleName) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT operation || ' ' || status || coalesce(' step of ' || step_of, '') FROM request_history"
                        + " WHERE rule_name = ? ORDER BY id")) {
            s.setString(1, ruleName);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1).replaceAll(" step of \\d+", " step"));
                }
            }
        }
        return found;
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aStagedRolloutAddsEvaluatesShowsWhatItWouldFlagAndRemovesTheRuleInOneClick() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");
        String name = uniqueName("staged");
        Map<String, String> form = new java.util.HashMap<>(imagesRule(name));
        form.put("staged", "yes");

        Response added = session.post("/rules/submit", form);
        assertThat(added.statusCode()).isEqualTo(303);
        String rollout = added.header("Location");
        assertThat(rollout).matches(".*/rules/[0-9a-f]{24}/rollout");
        String ruleId = rollout.replaceAll(".*/rules/([0-9a-f]{24})/rollout", "$1");

        String page = session.get("/rules/" + ruleId + "/rollout").then().statusCode(200).extract().asString();
        assertThat(page).contains("The rule would flag <strong>2 of 5</strong> resources").contains("ecs-batch-1")
                .contains("ecs-batch-2").contains("id=\"remove\"").contains("id=\"keep\"");
        assertThat(operationsOn(name)).containsExactly("ADD_CONFIG_RULE SUCCEEDED", "EVALUATE_CONFIG_RULE SUCCEEDED");

        Response removed = session.post("/rules/" + ruleId + "/delete", Map.of("acknowledge", "yes"));
        String deleteEntry = approved(removed);
        assertThat(rules.find(DOMAIN, ruleId).refusal()).as("deleted once a second person approved").isNotNull();
        assertThat(rules.find(DOMAIN, ruleId).refusal().code()).isEqualTo(SandboxRules.NOT_FOUND);
        assertThat(operationsOn(name)).containsExactly("ADD_CONFIG_RULE SUCCEEDED", "EVALUATE_CONFIG_RULE SUCCEEDED",
                "DELETE_CONFIG_RULE SUCCEEDED", "DISABLE_CONFIG_RULE SUCCEEDED step");
        String entry = session.get("/history/" + deleteEntry).then().statusCode(200).extract().asString();
        assertThat(entry).contains("DELETE_CONFIG_RULE").contains("SUCCEEDED");
        assertThat(session.get("/rules").asString()).doesNotContain(ruleId);
        assertThat(session.post("/rules/preview", imagesRule(name)).statusCode())
                .as("a deleted rule's name is free again").isEqualTo(200);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void disableEnableEvaluateAndDeleteArePreviewedConfirmedAndRecorded() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules");
        String name = uniqueName("ops");
        String ruleId = configHolds(name, true);

        String list = session.get("/rules").then().statusCode(200).extract().asString();
        assertThat(list).contains("data-rule=\"" + ruleId + "\"").contains("not in the history").contains(name);
        String rulePage = session.get("/rules/" + ruleId).then().statusCode(200).extract().asString();
        assertThat(rulePage).contains("id=\"disable\"").contains("id=\"evaluate\"").doesNotContain("id=\"enable\"")
                .contains("flags <strong>2 of 5</strong>");

        String preview = session.post("/rules/" + ruleId + "/disable/preview", Map.of()).then().statusCode(200)
                .extract().asString();
        assertThat(preview).contains("POST").contains("/policy-assignments/" + ruleId + "/disable")
                .contains("id=\"confirm\"");
        String disable = entryOf(session.post("/rules/" + ruleId + "/disable", Map.of()));
        assertThat(rules.find(DOMAIN, ruleId).rule().enabled()).as("held for a second person").isTrue();
        SecondPerson.approve(approvals, accounts, Long.parseLong(disable));
        assertThat(rules.find(DOMAIN, ruleId).rule().enabled()).isFalse();

        assertThat(session.post("/rules/" + ruleId + "/disable/preview", Map.of()).then().statusCode(422).extract()
                .asString()).as("a disable of a disabled rule").contains("is disabled already; nothing is sent");
        assertThat(session.post("/rules/" + ruleId + "/evaluate", Map.of()).statusCode())
                .as("an evaluation of a disabled rule").isEqualTo(422);

        entryOf(session.post("/rules/" + ruleId + "/enable", Map.of()));
        Response evaluated = session.post("/rules/" + ruleId + "/evaluate", Map.of());
        assertThat(evaluated.statusCode()).isEqualTo(303);
        assertThat(evaluated.header("Location")).contains("/rules/" + ruleId + "?notice=evaluation-");
        assertThat(session.get(evaluated.header("Location").substring(evaluated.header("Location").indexOf("/rules/")))
                .asString()).contains("Evaluation sent").contains("Last evaluation: <strong>Succeeded</strong>");

        String deletePreview = session.post("/rules/" + ruleId + "/delete/preview", Map.of()).then().statusCode(200)
                .extract().asString();
        assertThat(deletePreview).contains("Step 1 of 2").contains("/disable").contains("Step 2 of 2")
                .contains("DELETE").contains("id=\"acknowledge\"");
        assertThat(session.post("/rules/" + ruleId + "/delete", Map.of()).statusCode())
                .as("the two steps must be acknowledged").isEqualTo(409);
        approved(session.post("/rules/" + ruleId + "/delete", Map.of("acknowledge", "yes")));

        assertThat(operationsOn(name)).containsExactly("DISABLE_CONFIG_RULE SUCCEEDED", "ENABLE_CONFIG_RULE SUCCEEDED",
                "EVALUATE_CONFIG_RULE SUCCEEDED", "DELETE_CONFIG_RULE SUCCEEDED", "DISABLE_CONFIG_RULE SUCCEEDED step");
        assertThat(session.post("/rules/" + ruleId + "/enable/preview", Map.of()).then().statusCode(422).extract()
                .asString()).as("operating on a rule that no longer exists").contains("Config has no rule " + ruleId);
        assertThat(session.get("/rules/" + ruleId).statusCode()).isEqualTo(404);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aDeleteWhileEvaluatingIsRefusedAndSoIsTheDisableBeforeIt() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules");
        rules.evaluationTime(Duration.ofMinutes(5));
        String name = uniqueName("busy");
        String ruleId = configHolds(name, true);

        String refused = session.post("/rules/" + ruleId + "/delete", Map.of("acknowledge", "yes")).then()
                .statusCode(422).extract().asString();

        assertThat(refused).contains("is being evaluated; delete it when the evaluation has ended");
        assertThat(operationsOn(name)).isEmpty();
        assertThat(session.get("/rules/" + ruleId).asString()).contains("Config is evaluating the rule")
                .contains("http-equiv=\"refresh\"");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void anUpdateIsPreviewedWithTheNameFixedAndSent() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules");
        String name = uniqueName("upd");
        String ruleId = configHolds(name, true);

        String form = session.get("/rules/" + ruleId + "/edit").then().statusCode(200).extract().asString();
        assertThat(form).contains("value=\"" + name + "\"").contains("readonly").contains(SandboxInventory.STANDARD_IMAGE)
                .contains("value=\"5fa265c0aa1e6afc05a0ff07\" selected")
                .contains("/rules/" + ruleId + "/update/preview");

        Map<String, String> renamed = new java.util.HashMap<>(imagesRule(name + "-x"));
        assertThat(session.post("/rules/" + ruleId + "/update/preview", renamed).then().statusCode(422).extract()
                .asString()).contains("the name of a rule cannot change");
        Map<String, String> broken = new java.util.HashMap<>(imagesRule(name));
        broken.put("parameters", "{\"listOfAllowedImages\": \"not-a-list\"}");
        assertThat(session.post("/rules/" + ruleId + "/update", broken).statusCode())
                .as("an update that breaks a rule of the document").isEqualTo(422);

        Map<String, String> both = new java.util.HashMap<>(imagesRule(name));
        both.put("parameters", "{\"listOfAllowedImages\": [\"" + SandboxInventory.STANDARD_IMAGE + "\", \""
                + SandboxInventory.LEGACY_IMAGE + "\"]}");
        assertThat(session.post("/rules/" + ruleId + "/update/preview", both).then().statusCode(200).extract()
                .asString()).contains("PUT").contains("/policy-assignments/" + ruleId);
        String update = entryOf(session.post("/rules/" + ruleId + "/update", both));
        assertThat(operationsOn(name)).as("new parameters wait for a second person")
                .containsExactly("UPDATE_CONFIG_RULE AWAITING_APPROVAL");
        SecondPerson.approve(approvals, accounts, Long.parseLong(update));

        assertThat(operationsOn(name)).containsExactly("UPDATE_CONFIG_RULE SUCCEEDED");
        assertThat(session.get("/rules/" + ruleId).asString()).contains("flags <strong>0 of 5</strong>");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void bulkActionsSendEachRuleItsOwnEntryAndNameTheRulesTheyCannotSend() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules");
        String a = uniqueName("bulk");
        String b = uniqueName("bulk");
        String c = uniqueName("bulk");
        String idA = configHolds(a, true);
        String idB = configHolds(b, true);
        String idC = configHolds(c, false);

        String preview = session.form().formParam("action", "disable").formParam("rule_id", idA)
                .formParam("rule_id", idB).formParam("rule_id", idC).post("/rules/bulk/preview").then().statusCode(200)
                .extract().asString();
        assertThat(preview).contains("data-rule=\"" + idC + "\" data-sendable=\"false\"")
                .contains("data-rule=\"" + idA + "\" data-sendable=\"true\"").contains("is disabled already");

        String done = session.form().formParam("action", "disable").formParam("rule_id", idA)
                .formParam("rule_id", idB).formParam("rule_id", idC).post("/rules/bulk").then().statusCode(200)
                .extract().asString();
        assertThat(done).contains("AWAITING_APPROVAL").contains("NOT SENT");
        approveHeld(a);
        approveHeld(b);
        assertThat(List.of(idA, idB, idC)).allSatisfy(id -> assertThat(rules.find(DOMAIN, id).rule().enabled()).isFalse());
        assertThat(operationsOn(a)).containsExactly("DISABLE_CONFIG_RULE SUCCEEDED");
        assertThat(operationsOn(c)).isEmpty();

        session.form().formParam("action", "delete").formParam("rule_id", idA).formParam("rule_id", idB)
                .post("/rules/bulk").then().statusCode(200);
        approveHeld(a);
        assertThat(rules.find(DOMAIN, idA).refusal().code()).isEqualTo(SandboxRules.NOT_FOUND);
        assertThat(session.form().formParam("action", "explode").formParam("rule_id", idC).post("/rules/bulk")
                .statusCode()).isEqualTo(422);
        assertThat(session.form().formParam("action", "enable").post("/rules/bulk/preview").asString())
                .contains("Choose at least one rule");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void whenConfigFailsTheHistorySaysWhatHappened() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules");
        String name = uniqueName("fault");
        String ruleId = configHolds(name, false);
        faults.update(new SandboxFaults.Settings(100, 0, 0, 0));

        Response throttled = session.post("/rules/" + ruleId + "/enable/preview", Map.of());
        assertThat(throttled.statusCode()).as("Config cannot be read, so the state is not checked").isEqualTo(422);
        assertThat(throttled.asString()).contains("could not be read from Config");
        assertThat(session.post("/rules/" + ruleId + "/enable", Map.of()).statusCode()).isEqualTo(503);
        assertThat(operationsOn(name)).as("nothing recorded, nothing sent").isEmpty();
    }

    @Test
    @TestSecurity(user = "ann", roles = "auditor")
    void anAuditorSeesTheRulesWithoutActionButtonsAndIsRefusedEveryOperation() {
        String ruleId = configHolds(uniqueName("seen"), true);
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules");

        String list = session.get("/rules").then().statusCode(200).extract().asString();
        assertThat(list).contains(ruleId).doesNotContain("bulk-disable").doesNotContain("type=\"checkbox\"");
        String page = session.get("/rules/" + ruleId).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("id=\"operations\"").doesNotContain("/disable/preview");
        for (String path : List.of("/rules/" + ruleId + "/disable", "/rules/" + ruleId + "/disable/preview",
                "/rules/" + ruleId + "/delete", "/rules/bulk")) {
            assertThat(session.post(path, Map.of()).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(rules.find(DOMAIN, ruleId).rule().enabled()).isTrue();
    }
}
