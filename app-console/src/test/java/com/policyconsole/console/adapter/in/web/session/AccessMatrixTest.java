package com.policyconsole.console.adapter.in.web.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleRoutes;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every route of the console × every identity (anonymous, auditor, operator, admin) × (with, without a CSRF token for
 * POSTs) against the intended outcome. The routes are found by reflection over the JAX-RS resources, and a route the
 * matrix does not list fails the test, so that a new route gets its row. The sandbox cloud's machine API refuses
 * every call without its own credential (401), whatever the session.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Who makes the request: no session, or a user with exactly one role. */
    enum Who { ANONYMOUS, AUDITOR, OPERATOR, APPROVER, ADMIN }

    /** An expected answer: the status, and where it redirects to or a text the page shows. */
    record Outcome(int status, String location, String text) {

        String describe() {
            return status + (location != null ? " → " + location : "") + (text != null ? " «" + text + "»" : "");
        }
    }

    static final Outcome OK = new Outcome(200, null, null);
    static final Outcome TO_LOGIN = new Outcome(302, "/login", null);
    static final Outcome FORBIDDEN = new Outcome(403, null, "Not allowed");
    static final Outcome CSRF_REFUSED = new Outcome(400, null, null);
    static final Outcome UNPROCESSABLE = new Outcome(422, null, null);
    static final Outcome NOT_FOUND = new Outcome(404, null, null);
    static final Outcome NO_SANDBOX_CREDENTIAL = new Outcome(401, null, "APIG.0301");
    static final Outcome NO_API_TOKEN = new Outcome(401, null, "urn:policy-console:problem:unauthenticated");
    static final Outcome CREATED = new Outcome(201, null, null);
    static final Outcome API_FORBIDDEN = new Outcome(403, null, "urn:policy-console:problem:forbidden");

    /** A row: the outcome per identity with a CSRF token and, for POSTs, without one. */
    record Row(Map<Who, Outcome> withToken, Map<Who, Outcome> withoutToken) {
    }

    private static final String NO_SUCH_ID = "999999999";
    /** The forms posted as multipart/form-data (they may carry an uploaded file). */
    private static final Set<String> MULTIPART = Set.of("/bulk/edit", "/bulk/plan", "/bulk/start");
    private static final Map<String, Row> MATRIX = new LinkedHashMap<>();
    /** The API's routes: what a token of each role (auditor, operator, admin) gets; without one, 401 for all. */
    private static final Map<String, Map<Who, Outcome>> API_MATRIX = new LinkedHashMap<>();

    static {
        //                                          anonymous  auditor    operator       admin
        get("GET /",                                TO_LOGIN,  OK,        OK,            OK);
        get("GET /login",                           OK,        see("/"),  see("/"),      see("/"));
        get("GET /policies/new",                    TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /policies/edit",                 TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /policies/preview",              TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /policies/submit",               TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        get("GET /bulk/new",                        TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /bulk/edit",                     TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /bulk/plan",                     TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /bulk/start",                    TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        //                                          anonymous  auditor    operator       approver   admin
        get("GET /bulk/jobs",                       TO_LOGIN,  OK,        OK,            OK,        FORBIDDEN);
        get("GET /bulk/jobs/{id}",                  TO_LOGIN,  NOT_FOUND, NOT_FOUND,     NOT_FOUND, FORBIDDEN);
        get("GET /bulk/jobs/{id}/progress",         TO_LOGIN,  NOT_FOUND, NOT_FOUND,     NOT_FOUND, FORBIDDEN);
        post("POST /bulk/jobs/{id}/cancel",         TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        post("POST /bulk/jobs/{id}/withdraw",       TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        post("POST /bulk/jobs/{id}/retry-failed",   TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        get("GET /rules/new",                       TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /rules/edit",                    TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /rules/preview",                 TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /rules/submit",                  TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        get("GET /rules",                           TO_LOGIN,  OK,        OK,            FORBIDDEN);
        get("GET /rules/{id}",                      TO_LOGIN,  NOT_FOUND, NOT_FOUND,     FORBIDDEN);
        get("GET /rules/{id}/rollout",              TO_LOGIN,  NOT_FOUND, NOT_FOUND,     FORBIDDEN);
        get("GET /rules/{id}/edit",                 TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        post("POST /rules/{id}/edit",               TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /rules/{id}/update/preview",     TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /rules/{id}/update",             TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /rules/{id}/{action}/preview",   TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /rules/{id}/{action}",           TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /rules/bulk/preview",            TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /rules/bulk",                    TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        get("GET /history",                         TO_LOGIN,  OK,        OK,            FORBIDDEN);
        get("GET /history/export.csv",              TO_LOGIN,  OK,        FORBIDDEN,     FORBIDDEN);
        get("GET /history/{id}",                    TO_LOGIN,  NOT_FOUND, NOT_FOUND,     FORBIDDEN);
        post("POST /history/{id}/retry",            TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        post("POST /history/{id}/status",           TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        post("POST /history/{id}/retry-layers",     TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        post("POST /history/{id}/withdraw",         TO_LOGIN,  FORBIDDEN, NOT_FOUND,     FORBIDDEN);
        get("GET /blocks",                          TO_LOGIN,  OK,        OK,            FORBIDDEN);
        post("POST /blocks/remove/preview",         TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /blocks/remove",                 TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        get("GET /blocks/{policyId}/ageing",        TO_LOGIN,  FORBIDDEN, OK,            FORBIDDEN);
        post("POST /blocks/ageing/preview",         TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        post("POST /blocks/ageing",                 TO_LOGIN,  FORBIDDEN, UNPROCESSABLE, FORBIDDEN);
        get("GET /account",                         TO_LOGIN,  OK,        OK,            OK);
        post("POST /account/password",              TO_LOGIN,  UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE);
        get("GET /account/tokens",                  TO_LOGIN,  OK,        OK,            OK);
        post("POST /account/tokens",                TO_LOGIN,  UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE);
        post("POST /account/tokens/{id}/revoke",    TO_LOGIN,  NOT_FOUND, NOT_FOUND,     NOT_FOUND);
        get("GET /api-docs",                        TO_LOGIN,  OK,        OK,            OK);
        approverGet("GET /approvals",                       OK);
        approverGet("GET /approvals/{id}",                  NOT_FOUND);
        approverPost("POST /approvals/{id}/approve",        NOT_FOUND);
        approverPost("POST /approvals/{id}/reject",         NOT_FOUND);
        approverGet("GET /approvals/jobs/{id}",             NOT_FOUND);
        approverPost("POST /approvals/jobs/{id}/approve",   NOT_FOUND);
        approverPost("POST /approvals/jobs/{id}/reject",    NOT_FOUND);
        // the JSON API: a session cookie opens nothing there; tokens in API_MATRIX
        //   route                                              auditor token  operator token  admin token
        api("GET /api/v1/history",                              OK,            OK,             API_FORBIDDEN);
        api("GET /api/v1/history/{id}",                         NOT_FOUND,     NOT_FOUND,      API_FORBIDDEN);
        api("POST /api/v1/emergency-policies",                  API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/emergency-policies/preview",          API_FORBIDDEN, OK,             API_FORBIDDEN);
        api("POST /api/v1/emergency-policies/{entry}/retry",    API_FORBIDDEN, NOT_FOUND,      API_FORBIDDEN);
        api("GET /api/v1/config-rules",                         OK,            OK,             API_FORBIDDEN);
        api("GET /api/v1/config-rules/{id}",                    NOT_FOUND,     NOT_FOUND,      API_FORBIDDEN);
        api("POST /api/v1/config-rules",                        API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/config-rules/preview",                API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("PUT /api/v1/config-rules/{id}",                    API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/config-rules/{id}/{action}",          API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/config-rules/{id}/{action}/preview",  API_FORBIDDEN, OK,             API_FORBIDDEN);
        api("GET /api/v1/blocks",                               OK,            OK,             API_FORBIDDEN);
        api("POST /api/v1/blocks/remove",                       API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/blocks/ageing",                       API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/blocks/{change}/preview",             API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/bulk-jobs/plan",                      API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        api("POST /api/v1/bulk-jobs",                           API_FORBIDDEN, UNPROCESSABLE,  API_FORBIDDEN);
        //                                                      auditor    operator   approver   admin
        api("GET /api/v1/bulk-jobs",                            OK,        OK,        OK,        API_FORBIDDEN);
        api("GET /api/v1/bulk-jobs/{id}",                       NOT_FOUND, NOT_FOUND, NOT_FOUND, API_FORBIDDEN);
        api("POST /api/v1/bulk-jobs/{id}/cancel",               API_FORBIDDEN, NOT_FOUND, API_FORBIDDEN, API_FORBIDDEN);
        api("POST /api/v1/bulk-jobs/{id}/withdraw",             API_FORBIDDEN, NOT_FOUND, API_FORBIDDEN, API_FORBIDDEN);
        api("POST /api/v1/bulk-jobs/{id}/retry-failed",         API_FORBIDDEN, NOT_FOUND, API_FORBIDDEN, API_FORBIDDEN);
        approverApi("GET /api/v1/approvals",                    OK);
        approverApi("POST /api/v1/approvals/{id}/{decision}",   NOT_FOUND);
        api("POST /api/v1/approvals/{id}/withdraw",             API_FORBIDDEN, NOT_FOUND, API_FORBIDDEN, API_FORBIDDEN);
        approverApi("GET /api/v1/approvals/jobs",               OK);
        approverApi("GET /api/v1/approvals/jobs/{id}",          NOT_FOUND);
        approverApi("POST /api/v1/approvals/jobs/{id}/{decision}", NOT_FOUND);
        get("GET /admin",                           TO_LOGIN,  FORBIDDEN, FORBIDDEN,     OK);
        get("GET /admin/logins",                    TO_LOGIN,  FORBIDDEN, FORBIDDEN,     OK);
        post("POST /admin/logins/unlock",           TO_LOGIN,  FORBIDDEN, FORBIDDEN,     UNPROCESSABLE);
        get("GET /admin/users",                     TO_LOGIN,  FORBIDDEN, FORBIDDEN,     OK);
        post("POST /admin/users",                   TO_LOGIN,  FORBIDDEN, FORBIDDEN,     UNPROCESSABLE);
        post("POST /admin/users/{id}/password",     TO_LOGIN,  FORBIDDEN, FORBIDDEN,     NOT_FOUND);
        post("POST /admin/users/{id}/roles",        TO_LOGIN,  FORBIDDEN, FORBIDDEN,     NOT_FOUND);
        post("POST /admin/users/{id}/enabled",      TO_LOGIN,  FORBIDDEN, FORBIDDEN,     NOT_FOUND);
        get("GET /admin/sandbox",                   TO_LOGIN,  FORBIDDEN, FORBIDDEN,     OK);
        post("POST /admin/sandbox",                 TO_LOGIN,  FORBIDDEN, FORBIDDEN,     OK);
        get("GET /audit/integrity",                 TO_LOGIN,  OK,        FORBIDDEN,     OK);
        post("POST /audit/integrity",               TO_LOGIN,  OK,        FORBIDDEN,     OK);
        // the sandbox cloud's machine API: its own credential, never a console session
        sandbox("PUT /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments");
        sandbox("GET /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments");
        sandbox("GET /sandbox/rms/v1/resource-manager/policy-definitions");
        sandbox("GET /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}");
        sandbox("PUT /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}");
        sandbox("DELETE /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}");
        sandbox("POST /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}/enable");
        sandbox("POST /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}/disable");
        sandbox("POST /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}/policy-states/run-evaluation");
        sandbox("GET /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}/policy-states/evaluation-state");
        sandbox("GET /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}/policy-states/summary");
        sandbox("GET /sandbox/rms/v1/resource-manager/domains/{domain_id}/policy-assignments/{id}/policy-states");
        sandbox("POST /sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policys");
        sandbox("POST /sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policys/search");
        sandbox("GET /sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policys/{policy_id}");
        sandbox("PUT /sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policys/{policy_id}");
        sandbox("POST /sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policys/batch-delete");
        sandbox("POST /sandbox/secmaster/v1/{project_id}/workspaces/{workspace_id}/soc/policy-records/{policy_id}/search");
        // last: it ends the session in the browser
        post("POST /logout",                        TO_LOGIN,  see("/login"), see("/login"), see("/login"));
    }

    @Inject
    ManageAccountsUseCase accounts;

    @Test
    void everyRouteOfTheConsoleHasARowInTheMatrix() {
        Set<String> routes = ConsoleRoutes.all();

        assertThat(routes).as("routes of the JAX-RS resources (add a row to MATRIX for a new one)")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("rows of the matrix whose route no longer exists").isSubsetOf(routes);
    }

    @Test
    void everyRouteAnswersEachIdentityAsTheMatrixSays() {
        Map<Who, Map<String, String>> cookies = new EnumMap<>(Who.class);
        Map<Who, String> tokens = new EnumMap<>(Who.class);
        for (Who who : List.of(Who.AUDITOR, Who.OPERATOR, Who.APPROVER, Who.ADMIN)) {
            TestUser user = TestUserFactory.create(accounts, "matrix-" + who.name().toLowerCase(), role(who));
            ConsoleSession session = ConsoleSession.logIn(user.name(), user.password());
            session.get("/");
            cookies.put(who, session.cookies());
            tokens.put(who, session.csrfToken());
        }
        // an anonymous visitor can hold a valid CSRF pair too (it is not bound to a session)
        cookies.put(Who.ANONYMOUS, Map.of(ConsoleSession.CSRF_COOKIE, cookies.get(Who.ADMIN).get(ConsoleSession.CSRF_COOKIE)));
        tokens.put(Who.ANONYMOUS, tokens.get(Who.ADMIN));

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Row> row : MATRIX.entrySet()) {
            for (Who who : Who.values()) {
                Map<String, String> jar = cookies.get(who);
                // without the CSRF token first: it changes nothing, while a logout with it ends the user's sessions
                if (row.getValue().withoutToken() != null) {
                    mismatches.addAll(check(row.getKey(), who, false, row.getValue().withoutToken().get(who),
                            request(row.getKey(), jar, null)));
                    checked++;
                }
                mismatches.addAll(check(row.getKey(), who, true, row.getValue().withToken().get(who),
                        request(row.getKey(), jar, tokens.get(who))));
                checked++;
            }
        }
        System.out.println("AccessMatrixTest: " + MATRIX.size() + " routes, " + checked + " requests checked");

        assertThat(mismatches).as("answers that differ from the matrix").isEmpty();
    }

    @Inject
    com.policyconsole.domain.port.in.ApiTokensUseCase apiTokens;

    @Test
    void everyApiRouteAnswersEachTokenAsTheMatrixSays() {
        Map<Who, String> secrets = new EnumMap<>(Who.class);
        for (Who who : List.of(Who.AUDITOR, Who.OPERATOR, Who.APPROVER, Who.ADMIN)) {
            TestUser user = TestUserFactory.create(accounts, "api-matrix-" + who.name().toLowerCase(), role(who));
            var made = (com.policyconsole.domain.port.in.ApiTokensUseCase.Created.Made) apiTokens.create(user.name(),
                    user.password(), "matrix", List.of(role(who)), java.time.Duration.ofDays(1));
            secrets.put(who, made.token().secret());
        }
        secrets.put(Who.ANONYMOUS, "pc_0_" + "A".repeat(43));
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Map<Who, Outcome>> row : API_MATRIX.entrySet()) {
            for (Who who : Who.values()) {
                Response answer = request(row.getKey(), Map.of(), null, secrets.get(who));
                mismatches.addAll(check(row.getKey(), who, true, row.getValue().get(who), answer));
                if (!answer.contentType().startsWith("application/json")
                        && !answer.contentType().startsWith("application/problem+json")) {
                    mismatches.add(row.getKey() + " as " + who + " with a token: not JSON but " + answer.contentType());
                }
            }
        }
        System.out.println("AccessMatrixTest: " + API_MATRIX.size() + " API routes × 4 tokens checked");

        assertThat(mismatches).as("API answers that differ from the matrix").isEmpty();
    }

    private static Response request(String route, Map<String, String> cookies, String token, String apiToken) {
        return apiToken == null ? request(route, cookies, token) : request(route, cookies, token, apiToken, true);
    }

    /** Sends the request of a matrix row; {@code token} null: without the CSRF form field (or header). */
    private static Response request(String route, Map<String, String> cookies, String token) {
        return request(route, cookies, token, null, false);
    }

    private static Response request(String route, Map<String, String> cookies, String token, String apiToken,
                                    boolean withApiToken) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{id}", NO_SUCH_ID)
                .replace("{entry}", NO_SUCH_ID)
                .replace("{change}", "remove")
                .replace("{decision}", "approve")
                .replace("{action}", "disable")
                .replace("{policyId}", "p-" + NO_SUCH_ID)
                .replace("{domain_id}", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .replace("{project_id}", "3bb27e024693436da46b5f5aaf499060")
                .replace("{workspace_id}", "sandbox-workspace")
                .replace("{policy_id}", "p-" + NO_SUCH_ID);
        RequestSpecification spec = given().redirects().follow(false).cookies(cookies);
        if (withApiToken) {
            spec = spec.header("Authorization", "Bearer " + apiToken);
        }
        if (path.startsWith("/api/")) {
            spec = spec.contentType("application/json");
            if (token != null) {
                spec = spec.header("X-CSRF-TOKEN", token);
            }
            if (!method.equals("GET")) {
                spec = spec.body("{}");
            }
        } else if (path.startsWith("/sandbox/")) {
            spec = spec.contentType("application/json;charset=UTF-8").header("x-secmaster-version", "25.5.0");
            if (token != null) {
                spec = spec.header("X-CSRF-TOKEN", token);
            }
            if (!method.equals("GET")) {
                spec = spec.body("{}");
            }
        } else if (method.equals("POST") && MULTIPART.contains(path)) {
            spec = token != null ? spec.multiPart(ConsoleSession.CSRF_FIELD, token) : spec.multiPart("nothing", "");
        } else if (method.equals("POST")) {
            spec = spec.contentType("application/x-www-form-urlencoded");
            spec = token != null ? spec.formParam(ConsoleSession.CSRF_FIELD, token) : spec.formParam("nothing", "");
            if (path.endsWith("/enabled")) {
                spec = spec.formParam("enabled", "true");
            }
        }
        return spec.when().request(method, path);
    }

    private static List<String> check(String route, Who who, boolean withToken, Outcome expected, Response actual) {
        String location = actual.header("Location");
        boolean statusMatches = actual.statusCode() == expected.status();
        boolean locationMatches = expected.location() == null
                || location != null && java.net.URI.create(location).getPath().equals(expected.location());
        boolean textMatches = expected.text() == null || actual.asString().contains(expected.text());
        if (statusMatches && locationMatches && textMatches) {
            return List.of();
        }
        return List.of(route + " as " + who + (withToken ? " with" : " without") + " CSRF token: expected "
                + expected.describe() + ", got " + actual.statusCode() + (location != null ? " → " + location : ""));
    }

    private static String role(Who who) {
        return switch (who) {
            case AUDITOR -> Roles.AUDITOR;
            case OPERATOR -> Roles.OPERATOR;
            case ADMIN -> Roles.ADMIN;
            case APPROVER -> Roles.APPROVER;
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous has no role");
        };
    }

    private static Outcome see(String location) {
        return new Outcome(303, location, null);
    }

    private static void get(String route, Outcome anonymous, Outcome auditor, Outcome operator, Outcome admin) {
        MATRIX.put(route, new Row(byWho(anonymous, auditor, operator, admin), null));
    }

    /** A page whose approver's answer is given too. */
    private static void get(String route, Outcome anonymous, Outcome auditor, Outcome operator, Outcome approver,
                            Outcome admin) {
        MATRIX.put(route, new Row(byWho(anonymous, auditor, operator, approver, admin), null));
    }

    /**
     * A form POST: with the token as given. Without it, the login and role checks come first (to the login page,
     * 403), and a user who may post is refused by the CSRF check (400).
     */
    private static void post(String route, Outcome anonymous, Outcome auditor, Outcome operator, Outcome admin) {
        MATRIX.put(route, new Row(byWho(anonymous, auditor, operator, admin),
                byWho(withoutToken(anonymous), withoutToken(auditor), withoutToken(operator), withoutToken(admin))));
    }

    private static Outcome withoutToken(Outcome withToken) {
        return withToken == TO_LOGIN || withToken == FORBIDDEN ? withToken : CSRF_REFUSED;
    }

    /** An API route: 401 for every session and none, with or without CSRF; with a token as given. */
    private static void api(String route, Outcome auditor, Outcome operator, Outcome admin) {
        Map<Who, Outcome> refused = byWho(NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN);
        MATRIX.put(route, new Row(refused, route.startsWith("GET ") ? null : refused));
        API_MATRIX.put(route, byWho(NO_API_TOKEN, auditor, operator, API_FORBIDDEN, admin));
    }

    /** An API route whose approver's answer is given too. */
    private static void api(String route, Outcome auditor, Outcome operator, Outcome approver, Outcome admin) {
        Map<Who, Outcome> refused = byWho(NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN);
        MATRIX.put(route, new Row(refused, route.startsWith("GET ") ? null : refused));
        API_MATRIX.put(route, byWho(NO_API_TOKEN, auditor, operator, approver, admin));
    }

    private static void approverApi(String route, Outcome approver) {
        Map<Who, Outcome> refused = byWho(NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN, NO_API_TOKEN);
        MATRIX.put(route, new Row(refused, route.startsWith("GET ") ? null : refused));
        API_MATRIX.put(route, byWho(NO_API_TOKEN, API_FORBIDDEN, API_FORBIDDEN, approver, API_FORBIDDEN));
    }

    private static void sandbox(String route) {
        Map<Who, Outcome> refused = byWho(NO_SANDBOX_CREDENTIAL, NO_SANDBOX_CREDENTIAL, NO_SANDBOX_CREDENTIAL,
                NO_SANDBOX_CREDENTIAL);
        MATRIX.put(route, new Row(refused, route.startsWith("GET ") ? null : refused));
    }

    /**
     * The answers by identity. An approver (that role alone) gets what every other user gets where they all get the
     * same (pages for any user, the sandbox, the API without a token), and is refused elsewhere — except on the routes
     * that name the approver's answer themselves.
     */
    private static Map<Who, Outcome> byWho(Outcome anonymous, Outcome auditor, Outcome operator, Outcome admin) {
        return byWho(anonymous, auditor, operator, auditor.equals(operator) && operator.equals(admin) ? auditor
                : FORBIDDEN, admin);
    }

    private static Map<Who, Outcome> byWho(Outcome anonymous, Outcome auditor, Outcome operator, Outcome approver,
                                           Outcome admin) {
        Map<Who, Outcome> m = new EnumMap<>(Who.class);
        m.put(Who.ANONYMOUS, anonymous);
        m.put(Who.AUDITOR, auditor);
        m.put(Who.OPERATOR, operator);
        m.put(Who.APPROVER, approver);
        m.put(Who.ADMIN, admin);
        return m;
    }

    /** A page route whose approver's answer is its own (the approvals). */
    private static void approverGet(String route, Outcome approver) {
        MATRIX.put(route, new Row(byWho(TO_LOGIN, FORBIDDEN, FORBIDDEN, approver, FORBIDDEN), null));
    }

    private static void approverPost(String route, Outcome approver) {
        MATRIX.put(route, new Row(byWho(TO_LOGIN, FORBIDDEN, FORBIDDEN, approver, FORBIDDEN),
                byWho(TO_LOGIN, FORBIDDEN, FORBIDDEN, withoutToken(approver), FORBIDDEN)));
    }
}
