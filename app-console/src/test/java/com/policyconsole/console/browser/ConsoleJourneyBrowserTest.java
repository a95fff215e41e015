package com.policyconsole.console.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleBrowser;
import com.policyconsole.console.adapter.in.web.session.SessionEpochCookie;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The console as a person uses it, in headless Debian Chromium: log in, make a mistake and fix it, preview, submit,
 * find the entry, have the sandbox fail a delivery and retry it, add a built-in and a custom Config rule, filter
 * the audit list, export CSV, and check that an auditor cannot submit. Screenshots go to target/screenshots.
 */
@QuarkusTest
class ConsoleJourneyBrowserTest {

    private static final String PASSWORD = "journey-password-1";
    private static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";

    @Inject
    ManageAccountsUseCase accounts;

    @TestHTTPResource("/")
    URL root;

    private String user(String prefix, String... roles) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        AccountResult result = accounts.create(name, name, PASSWORD, List.of(roles));
        assertThat(result).isInstanceOf(AccountResult.Done.class);
        return name;
    }

    private static String freshIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "46." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    private static void blockIp(ConsoleBrowser b, String target) {
        b.open("/policies/new");
        b.type("block_target", target);
        b.check("input[name=connection][value='" + CFW + "']");
        b.type("description", "incident SEC-42");
        b.click("preview");
    }

    @Test
    void operatorAdminAndAuditorWorkThroughTheConsole() throws Exception {
        String operator = user("olga", "operator");
        String admin = user("ada", "admin");
        String auditor = user("audrey", "auditor");
        String base = root.toString().replaceAll("/$", "");
        String first = freshIp();
        String second = freshIp();

        try (ConsoleBrowser b = new ConsoleBrowser(base)) {
            // An operator logs in, makes a mistake, sees it next to the field, fixes it, previews and submits.
            b.logIn(operator, PASSWORD);
            assertThat(b.path()).isEqualTo("/");
            b.screenshot("01-dashboard");

            blockIp(b, first + "\n1.2.3.999");
            assertThat(b.text(".field.invalid .field-error")).contains("'1.2.3.999' (object 2) is not an IPv4");
            assertThat(b.text(".summary.errors")).contains("The request was not sent");
            b.screenshot("02-form-with-error");

            b.type("block_target", first);
            b.click("preview");
            assertThat(b.text("#request-body")).contains("\"block_target\":\"" + first + "\"");
            assertThat(b.text()).contains("action_type=create").contains("X-Auth-Token");
            assertThat(b.text()).doesNotContain("sandbox-token");
            b.screenshot("03-preview");

            b.click("submit");
            assertThat(b.path()).matches("/history/\\d+");
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            assertThat(b.text("#outcome")).contains("task ID");
            b.screenshot("04-result");

            b.open("/history");
            assertThat(b.text()).contains(first);
            b.screenshot("05-history");
            b.logOut();

            // An admin makes the sandbox fail the next delivery.
            b.logIn(admin, PASSWORD);
            b.open("/admin/sandbox");
            b.type("fail_next", "1");
            b.click("save-faults");
            assertThat(b.text()).contains("Saved");
            b.screenshot("06-sandbox-faults");
            b.logOut();

            // The operator's next delivery fails; one click retries it with the policy's ID.
            b.logIn(operator, PASSWORD);
            blockIp(b, second);
            b.click("submit");
            assertThat(b.text("#status")).isEqualTo("UNKNOWN");
            String failedEntry = b.path();
            b.screenshot("07-unknown-outcome");

            b.click("retry");
            assertThat(b.path()).isNotEqualTo(failedEntry);
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            assertThat(b.text()).contains("Retry of").contains("#" + failedEntry.substring("/history/".length()));
            assertThat(b.text("#request-body")).contains("\"retry_list\":[\"");
            b.screenshot("08-retried");

            // A built-in Config rule, parameters checked against the definition.
            String builtinName = "images-" + UUID.randomUUID().toString().substring(0, 6);
            b.open("/rules/new");
            b.type("name", builtinName);
            b.select("policy_definition_id", "5fa265c0aa1e6afc05a0ff07");
            b.type("parameters", "{\"listOfAllowedImages\": [\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}");
            b.type("f_resource_provider", "ecs");
            b.type("f_resource_type", "cloudservers");
            b.type("tags", "tagkey=tagValue");
            b.click("preview");
            assertThat(b.text("#request-body")).contains("\"tags\":[{\"key\":\"tagkey\",\"value\":\"tagValue\"}]");
            b.screenshot("09-rule-preview");
            b.click("submit");
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            assertThat(b.text("#outcome")).contains("rule ID").contains("Enabled");

            // A custom periodic rule.
            b.open("/rules/new");
            b.type("name", "owner-" + UUID.randomUUID().toString().substring(0, 6));
            b.check("input[name=policy_assignment_type][value=custom]");
            b.type("function_urn", "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check-owner:latest");
            b.type("agency_name", "rms_fgs_agency");
            b.check("input[name=trigger][value=period]");
            b.select("period", "Twelve_Hours");
            b.click("preview");
            b.click("submit");
            assertThat(b.text("#status")).isEqualTo("SUCCEEDED");
            b.screenshot("10-custom-rule");
            b.logOut();

            // An auditor filters the audit list by an object and exports it.
            b.logIn(auditor, PASSWORD);
            b.open("/history");
            b.type("target", second);
            b.click("filter");
            assertThat(b.text("table.history")).contains(second).doesNotContain(first);
            b.screenshot("11-audit-filter");

            String export = b.attribute("#export", "href");
            String csv = given().cookie(ConsoleSession.SESSION_COOKIE, b.cookie(ConsoleSession.SESSION_COOKIE))
                    .cookie(SessionEpochCookie.NAME, b.cookie(SessionEpochCookie.NAME))
                    .when().get(export.startsWith("http") ? export : base + export)
                    .then().statusCode(200).extract().asString();
            assertThat(csv).startsWith("id,requested_at").contains(second).doesNotContain(first);

            // ...and cannot submit.
            assertThat(b.present("a[href='/policies/new']")).isFalse();
            b.open("/policies/new");
            assertThat(b.text("h1")).isEqualTo("Not allowed");
            b.screenshot("12-auditor-refused");
        }
    }
}
