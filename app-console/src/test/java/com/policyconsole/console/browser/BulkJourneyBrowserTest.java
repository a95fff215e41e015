package com.policyconsole.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleBrowser;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bulk block in headless Debian Chromium: paste 1,200 addresses with a few bad lines, see the findings by line, fix
 * them, confirm the plan of 3 deliveries, watch the progress bar reach 100% without a reload, see each delivery's
 * layers, remove one policy and see it gone from the active list and from the guardrails.
 */
@QuarkusTest
class BulkJourneyBrowserTest {

    private static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxState sandbox;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOperatorBlocksAThreatFeedFollowsTheJobAndUnblocksOnePolicy() throws Exception {
        TestUserFactory.TestUser operator = TestUserFactory.create(accounts, "bulk-olga", "operator");
        TestUserFactory.TestUser approver = TestUserFactory.create(accounts, "bulk-paul", "approver");
        List<String> addresses = Arrays.asList(TestFormFactory.freshAddresses(1_200).split("\n"));
        List<String> withMistakes = new ArrayList<>(addresses);
        withMistakes.add(4, "1.2.3.999");
        withMistakes.add(700, "not-an-address");
        withMistakes.add(1_000, "10.1.2.3");
        sandbox.deliveryTime(Duration.ofMillis(300));
        try (ConsoleBrowser b = new ConsoleBrowser(root.toString().replaceAll("/$", ""))) {
            b.logIn(operator.name(), operator.password());

            b.open("/bulk/new");
            b.check("input[name=connection][value='" + CFW + "']");
            b.fill("batch", String.join("\n", withMistakes));
            b.type("description", "threat feed SEC-77");
            b.click("plan");
            String findings = b.text("#findings");
            assertThat(findings).contains("Nothing was sent").contains("Line 5: ").contains("1.2.3.999")
                    .contains("Line 701: ").contains("not-an-address").contains("Line 1001: ");
            b.screenshot("bulk-01-findings");

            b.fill("batch", String.join("\n", addresses));
            b.click("plan");
            assertThat(b.text("h1")).isEqualTo("Plan: 3 deliveries of 1200 objects");
            assertThat(b.text("#plan-deliveries")).contains(addresses.get(0)).contains(addresses.get(999));
            b.screenshot("bulk-02-plan");

            assertThat(b.text("#approval-needed")).as("more than 1,000 objects wait for a second person")
                    .contains("1,200 objects");
            b.click("start");
            assertThat(b.path()).matches("/bulk/jobs/\\d+");
            String job = b.path();
            b.approveAs(approver, "/approvals" + job.substring("/bulk".length()), "SEC-77 feed agreed", operator);
            b.open(job);
            b.markPage();
            assertThat(b.awaitText("#job-percent", "100%", Duration.ofSeconds(30))).as("the bar reaches 100%").isTrue();
            assertThat(b.samePage()).as("updated live, without a reload").isTrue();
            assertThat(b.text("#count-succeeded")).isEqualTo("3");
            assertThat(b.text("#count-objects")).isEqualTo("1200");
            assertThat(b.awaitText("#job-deliveries", "CFW SUCCESS", Duration.ofSeconds(10))).isTrue();
            b.screenshot("bulk-03-job-done");

            b.click("entry-1");
            assertThat(b.text("#delivery-check")).isEqualTo("DELIVERED");
            assertThat(b.text("#delivery")).contains("CFW").contains("SUCCESS");
            String policyId = b.text("#policy-id");
            b.screenshot("bulk-04-entry-layers");

            b.open("/blocks?q=" + addresses.get(1));
            assertThat(b.present("tr[data-policy='" + policyId + "']")).isTrue();
            b.check("input[name=policy_id][value='" + policyId + "']");
            b.click("remove-chosen");
            assertThat(b.text()).contains("batch-delete").contains(policyId);
            b.screenshot("bulk-05-remove-preview");
            b.click("confirm");
            assertThat(b.path()).matches("/history/\\d+");
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");

            b.open("/blocks?q=" + addresses.get(1));
            assertThat(b.present("tr[data-policy='" + policyId + "']")).as("gone from the active list").isFalse();
            b.open("/policies/new");
            b.type("block_target", addresses.get(1));
            b.check("input[name=connection][value='" + CFW + "']");
            b.click("preview");
            assertThat(b.text()).as("the guardrails no longer count it").doesNotContain("already");
            b.open("/policies/new");
            b.type("block_target", addresses.get(600));
            b.check("input[name=connection][value='" + CFW + "']");
            b.click("preview");
            assertThat(b.text()).as("another delivery's objects still count").contains("already");
            b.screenshot("bulk-06-guardrails");
        } finally {
            sandbox.deliveryTime(Duration.ZERO);
        }
    }
}
