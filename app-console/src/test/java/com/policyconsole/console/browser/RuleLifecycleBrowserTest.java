package com.policyconsole.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleBrowser;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxInventory;
import com.policyconsole.sandbox.SandboxRules;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The life of a Config rule in headless Debian Chromium: a built-in rule added with a staged rollout, its evaluation
 * followed to the end and its summary shown, kept; then disabled, enabled, evaluated and deleted from its page, each
 * previewed and confirmed; the history shows every step. An auditor sees the pages without action buttons and is
 * refused on every operation.
 */
@QuarkusTest
class RuleLifecycleBrowserTest {

    private static final String DOMAIN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxRules rules;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOperatorRollsOutARuleAndTakesItThroughItsLifeWhileAnAuditorOnlyWatches() throws Exception {
        TestUserFactory.TestUser operator = TestUserFactory.create(accounts, "rules-rita", "operator");
        TestUserFactory.TestUser auditor = TestUserFactory.create(accounts, "rules-arne", "auditor");
        approver = TestUserFactory.create(accounts, "rules-alma", "approver");
        this.operator = operator;
        String name = "images-" + UUID.randomUUID().toString().substring(0, 8);
        rules.evaluationTime(Duration.ofMillis(1_500));
        String ruleId;
        try (ConsoleBrowser b = new ConsoleBrowser(root.toString().replaceAll("/$", ""))) {
            b.logIn(operator.name(), operator.password());

            b.open("/rules/new");
            b.type("name", name);
            b.select("policy_definition_id", "5fa265c0aa1e6afc05a0ff07");
            b.fill("parameters", "{\"listOfAllowedImages\": [\"" + SandboxInventory.STANDARD_IMAGE + "\"]}");
            b.check("input[name=trigger][value=change]");
            b.type("f_resource_provider", "ecs");
            b.type("f_resource_type", "cloudservers");
            b.check("#staged");
            b.click("preview");
            assertThat(b.text()).contains("PUT").contains("policy-assignments");
            b.click("submit");

            assertThat(b.path()).matches("/rules/[0-9a-f]{24}/rollout");
            ruleId = b.path().replaceAll("/rules/([0-9a-f]{24})/rollout", "$1");
            assertThat(b.awaitText("#summary", "would flag 2 of 5 resources", Duration.ofSeconds(20)))
                    .as("the rollout page follows the evaluation to its end").isTrue();
            assertThat(b.text("#non-compliant")).contains("ecs-batch-1").contains("ecs-batch-2");
            b.screenshot("rules-01-rollout");
            b.click("keep");
            assertThat(b.path()).isEqualTo("/rules/" + ruleId);

            awaitState(b, "Enabled");
            b.click("disable");
            assertThat(b.text()).contains("/policy-assignments/" + ruleId + "/disable");
            b.click("confirm");
            assertThat(b.path()).matches("/history/\\d+");
            assertThat(b.text("#status")).as("a disable waits for a second person").isEqualTo("AWAITING_APPROVAL");
            approveAsSecondPerson(b, b.path());
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            b.click("rule-link");
            assertThat(b.text("#rule-state")).isEqualTo("Disabled");

            b.click("enable");
            b.click("confirm");
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            b.click("rule-link");
            awaitState(b, "Enabled");

            b.click("evaluate");
            assertThat(b.text()).contains("/policy-states/run-evaluation");
            b.click("confirm");
            assertThat(b.text("#notice")).contains("Evaluation sent");
            assertThat(b.awaitText("#evaluation-state", "Last evaluation: Succeeded", Duration.ofSeconds(20)))
                    .as("the rule page follows the evaluation to its end").isTrue();
            b.screenshot("rules-02-evaluated");

            b.click("delete");
            assertThat(b.text()).contains("Step 1 of 2").contains("Step 2 of 2").contains("disabled first");
            b.check("#acknowledge");
            b.click("confirm");
            assertThat(b.text("#status")).as("a delete waits for a second person").isEqualTo("AWAITING_APPROVAL");
            approveAsSecondPerson(b, b.path());
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            b.screenshot("rules-03-deleted");

            b.open("/history?target=" + name);
            assertThat(b.text("table.history")).contains("ADD_CONFIG_RULE").contains("EVALUATE_CONFIG_RULE")
                    .contains("DISABLE_CONFIG_RULE").contains("ENABLE_CONFIG_RULE").contains("DELETE_CONFIG_RULE");
            b.logOut();

            String seen = "seen-" + UUID.randomUUID().toString().substring(0, 8);
            String seenId = rules.add(DOMAIN, com.policyconsole.domain.model.config.ConfigRule.builder()
                    .builtin("5fa36008ef6d1b3dc5f8a1c2").name(seen).build()).orElseThrow().id();
            b.logIn(auditor.name(), auditor.password());
            b.open("/rules");
            assertThat(b.present("tr[data-rule='" + seenId + "']")).isTrue();
            assertThat(b.present("#bulk-disable")).isFalse();
            assertThat(b.present("input[name=rule_id]")).isFalse();
            b.open("/rules/" + seenId);
            assertThat(b.text("#summary")).contains("flags");
            assertThat(b.present("#operations")).as("no action buttons").isFalse();
            assertThat(b.present("#disable")).isFalse();
            b.screenshot("rules-04-auditor");

            ConsoleSession session = ConsoleSession.logIn(auditor.name(), auditor.password());
            session.get("/rules");
            for (String path : List.of("/rules/" + seenId + "/disable/preview", "/rules/" + seenId + "/disable",
                    "/rules/" + seenId + "/evaluate", "/rules/" + seenId + "/delete", "/rules/" + seenId + "/update",
                    "/rules/bulk/preview", "/rules/bulk", "/rules/submit")) {
                assertThat(session.post(path, Map.of("action", "disable", "rule_id", seenId)).statusCode()).as(path)
                        .isEqualTo(403);
            }
            assertThat(rules.find(DOMAIN, seenId).rule().enabled()).isTrue();
        } finally {
            rules.evaluationTime(Duration.ZERO);
        }
    }

    private TestUserFactory.TestUser operator;
    private TestUserFactory.TestUser approver;

    /** The approver approves the held entry {@code historyPath} on its approval page; the operator sees it again. */
    private void approveAsSecondPerson(ConsoleBrowser b, String historyPath) {
        b.approveAs(approver, "/approvals/" + historyPath.substring("/history/".length()), "CHG-12 agreed", operator);
        b.open(historyPath);
    }

    private static void awaitState(ConsoleBrowser b, String state) throws InterruptedException {
        assertThat(b.awaitText("#rule-state", state, Duration.ofSeconds(20))).as("the rule becomes " + state).isTrue();
    }
}
