package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.adapter.out.http.Exchange;
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.console.adapter.out.persistence.history.HistorySearch;
import com.policyconsole.console.config.ConsoleSettings;
import com.policyconsole.console.reliability.CallLogRecorder.Attempt;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import com.policyconsole.sandbox.SandboxFaults;
import com.policyconsole.sandbox.SandboxRules;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console against a flaky cloud: the sandbox answers a share of the creates and rule additions with 429, 500
 * or a timeout while an operator submits through the real forms; afterwards every history entry must carry the
 * status its call earned, the operator resolves every failed or unknown create through the console's own retry
 * flow, and in the end the sandbox holds every submitted policy and rule exactly once.
 *
 * <p>The status a call earns, from README "Retries and outcomes" and "Request history and audit", given that the
 * sandbox answers 429 <em>before</em> storing anything and a 500 or a held (timed-out) answer <em>after</em>
 * storing the policy or rule ({@code SandboxFaults}):
 * <pre>
 * last attempt of the call | emergency-policy create                  | Config rule addition
 * 2xx                      | SUCCEEDED; the sandbox holds the policy  | SUCCEEDED; the sandbox holds the rule under
 *                          | whose task ID the entry records          | the rule ID the entry records
 * 429 on the last attempt  | FAILED; the sandbox never created it     | FAILED; the sandbox has no rule of that name
 * 5xx                      | UNKNOWN; the sandbox created it          | FAILED (safe to send again, the name is
 *                          |                                          | unique); the sandbox holds the rule
 * read timeout             | UNKNOWN; the sandbox created it          | UNKNOWN; the sandbox holds the rule
 * </pre>
 * Only a 429 is tried again (at most {@code retry.max-attempts} attempts, waiting {@code [c/2, c]} with
 * {@code c = min(backoff-max, backoff-base × 2^(n-1))} before attempt {@code n+1}); a 500 or a timeout never is.
 * Resolving: an UNKNOWN create is retried ({@code action_type=retry} with the ID of the one policy the sandbox
 * holds, a new delivery of it, no second policy); a FAILED create is offered as a form to send again; a failed or
 * unknown rule is sent again through the rule form, which refuses it unsent exactly when Config (the sandbox)
 * already lists the name, and adds it otherwise.
 *
 * <p>Each call is seen as the console saw it, attempt by attempt, through the adapters' call log
 * ({@link CallLogRecorder}); what the sandbox holds is read from its state. The addresses come from a seeded
 * generator; which calls fail is the sandbox's own random draw, so every check holds whatever it draws, and the
 * second test forces each kind of fault once so that each row above is met in every run.
 */
@QuarkusTest
class CloudFaultsTest {

    /** Seed of the addresses this test blocks. */
    private static final long SEED = 20_260_522L;
    private static final String CREATE = "POST " + SecMasterEmergencyPolicyGateway.POLICIES_PATH + "?action_type=create";
    private static final String RETRY = "POST " + SecMasterEmergencyPolicyGateway.POLICIES_PATH + "?action_type=retry";
    private static final String ADD_RULE = "PUT " + RmsConfigRuleGateway.ASSIGNMENTS_PATH;
    private static final String READ_TIMEOUT = Exchange.Failure.READ_TIMEOUT.description();
    private static final Pattern ENTRY = Pattern.compile("/history/(\\d+)");
    private static final Logger LOG = Logger.getLogger(CloudFaultsTest.class);

    @Inject
    ManageAccountsUseCase accounts;

    @Inject
    SandboxState sandbox;

    @Inject
    SandboxRules sandboxRules;

    @Inject
    SandboxFaults faults;

    @Inject
    HistorySearch history;

    @Inject
    CloudSettings cloud;

    @Inject
    ConsoleSettings console;

    private ConsoleSession session;
    private CallLogRecorder calls;
    /** A Config account of this run alone, so rule names and the 500-rule quota never carry over between runs. */
    private String domainId;

    private enum Kind { POLICY, RULE }

    /** One submission: what it was for (address or rule name), its history entry and the attempts of its cloud call. */
    private record Submission(Kind kind, String subject, long entryId, List<Attempt> attempts) {

        Attempt last() {
            return attempts.get(attempts.size() - 1);
        }

        @Override
        public String toString() {
            return kind + " " + subject + " (entry #" + entryId + ", " + attempts + ")";
        }
    }

    @BeforeEach
    void logInAsAnOperatorWhoMaySetSandboxFaults() {
        String name = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        String password = RunSecrets.newPassword();
        assertThat(accounts.create(name, name, password, List.of(Roles.OPERATOR, Roles.ADMIN)))
                .isInstanceOf(AccountResult.Done.class);
        session = ConsoleSession.logIn(name, password, RunSecrets::remember);
        calls = CallLogRecorder.install();
        domainId = UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void noFaultsAndStopListening() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
        calls.close();
    }

    @Test
    void underThirtyPercentFaultsEveryEntryEndsInItsStatusAndRetriesLeaveEveryPolicyExactlyOnce() {
        List<String> addresses = addresses(new Random(SEED), 91, 30);
        setFaults(10, 10, 10);
        List<Submission> submitted = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            submitted.add(submitPolicy(addresses.get(i), null));
            if (i % 3 == 2) {
                submitted.add(submitRule("cloud-faults-" + i));
            }
        }
        setFaults(0, 0, 0);

        submitted.forEach(this::assertStatusMatchesTheCallAndTheSandbox);
        Map<String, Integer> outcomes = tally(submitted);
        LOG.infof("CloudFaultsTest: %d submissions under 10%% 429, 10%% 500, 10%% timeouts; attempts by outcome: %s",
                submitted.size(), outcomes);
        assertThat(outcomes.keySet()).as("outcomes of all attempts: the sandbox injected faults")
                .anyMatch(outcome -> !outcome.equals("HTTP 200"));
        assertThat(calls.unreadable()).as("call-log lines this test could not read").isEmpty();

        List<Submission> resolutions = resolve(submitted);
        assertEverythingExistsExactlyOnce(submitted, resolutions, "91.");
    }

    @Test
    void eachKindOfFaultEndsInItsDocumentedStatusAndIsResolvedThroughTheRetryFlow() {
        Random random = new Random(SEED);
        List<Submission> submitted = new ArrayList<>();

        setFaults(100, 0, 0);
        Submission throttledPolicy = submitPolicy(addresses(random, 92, 1).get(0), null);
        Submission throttledRule = submitRule("throttled");
        setFaults(0, 100, 0);
        Submission brokenPolicy = submitPolicy(addresses(random, 93, 1).get(0), null);
        Submission brokenRule = submitRule("server-error");
        setFaults(0, 0, 100);
        Submission slowPolicy = submitPolicy(addresses(random, 94, 1).get(0), null);
        Submission slowRule = submitRule("timed-out");
        setFaults(0, 0, 0);
        submitted.addAll(List.of(throttledPolicy, throttledRule, brokenPolicy, brokenRule, slowPolicy, slowRule));

        int max = cloud.retry().maxAttempts();
        assertThat(List.of(throttledPolicy, throttledRule)).allSatisfy(s -> assertThat(s.attempts())
                .as("a 429 is tried again until the attempts run out").hasSize(max)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(429)));
        assertThat(List.of(brokenPolicy, brokenRule)).allSatisfy(s -> assertThat(s.attempts())
                .as("a 500 is never tried again").singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(500)));
        assertThat(List.of(slowPolicy, slowRule)).allSatisfy(s -> assertThat(s.attempts())
                .as("a read timeout is never tried again").singleElement()
                .satisfies(a -> assertThat(a.failure()).isEqualTo(READ_TIMEOUT)));
        assertThat(List.of(throttledPolicy, throttledRule, brokenPolicy, brokenRule, slowPolicy, slowRule))
                .extracting(s -> status(s.entryId()))
                .containsExactly("FAILED", "FAILED", "UNKNOWN", "FAILED", "UNKNOWN", "UNKNOWN");
        submitted.forEach(this::assertStatusMatchesTheCallAndTheSandbox);

        List<Submission> resolutions = resolve(submitted);
        assertThat(resolutions).as("new entries: the rules Config already lists are refused by the form, unsent")
                .extracting(s -> s.kind() + " " + s.subject() + " " + status(s.entryId())).containsExactly(
                        "POLICY " + throttledPolicy.subject() + " SUCCEEDED", "RULE throttled SUCCEEDED",
                        "POLICY " + brokenPolicy.subject() + " SUCCEEDED", "POLICY " + slowPolicy.subject() + " SUCCEEDED");
        assertEverythingExistsExactlyOnce(submitted, resolutions, null);
    }

    // --- the operator's side: forms ---

    private void setFaults(int throttle, int serverError, int timeout) {
        assertThat(session.get("/admin/sandbox").statusCode()).isEqualTo(200);
        Response saved = session.post("/admin/sandbox", Map.of("throttle", Integer.toString(throttle),
                "server_error", Integer.toString(serverError), "timeout", Integer.toString(timeout), "fail_next", "0"));
        assertThat(saved.statusCode()).as("saving the sandbox faults").isEqualTo(200);
        assertThat(saved.asString()).contains("Saved");
        assertThat(faults.settings()).isEqualTo(new SandboxFaults.Settings(throttle, serverError, timeout, 0));
    }

    /** Blocks {@code address} through the emergency-policy form: form, preview, submit (warnings acknowledged). */
    private Submission submitPolicy(String address, Long retryOf) {
        Map<String, String> form = TestSubmissionFactory.blockForm(cloud, console, address);
        if (retryOf == null) {
            assertThat(session.get("/policies/new").statusCode()).isEqualTo(200);
        } else {
            form.put("retry_of", Long.toString(retryOf));
        }
        Response preview = session.post("/policies/preview", form);
        assertThat(preview.statusCode()).as("preview of %s", address).isEqualTo(200);
        assertThat(preview.asString()).contains(address);
        // The same address may be blocked by an earlier run in the history, a warning to acknowledge.
        form.put("acknowledge", "yes");
        int mark = calls.mark();
        Response sent = session.post("/policies/submit", form);
        return new Submission(Kind.POLICY, address, entryId(sent, address), calls.since(mark, CREATE));
    }

    /** Adds the built-in "allowed images" rule {@code name} through the rule form: form, preview, submit. */
    private Submission submitRule(String name) {
        Map<String, String> form = ruleForm(name);
        assertThat(session.get("/rules/new").statusCode()).isEqualTo(200);
        assertThat(session.post("/rules/preview", form).statusCode()).as("preview of rule %s", name).isEqualTo(200);
        int mark = calls.mark();
        Response sent = session.post("/rules/submit", form);
        return new Submission(Kind.RULE, name, entryId(sent, name), calls.since(mark, ADD_RULE));
    }

    private Map<String, String> ruleForm(String name) {
        return TestSubmissionFactory.imagesRuleForm(domainId, name);
    }

    /** Resolves every entry that did not succeed, as an operator would; returns the new entries. */
    private List<Submission> resolve(List<Submission> submitted) {
        List<Submission> resolutions = new ArrayList<>();
        for (Submission s : submitted) {
            String status = status(s.entryId());
            if (status.equals("SUCCEEDED")) {
                continue;
            }
            if (s.kind() == Kind.RULE) {
                sendRuleAgain(s).ifPresent(resolutions::add);
            } else if (status.equals("UNKNOWN")) {
                resolutions.add(retryUnknownCreate(s));
            } else {
                resolutions.add(sendFailedCreateAgain(s));
            }
        }
        return resolutions;
    }

    private Submission retryUnknownCreate(Submission original) {
        String page = session.get("/history/" + original.entryId()).asString();
        assertThat(page).as("detail of %s", original).contains("UNKNOWN").contains("id=\"retry\"");
        SandboxState.StoredPolicy held = policiesFor(original.subject()).get(0);
        int mark = calls.mark();
        Response retried = session.post("/history/" + original.entryId() + "/retry", Map.of());
        Submission retry = new Submission(Kind.POLICY, original.subject(), entryId(retried, original.subject()),
                calls.since(mark, RETRY));

        HistoryDetail entry = detail(retry.entryId());
        assertThat(entry.entry().operation().name()).isEqualTo("RETRY_EMERGENCY_POLICY");
        assertThat(entry.entry().retryOf()).isEqualTo(original.entryId());
        assertThat(entry.entry().status().name()).as("retry of %s", original).isEqualTo("SUCCEEDED");
        assertThat(entry.request().body()).as("the retry names the one policy the sandbox holds")
                .contains("\"retry_list\":[\"" + held.id() + "\"]");
        assertThat(retry.attempts()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(policiesFor(original.subject())).as("policies for %s after the retry", original.subject())
                .singleElement().satisfies(p -> assertThat(p.deliveries()).isEqualTo(held.deliveries() + 1));
        assertThat(detail(original.entryId()).resolvedBy()).isEqualTo(retry.entryId());
        return retry;
    }

    private Submission sendFailedCreateAgain(Submission original) {
        String page = session.get("/history/" + original.entryId()).asString();
        assertThat(page).as("detail of %s", original).contains("FAILED").contains("id=\"retry\"");
        Response offered = session.post("/history/" + original.entryId() + "/retry", Map.of());
        assertThat(offered.statusCode()).as("retry of %s", original).isEqualTo(200);
        assertThat(offered.asString()).contains("certainly did not reach SecMaster")
                .contains("name=\"retry_of\" value=\"" + original.entryId() + "\"")
                .containsPattern("name=\"block_target\"[^>]*>\\s*" + Pattern.quote(original.subject()) + "\\s*<");
        assertThat(policiesFor(original.subject())).as("the offer sends nothing").isEmpty();

        Submission again = submitPolicy(original.subject(), original.entryId());
        HistoryDetail entry = detail(again.entryId());
        assertThat(entry.entry().operation().name()).isEqualTo("CREATE_EMERGENCY_POLICY");
        assertThat(entry.entry().retryOf()).isEqualTo(original.entryId());
        assertThat(entry.entry().status().name()).as("sending %s again", original).isEqualTo("SUCCEEDED");
        assertThat(policiesFor(original.subject())).singleElement()
                .satisfies(p -> assertThat(entry.entry().resultId()).isEqualTo("task-" + p.id()));
        assertThat(detail(original.entryId()).resolvedBy()).isEqualTo(again.entryId());
        return again;
    }

    /**
     * Sends a failed or unknown rule again through the form. When Config already lists its name, the form says so
     * and nothing is sent (empty); otherwise the rule is added.
     */
    private Optional<Submission> sendRuleAgain(Submission original) {
        if (rulesNamed(original.subject()).isEmpty()) {
            Submission again = submitRule(original.subject());
            assertThat(status(again.entryId())).as("sending %s again", original).isEqualTo("SUCCEEDED");
            return Optional.of(again);
        }
        Map<String, String> form = ruleForm(original.subject());
        assertThat(session.get("/rules/new").statusCode()).isEqualTo(200);
        Response preview = session.post("/rules/preview", form);
        assertThat(preview.statusCode()).as("preview of %s, which Config lists", original).isEqualTo(422);
        assertThat(preview.asString()).contains("already exists");
        int mark = calls.mark();
        assertThat(session.post("/rules/submit", form).statusCode()).as("sending %s again", original).isEqualTo(422);
        assertThat(calls.since(mark, ADD_RULE)).as("calls made sending %s again", original).isEmpty();
        return Optional.empty();
    }

    // --- the checks ---

    private void assertStatusMatchesTheCallAndTheSandbox(Submission s) {
        assertThat(s.attempts()).as("call-log lines of %s", s).isNotEmpty();
        assertRetriedOnlyWhenSafe(s);
        Attempt last = s.last();
        String expected = earnedStatus(s.kind(), last);
        HistoryDetail entry = detail(s.entryId());
        assertThat(entry.entry().status().name()).as("status of %s", s).isEqualTo(expected);
        if (last.answered()) {
            assertThat(entry.entry().httpStatus()).as("HTTP status of %s", s).isEqualTo(last.status());
        }
        boolean reachedTheStore = !(last.answered() && last.status() == 429);
        if (s.kind() == Kind.POLICY) {
            List<SandboxState.StoredPolicy> held = policiesFor(s.subject());
            if (expected.equals("SUCCEEDED")) {
                assertThat(held).as("sandbox policies for %s", s).singleElement()
                        .satisfies(p -> assertThat(entry.entry().resultId()).isEqualTo("task-" + p.id()));
            } else if (expected.equals("UNKNOWN")) {
                assertThat(held).as("an UNKNOWN create may have been applied — here it was: %s", s).hasSize(1);
            } else {
                assertThat(held).as("a FAILED create never reached SecMaster: %s", s).isEmpty();
            }
        } else {
            List<SandboxRules.StoredRule> held = rulesNamed(s.subject());
            if (expected.equals("SUCCEEDED")) {
                assertThat(held).as("sandbox rules named %s", s).singleElement()
                        .satisfies(r -> assertThat(entry.entry().resultId()).isEqualTo(r.id()));
            } else {
                assertThat(held).as("sandbox rules named %s", s).hasSize(reachedTheStore ? 1 : 0);
            }
        }
    }

    /** The status README "Retries and outcomes" gives a call that ended with {@code last}. */
    private static String earnedStatus(Kind kind, Attempt last) {
        if (last.answered() && last.status() / 100 == 2) {
            return "SUCCEEDED";
        }
        if (last.answered() && last.status() == 429) {
            return "FAILED";
        }
        if (last.answered() && last.status() >= 500) {
            return kind == Kind.POLICY ? "UNKNOWN" : "FAILED";
        }
        if (READ_TIMEOUT.equals(last.failure())) {
            return "UNKNOWN";
        }
        throw new AssertionError("the sandbox injects only 429, 500 and timeouts, yet a call ended with " + last);
    }

    /** Only a 429 is tried again, after the documented backoff, until it succeeds or the attempts run out. */
    private void assertRetriedOnlyWhenSafe(Submission s) {
        List<Attempt> attempts = s.attempts();
        long base = cloud.retry().backoffBase().toMillis();
        long cap = cloud.retry().backoffMax().toMillis();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            assertThat(a.attempt()).as("attempt numbers of %s", s).isEqualTo(i + 1);
            boolean throttled = a.answered() && a.status() == 429;
            if (i < attempts.size() - 1) {
                assertThat(throttled).as("only a 429 is tried again: %s", s).isTrue();
                long ceiling = Math.min(cap, base << i);
                assertThat(a.retryInMs()).as("wait after attempt %d of %s", i + 1, s).isBetween(ceiling / 2, ceiling);
                long waited = Duration.between(a.loggedAt(), attempts.get(i + 1).loggedAt()).toMillis();
                assertThat(waited).as("time until the next attempt of %s", s).isGreaterThanOrEqualTo(a.retryInMs() - 1);
            } else {
                assertThat(a.retryInMs()).as("no wait after the last attempt of %s", s).isNull();
                if (throttled) {
                    assertThat(a.attempt()).as("a 429 is tried again until the attempts run out: %s", s)
                            .isEqualTo(cloud.retry().maxAttempts());
                }
            }
        }
    }

    private void assertEverythingExistsExactlyOnce(List<Submission> submitted, List<Submission> resolutions,
                                                   String addressPrefix) {
        List<Submission> all = new ArrayList<>(submitted);
        all.addAll(resolutions);
        assertThat(all).as("entries left PENDING").noneMatch(s -> status(s.entryId()).equals("PENDING"));
        for (Submission s : submitted) {
            if (s.kind() == Kind.POLICY) {
                assertThat(policiesFor(s.subject())).as("sandbox policies for %s", s).hasSize(1);
                HistoryDetail entry = detail(s.entryId());
                assertThat(entry.entry().status().name().equals("SUCCEEDED") || entry.resolvedBy() != null)
                        .as("%s succeeded or was completed by a retry", s).isTrue();
            } else {
                assertThat(rulesNamed(s.subject())).as("sandbox rules named %s", s).hasSize(1);
            }
        }
        if (addressPrefix != null) {
            Set<String> ours = new LinkedHashSet<>();
            submitted.stream().filter(s -> s.kind() == Kind.POLICY).forEach(s -> ours.add(s.subject()));
            assertThat(sandbox.policies(SandboxState.WORKSPACE_ID)).filteredOn(p -> p.policy().blockTarget()
                    .startsWith(addressPrefix)).extracting(p -> p.policy().blockTarget())
                    .as("every policy the sandbox holds in %s*", addressPrefix).containsExactlyInAnyOrderElementsOf(ours);
        }
        assertThat(sandboxRules.rules(domainId)).extracting(r -> r.rule().name()).as("rules of this run's account")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(submitted.stream().filter(s -> s.kind() == Kind.RULE)
                        .map(Submission::subject).toList());
    }

    // --- reading the results ---

    private static long entryId(Response sent, String subject) {
        assertThat(sent.statusCode()).as("submission of %s: %s", subject, sent.asString()).isEqualTo(303);
        URI location = URI.create(sent.header("Location"));
        assertThat(location.getQuery()).as("the outcome of %s was recorded", subject).isNull();
        Matcher m = ENTRY.matcher(location.getPath());
        assertThat(m.matches()).as("redirect of %s to its entry: %s", subject, location).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HistoryDetail detail(long id) {
        return history.detail(id).orElseThrow(() -> new AssertionError("no history entry " + id));
    }

    private String status(long id) {
        return detail(id).entry().status().name();
    }

    private List<SandboxState.StoredPolicy> policiesFor(String address) {
        return sandbox.policies(SandboxState.WORKSPACE_ID).stream()
                .filter(p -> p.policy().blockTarget().equals(address)).toList();
    }

    private List<SandboxRules.StoredRule> rulesNamed(String name) {
        return sandboxRules.rules(domainId).stream().filter(r -> r.rule().name().equals(name)).toList();
    }

    /** {@code count} distinct public addresses {@code first.x.y.z}, drawn from {@code random}. */
    private static List<String> addresses(Random random, int first, int count) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            out.add(first + "." + (1 + random.nextInt(254)) + "." + (1 + random.nextInt(254)) + "." + (1 + random.nextInt(254)));
        }
        return List.copyOf(out);
    }

    /** Attempts by outcome, e.g. {@code HTTP 429 → 5}. */
    private static Map<String, Integer> tally(List<Submission> submissions) {
        Map<String, Integer> out = new TreeMap<>();
        submissions.forEach(s -> s.attempts().forEach(a -> out.merge(a.answered() ? "HTTP " + a.status() : a.failure(),
                1, Integer::sum)));
        return out;
    }
}
