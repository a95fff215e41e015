package com.policyconsole.sandbox;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ResourceCompliance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox's Config rules and their life: added rules are evaluated at once over {@link SandboxInventory} (the rule
 * is {@code Evaluating} for {@code policyconsole.sandbox.evaluation-time}), enabled, disabled, evaluated again, updated
 * and deleted — refused as Config refuses: a rule of another account is access denied ({@code RMS.00010006}), an
 * unknown one not found ({@code RMS.00010005}), a disable or delete while it is evaluated, an evaluation of a disabled
 * rule, a delete of a rule that is not disabled and an update that renames it are invalid ({@code RMS.00010004}).
 */
@ApplicationScoped
public class SandboxRules {

    public static final String INVALID_PARAMETER = "RMS.00010004";
    public static final String NOT_FOUND = "RMS.00010005";
    public static final String ACCESS_DENIED = "RMS.00010006";

    /** An evaluation: when it started and ends, and what it found (revealed once it has ended). */
    public record Evaluation(Instant startedAt, Instant endsAt, List<ResourceCompliance> results) {
        public Evaluation {
            results = List.copyOf(results);
        }
    }

    /** One rule: its 24-hex ID, account, body, times, whether it is enabled, and its last evaluation. */
    public record StoredRule(String id, String domainId, ConfigRule rule, Instant created, Instant updated,
                             boolean enabled, Evaluation evaluation) {

        /** Config's {@code state} at {@code now}. */
        public String state(Instant now) {
            if (evaluation != null && now.isBefore(evaluation.endsAt())) {
                return "Evaluating";
            }
            return enabled ? "Enabled" : "Disabled";
        }

        public boolean evaluating(Instant now) {
            return evaluation != null && now.isBefore(evaluation.endsAt());
        }
    }

    /** Why Config refuses an operation: status, code and message. */
    public record Refusal(int status, String code, String message) {
    }

    /** A rule looked up for an account: the rule, or why not. */
    public record Lookup(StoredRule rule, Refusal refusal) {
    }

    private final Map<String, StoredRule> byId = new LinkedHashMap<>();
    private final Clock clock;
    private volatile Duration evaluationTime;

    public SandboxRules(Clock clock, @ConfigProperty(name = "policyconsole.sandbox.evaluation-time",
            defaultValue = "300ms") Duration evaluationTime) {
        this.clock = clock;
        this.evaluationTime = evaluationTime;
    }

    /** How long an evaluation runs from now on (tests set it; 0 ends evaluations at once). */
    public void evaluationTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("the evaluation time must not be negative");
        }
        evaluationTime = time;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Adds a rule and starts its first evaluation, unless the account has one of that name already. */
    public synchronized Optional<StoredRule> add(String domainId, ConfigRule rule) {
        boolean taken = byId.values().stream().anyMatch(r -> r.domainId().equals(domainId)
                && r.rule().name().equals(rule.name()));
        if (taken) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Instant now = clock.instant();
        StoredRule stored = new StoredRule(id, domainId, rule, now, now, true, evaluation(rule, now));
        byId.put(id, stored);
        return Optional.of(stored);
    }

    /** The account's rules, in the order they were added. */
    public synchronized List<StoredRule> rules(String domainId) {
        return byId.values().stream().filter(r -> r.domainId().equals(domainId)).toList();
    }

    /** The rule {@code id} of the account. */
    public synchronized Lookup find(String domainId, String id) {
        StoredRule rule = byId.get(id);
        if (rule == null) {
            return new Lookup(null, new Refusal(404, NOT_FOUND, "policy assignment " + id + " does not exist"));
        }
        if (!rule.domainId().equals(domainId)) {
            return new Lookup(null, new Refusal(403, ACCESS_DENIED, "access denied to policy assignment " + id));
        }
        return new Lookup(rule, null);
    }

    /** Enables the rule; enabling an enabled rule changes nothing. */
    public synchronized Refusal enable(String domainId, String id) {
        return change(domainId, id, r -> new StoredRule(r.id(), r.domainId(), r.rule(), r.created(), clock.instant(),
                true, r.evaluation()));
    }

    /** Disables the rule, unless it is being evaluated. */
    public synchronized Refusal disable(String domainId, String id) {
        Lookup found = find(domainId, id);
        if (found.rule() != null && found.rule().evaluating(clock.instant())) {
            return invalid("the policy assignment is being evaluated and cannot be disabled now");
        }
        return change(domainId, id, r -> new StoredRule(r.id(), r.domainId(), r.rule(), r.created(), clock.instant(),
                false, r.evaluation()));
    }

    /** Starts an evaluation of an enabled rule (again, if one runs). */
    public synchronized Refusal evaluate(String domainId, String id) {
        Lookup found = find(domainId, id);
        if (found.rule() != null && !found.rule().enabled()) {
            return invalid("the policy assignment is disabled and cannot be evaluated");
        }
        return change(domainId, id, r -> new StoredRule(r.id(), r.domainId(), r.rule(), r.created(), r.updated(),
                r.enabled(), evaluation(r.rule(), clock.instant())));
    }

    /** Replaces the rule's body (its name cannot change) and evaluates it again if it is enabled. */
    public synchronized Refusal update(String domainId, String id, ConfigRule rule) {
        Lookup found = find(domainId, id);
        if (found.rule() != null && !found.rule().rule().name().equals(rule.name())) {
            return invalid("the name of a policy assignment cannot be changed");
        }
        Instant now = clock.instant();
        return change(domainId, id, r -> new StoredRule(r.id(), r.domainId(), rule, r.created(), now, r.enabled(),
                r.enabled() ? evaluation(rule, now) : r.evaluation()));
    }

    /** Deletes a disabled rule. */
    public synchronized Refusal delete(String domainId, String id) {
        Lookup found = find(domainId, id);
        if (found.refusal() != null) {
            return found.refusal();
        }
        if (found.rule().evaluating(clock.instant())) {
            return invalid("the policy assignment is being evaluated and cannot be deleted now");
        }
        if (found.rule().enabled()) {
            return invalid("the policy assignment is enabled: disable it before deleting it");
        }
        byId.remove(id);
        return null;
    }

    private Refusal change(String domainId, String id, java.util.function.UnaryOperator<StoredRule> change) {
        Lookup found = find(domainId, id);
        if (found.refusal() != null) {
            return found.refusal();
        }
        byId.put(id, change.apply(found.rule()));
        return null;
    }

    private Evaluation evaluation(ConfigRule rule, Instant now) {
        Instant ends = now.plus(evaluationTime);
        return new Evaluation(now, ends, new ArrayList<>(SandboxInventory.evaluate(rule, ends)));
    }

    private static Refusal invalid(String message) {
        return new Refusal(400, INVALID_PARAMETER, message);
    }
}
