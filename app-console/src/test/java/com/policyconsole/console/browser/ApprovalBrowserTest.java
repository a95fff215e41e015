package com.policyconsole.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleBrowser;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four-eyes approval in headless Debian Chromium (with the production defaults: IPv4 ranges wider than /16 need approval): an operator
 * blocks a /7 through the emergency-policy form, previews it, acknowledges the warning and submits; the entry awaits
 * approval and nothing is sent. The operator, an approver too, sees the request on the approval page without an approve
 * button and is refused when approving it anyway. A second user with the approver role, in a browser session of their
 * own, sees exactly the request the operator previewed, approves it with a reason, and the entry is sent on the spot
 * (SUCCEEDED, the sandbox holds the policy); a second held submission is rejected with a reason and never sent.
 */
@QuarkusTest
class ApprovalBrowserTest {

    private static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";
    /**
     * /7 ranges no other test blocks or whitelists (FourEyesTest uses first octets 12-41, the bulk journey 47-49, the
     * other tests 45, 46 and 58-59): an approved range must not make another test's addresses "already blocked".
     */
    private static final String APPROVED = "52.0.0.0/7";
    private static final String REJECTED = "50.0.0.0/7";

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxState sandbox;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aWideBlockWaitsForASecondPersonWhoSeesTheExactRequestAndApprovesOrRejectsIt() throws Exception {
        TestUser operator = TestUserFactory.create(accounts, "appr-olga", Roles.OPERATOR, Roles.APPROVER);
        // an approver and nothing else: the decision's page shows its outcome without the history
        TestUser approver = TestUserFactory.create(accounts, "appr-paul", Roles.APPROVER);
        String base = root.toString().replaceAll("/$", "");
        long approvedEntry;
        long rejectedEntry;
        String previewedRequestLine;
        String previewedBody;

        try (ConsoleBrowser b = new ConsoleBrowser(base)) {
            b.logIn(operator.name(), operator.password());

            fillBlock(b, APPROVED);
            assertThat(b.text("#request-body")).contains("\"block_target\":\"" + APPROVED + "\"");
            previewedRequestLine = b.text("section.card > p.mono");
            previewedBody = b.text("#request-body");
            assertThat(previewedRequestLine).startsWith("POST ").contains("/soc/policys?action_type=create");
            b.screenshot("approval-01-preview");
            approvedEntry = submit(b);
            assertThat(b.text("#status")).isEqualTo("AWAITING_APPROVAL");
            assertThat(b.text("#outcome")).contains("Recorded and not sent").contains("awaits approval");
            assertThat(b.text("#response-body")).isEqualTo("(none)");
            assertThat(sandboxHolds(APPROVED)).as("nothing sent while it awaits approval").isFalse();
            b.screenshot("approval-02-awaiting");

            fillBlock(b, REJECTED);
            rejectedEntry = submit(b);
            assertThat(b.text("#status")).isEqualTo("AWAITING_APPROVAL");
            assertThat(sandboxHolds(REJECTED)).isFalse();

            b.open("/approvals");
            assertThat(b.present("tr[data-entry='" + approvedEntry + "']")).isTrue();
            assertThat(b.present("tr[data-entry='" + rejectedEntry + "']")).isTrue();
            b.open("/approvals/" + approvedEntry);
            assertThat(b.text("#reasons")).contains("the range " + APPROVED + " is wider than /16");
            assertThat(b.text("#own")).contains("another person with the approver role must approve it");
            assertThat(b.present("#approve")).as("no approve button for one's own").isFalse();
            assertThat(b.present("#reject")).as("the requester may withdraw it").isTrue();
            b.screenshot("approval-03-own");
            b.logOut();
        }

        ConsoleSession own = ConsoleSession.logIn(operator.name(), operator.password());
        own.get("/approvals/" + approvedEntry);
        Response refused = own.post("/approvals/" + approvedEntry + "/approve", Map.of("reason", "my own, urgent"));
        assertThat(refused.statusCode()).as("approving one's own, posted anyway").isEqualTo(403);
        assertThat(refused.asString()).contains("approved by another person than its requester");
        assertThat(sandboxHolds(APPROVED)).isFalse();

        try (ConsoleBrowser b = new ConsoleBrowser(base)) {
            b.logIn(approver.name(), approver.password());
            b.open("/approvals");
            assertThat(b.text("tr[data-entry='" + approvedEntry + "']")).contains(operator.name())
                    .contains("the range " + APPROVED + " is wider than /16");

            b.open("/approvals/" + approvedEntry);
            assertThat(b.text("h1")).isEqualTo("Entry #" + approvedEntry + " awaits approval");
            assertThat(b.text("#requester")).contains(operator.name());
            assertThat(b.text("section.card > p.mono")).as("method and URL, as previewed").isEqualTo(previewedRequestLine);
            assertThat(b.text("#request-body")).as("the body, as previewed").isEqualTo(previewedBody)
                    .contains("\"block_target\":\"" + APPROVED + "\"");
            assertThat(b.text("#request-hash")).matches("[0-9a-f]{64}");
            assertThat(b.present("#own")).isFalse();
            b.screenshot("approval-04-second-person");
            b.type("reason", "INC-77: agreed with the network team");
            b.click("approve");
            assertThat(b.path()).isEqualTo("/approvals/" + approvedEntry);
            assertThat(b.text("h1")).isEqualTo("Entry #" + approvedEntry + " is SUCCEEDED");
            assertThat(b.text("#decision")).contains(approver.name()).contains("INC-77: agreed with the network team");
            assertThat(b.text("#outcome")).startsWith("HTTP 200");
            assertThat(b.present("#approve")).as("decided: nothing more to decide").isFalse();
            assertThat(sandboxHolds(APPROVED)).as("sent once approved").isTrue();
            b.screenshot("approval-05-approved");

            b.open("/approvals/" + rejectedEntry);
            assertThat(b.text("#request-body")).contains("\"block_target\":\"" + REJECTED + "\"");
            b.type("reason", "too wide: block the /24s of the incident");
            b.click("reject");
            assertThat(b.path()).isEqualTo("/approvals/" + rejectedEntry);
            assertThat(b.text("h1")).isEqualTo("Entry #" + rejectedEntry + " is REJECTED");
            assertThat(b.text("#decision")).contains("too wide: block the /24s of the incident");
            assertThat(sandboxHolds(REJECTED)).as("never sent").isFalse();
            b.screenshot("approval-06-rejected");

            b.open("/approvals");
            assertThat(b.present("tr[data-entry='" + approvedEntry + "']")).as("decided, no longer listed").isFalse();
            assertThat(b.present("tr[data-entry='" + rejectedEntry + "']")).isFalse();
        }
    }

    /** The emergency-policy form filled with a BLOCK of {@code range} through CFW, previewed. */
    private static void fillBlock(ConsoleBrowser b, String range) {
        b.open("/policies/new");
        b.type("block_target", range);
        b.check("input[name=connection][value='" + CFW + "']");
        b.type("description", "four-eyes SEC-77");
        b.click("preview");
        assertThat(b.path()).isEqualTo("/policies/preview");
        assertThat(b.text()).contains(range + " covers more than 16 million addresses")
                .doesNotContain("The request was not sent");
        assertThat(b.text("#approval-needed")).as("the preview says it waits for a second person")
                .contains("the range " + range + " is wider than /16");
    }

    /** Acknowledges the preview's warnings and submits; the entry the console leads to. */
    private static long submit(ConsoleBrowser b) {
        b.check("#acknowledge");
        b.click("submit");
        assertThat(b.path()).matches("/history/\\d+");
        return Long.parseLong(b.path().substring("/history/".length()));
    }

    private boolean sandboxHolds(String target) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream().anyMatch(p -> p.policy().targets().contains(target));
    }
}
