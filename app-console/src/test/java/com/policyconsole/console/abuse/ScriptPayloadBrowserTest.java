package com.policyconsole.console.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleBrowser;
import com.policyconsole.console.adapter.in.web.session.SessionEpochCookie;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Script payloads typed into every text field of both forms, in headless Chromium, through the error display, the
 * preview, a submission where the values are valid, the history list and detail, and the CSV export link: no payload
 * ever runs (no {@code window.__xss}, no dialog), none adds an element to a page, and each is shown as typed.
 * Screenshots go to target/screenshots (xss-*).
 */
@QuarkusTest
class ScriptPayloadBrowserTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "\"><img src=x onerror=window.__xss=1>";
    static final String JS_URL = "javascript:window.__xss=1";
    static final String TEXTAREA_BREAKOUT = "</textarea><svg onload=window.__xss=1>";
    static final String TEMPLATE = "{inject:csrf.token}{#for x in 1..3}{x}{/for}${7*7}#{7*7}";
    static final String IFRAME = "'><iframe src=javascript:window.__xss=1>";
    static final List<String> PAYLOADS = List.of(SCRIPT, IMG, JS_URL, TEXTAREA_BREAKOUT, TEMPLATE, IFRAME);

    private static final String PASSWORD = "xss-password-12";
    private static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";

    @Inject
    ManageAccountsUseCase accounts;

    @TestHTTPResource("/")
    URL root;

    @Test
    void scriptPayloadsNeverRunAndAreShownAsTyped() throws Exception {
        String operator = user("xss-operator", "operator");
        String auditor = user("xss-auditor", "auditor");
        String base = root.toString().replaceAll("/$", "");

        try (ConsoleBrowser b = new ConsoleBrowser(base)) {
            b.logIn(operator, PASSWORD);

            // Every text field of the emergency-policy form holds a payload: refused, each shown next to its field.
            b.open("/policies/new");
            List<String> policyFields = fillEveryTextField(b, "form[action='/policies/preview']");
            assertThat(policyFields).contains("block_target", "description", "labels", "ageing", "region_id",
                    "m_defense_connection_id", "project_id");
            b.click("preview");
            assertInert(b, "policy form with errors");
            assertThat(b.text(".summary.errors")).contains("The request was not sent");
            assertShownAsTyped(b, policyFields);
            assertThat(b.text()).contains("'" + SCRIPT + "'");
            b.screenshot("xss-01-policy-errors");

            // Valid where free text is allowed: description, labels, and the scopes (a warning each) go all the way.
            String description = String.join(" ", PAYLOADS);
            b.open("/policies/new");
            b.fill("block_target", freshIp());
            b.check("input[name=connection][value='" + CFW + "']");
            b.fill("description", description);
            b.fill("labels", IMG + " " + SCRIPT);
            b.fill("account_scope", IMG);
            b.fill("eps_scope", TEXTAREA_BREAKOUT);
            b.fill("region_scope", SCRIPT);
            b.click("preview");
            assertInert(b, "policy preview");
            assertThat(b.text("#request-body")).contains("window.__xss=1").contains(JS_URL);
            assertThat(b.value("input[name=description]")).isEqualTo(description);
            assertThat(b.value("input[name=account_scope]")).isEqualTo(IMG);
            b.screenshot("xss-02-policy-preview");
            if (b.present("#acknowledge")) {
                b.check("#acknowledge");
            }
            b.click("submit");
            assertThat(b.path()).matches("/history/\\d+");
            String policyEntry = b.path();
            assertInert(b, "policy history detail");
            assertThat(b.text("#request-body")).contains("window.__xss=1").contains("onerror=window.__xss=1");
            b.screenshot("xss-03-policy-detail");

            // Every text field of the Config-rule form holds a payload: refused, each shown next to its field.
            b.open("/rules/new");
            List<String> ruleFields = fillEveryTextField(b, "form[action='/rules/preview']");
            assertThat(ruleFields).contains("name", "domain_id", "description", "parameters", "function_urn",
                    "agency_name", "f_resource_provider", "tags");
            b.click("preview");
            assertInert(b, "rule form with errors");
            assertShownAsTyped(b, ruleFields);
            b.screenshot("xss-04-rule-errors");

            // A custom rule: the description and the agency are free text, so the payloads are sent.
            String ruleDescription = SCRIPT + " " + TEXTAREA_BREAKOUT + " " + TEMPLATE;
            b.open("/rules/new");
            b.fill("name", "xss-" + UUID.randomUUID().toString().substring(0, 6));
            b.check("input[name=policy_assignment_type][value=custom]");
            b.fill("function_urn", "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check-owner:latest");
            b.fill("agency_name", IMG);
            b.fill("description", ruleDescription);
            b.check("input[name=trigger][value=period]");
            b.select("period", "Twelve_Hours");
            b.click("preview");
            assertInert(b, "rule preview");
            assertThat(b.text("#request-body")).contains("window.__xss=1");
            assertThat(b.value("input[name=description]")).isEqualTo(ruleDescription);
            assertThat(b.value("input[name=agency_name]")).isEqualTo(IMG);
            b.screenshot("xss-05-rule-preview");
            if (b.present("#acknowledge")) {
                b.check("#acknowledge");
            }
            b.click("submit");
            assertThat(b.path()).matches("/history/\\d+");
            assertInert(b, "rule history detail");
            assertThat(b.text("#request-body")).contains("onerror=window.__xss=1");
            b.screenshot("xss-06-rule-detail");

            // The history list, its filters echoing payloads.
            String filter = "/history?actor=" + encode(IMG) + "&target=" + encode(SCRIPT) + "&workspace_id=" + encode(TEMPLATE);
            b.open("/history");
            assertInert(b, "history list");
            b.open(filter);
            assertInert(b, "history list filtered by payloads");
            assertThat(b.value("#actor")).isEqualTo(IMG);
            assertThat(b.value("#target")).isEqualTo(SCRIPT);
            assertThat(b.value("#workspace_id")).isEqualTo(TEMPLATE);
            b.screenshot("xss-07-history-filter");
            b.logOut();

            // The auditor: the same entry and filters, and the CSV export link built from them.
            b.logIn(auditor, PASSWORD);
            b.open(policyEntry);
            assertInert(b, "policy history detail as auditor");
            assertThat(b.text()).contains(SCRIPT).contains(IMG);
            b.open(filter);
            assertInert(b, "history filter as auditor");
            String export = b.attribute("#export", "href");
            assertThat(export).startsWith("/history/export.csv?").doesNotContain("<").doesNotContain("\"")
                    .doesNotContain(" ").contains(encode(IMG));
            Response csv = given().redirects().follow(false)
                    .cookie(ConsoleSession.SESSION_COOKIE, b.cookie(ConsoleSession.SESSION_COOKIE))
                    .cookie(SessionEpochCookie.NAME, b.cookie(SessionEpochCookie.NAME)).when().get(base + export);
            assertThat(csv.header("X-Content-Type-Options")).isEqualTo("nosniff");
            if (csv.statusCode() == 200) {
                assertThat(csv.contentType()).startsWith("text/csv");
                assertThat(csv.header("Content-Disposition")).startsWith("attachment");
            } else {
                assertThat(csv.statusCode()).as("export of an invalid filter").isEqualTo(400);
                assertThat(csv.contentType()).startsWith("text/plain");
            }
            b.open("/history?actor=" + encode(operator));
            String ownExport = b.attribute("#export", "href");
            String rows = given().cookie(ConsoleSession.SESSION_COOKIE, b.cookie(ConsoleSession.SESSION_COOKIE))
                    .cookie(SessionEpochCookie.NAME, b.cookie(SessionEpochCookie.NAME))
                    .when().get(base + ownExport).then().statusCode(200).extract().asString();
            assertThat(rows).contains(operator);
            b.screenshot("xss-08-auditor-filter");
        }
    }

    /** Puts a payload into every text field of the form, in turn, and returns the fields' ids. */
    private static List<String> fillEveryTextField(ConsoleBrowser b, String form) {
        List<String> ids = b.textFields(form);
        for (int i = 0; i < ids.size(); i++) {
            b.fill(ids.get(i), PAYLOADS.get(i % PAYLOADS.size()));
        }
        return ids;
    }

    /** After the round trip each field still holds exactly the payload it was given. */
    private static void assertShownAsTyped(ConsoleBrowser b, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            assertThat(b.value("#" + ids.get(i))).as("field %s", ids.get(i)).isEqualTo(PAYLOADS.get(i % PAYLOADS.size()));
        }
    }

    private static void assertInert(ConsoleBrowser b, String where) {
        assertThat(b.dialogOpen()).as("%s: a dialog opened", where).isFalse();
        assertThat(b.scriptMarkerSet()).as("%s: window.__xss was set", where).isFalse();
        assertThat(b.injectedElements()).as("%s: elements added by a payload (%s)", where,
                ConsoleBrowser.INJECTED_ELEMENTS).isZero();
    }

    private String user(String prefix, String role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(accounts.create(name, name, PASSWORD, List.of(role))).isInstanceOf(AccountResult.Done.class);
        return name;
    }

    private static String freshIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "49." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
