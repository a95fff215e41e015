package com.policyconsole.domain.service;

import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.HistoryRule;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.config.RuleDetail;
import com.policyconsole.domain.model.config.RuleList;
import com.policyconsole.domain.model.config.RuleState;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.port.out.ApprovalStore;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.SubmittedRequest.RuleChangeSubmission;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.ConfigRulesQuery;
import com.policyconsole.domain.port.in.ManageConfigRulesUseCase;
import com.policyconsole.domain.port.in.RuleChangeCommand;
import com.policyconsole.domain.port.in.RuleChangePreview;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.ConfigRuleHistory;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The life of a Config rule after it was added: the account's rules beside the history, a rule's compliance, and the
 * operations on it — each checked against the rule as Config holds it (a rule it no longer has, a state the operation
 * makes no sense in), recorded before it is sent. A delete of a rule that is not disabled disables it first: two
 * entries, the delete a step of the disable, and the delete is sent only once Config reports the rule disabled.
 */
public final class ConfigRuleLifecycleService implements ConfigRulesQuery, ManageConfigRulesUseCase {

    /** Where problems with the rule itself (its ID, its state) are reported. */
    public static final String RULE_PATH = "policy_assignment_id";
    /** Non-compliant resources shown per page of a rule. */
    public static final int STATES_PAGE = 50;
    /** Config's rule IDs: letters, digits, '_' and '-', at most 36 (path parameter {@code policy_assignment_id}). */
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    /** Waits between two reads of a rule that is being disabled; replaceable in tests. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final ConfigRuleGateway gateway;
    private final ConfigRuleChecks checks;
    private final ConfigRuleHistory ruleHistory;
    private final SubmissionPipeline pipeline;
    private final SubmissionPipeline holding;
    private final ApprovalRules approvals;
    private final RequestHistory history;
    private final Duration disableWait;
    private final Duration pollInterval;
    private final Pause pause;

    /**
     * @param disableWait how long a two-step delete waits for Config to report the rule disabled before it gives up
     *                    (the delete is then recorded as not sent)
     * @param pollInterval how often it reads the rule meanwhile
     */
    public ConfigRuleLifecycleService(ConfigRuleGateway gateway, ConfigRuleChecks checks, ConfigRuleHistory ruleHistory,
                                      RequestHistory history, Clock clock, Duration disableWait, Duration pollInterval,
                                      Pause pause) {
        this(gateway, checks, ruleHistory, history, clock, disableWait, pollInterval, pause, ApprovalRules.NONE, null);
    }

    /**
     * A lifecycle whose deletes, when {@code approvals} say so, are held in {@code holds} for a second person's
     * approval ({@link ApprovalService} sends them once approved).
     */
    public ConfigRuleLifecycleService(ConfigRuleGateway gateway, ConfigRuleChecks checks, ConfigRuleHistory ruleHistory,
                                      RequestHistory history, Clock clock, Duration disableWait, Duration pollInterval,
                                      Pause pause, ApprovalRules approvals, ApprovalStore holds) {
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.approvals = Objects.requireNonNull(approvals, "'approvals' must not be null");
        this.holding = holds == null || !approvals.ruleDeletes() && !approvals.ruleDisables()
                && !approvals.ruleUpdates() ? null
                : new SubmissionPipeline(history, clock, approvals, holds);
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.checks = Objects.requireNonNull(checks, "'checks' must not be null");
        this.ruleHistory = Objects.requireNonNull(ruleHistory, "'ruleHistory' must not be null");
        this.pipeline = new SubmissionPipeline(history, clock);
        this.disableWait = Objects.requireNonNull(disableWait, "'disableWait' must not be null");
        this.pollInterval = Objects.requireNonNull(pollInterval, "'pollInterval' must not be null");
        this.pause = Objects.requireNonNull(pause, "'pause' must not be null");
    }

    @Override
    public RuleList rules(String domainId) {
        List<PolicyAssignment> listed = new ArrayList<>(gateway.listRules(domainId));
        listed.sort(Comparator.comparing(PolicyAssignment::created, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        List<HistoryRule> known = ruleHistory.historyRules(domainId);
        Set<String> listedIds = new HashSet<>();
        Set<String> listedNames = new HashSet<>();
        List<RuleList.Row> rows = new ArrayList<>();
        for (PolicyAssignment rule : listed) {
            listedIds.add(rule.id());
            listedNames.add(rule.rule().name());
            rows.add(new RuleList.Row(rule, known(known, rule)));
        }
        List<HistoryRule> notInConfig = known.stream()
                .filter(k -> !(k.ruleId() != null ? listedIds.contains(k.ruleId()) : listedNames.contains(k.name())))
                .toList();
        return new RuleList(rows, notInConfig);
    }

    @Override
    public Optional<RuleDetail> rule(String domainId, String ruleId, String marker) {
        if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
            return Optional.empty();
        }
        Optional<PolicyAssignment> shown = gateway.show(domainId, ruleId);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        ComplianceSummary summary = null;
        CompliancePage nonCompliant = null;
        EvaluationState evaluation = null;
        try {
            summary = gateway.summary(domainId, ruleId);
        } catch (CloudReadException e) {
            problems.add("The compliance summary could not be read: " + e.getMessage());
        }
        try {
            nonCompliant = gateway.policyStates(domainId, ruleId, ResourceCompliance.NON_COMPLIANT, marker, STATES_PAGE);
        } catch (CloudReadException e) {
            problems.add("The non-compliant resources could not be read: " + e.getMessage());
        }
        try {
            evaluation = gateway.evaluationState(domainId, ruleId);
        } catch (CloudReadException e) {
            problems.add("The last evaluation could not be read: " + e.getMessage());
        }
        HistoryRule known;
        try {
            known = known(ruleHistory.historyRules(domainId), shown.get());
        } catch (RuntimeException e) {
            known = null;
            problems.add("The history could not be read: " + e.getMessage());
        }
        return Optional.of(new RuleDetail(shown.get(), known, summary, nonCompliant, evaluation, problems));
    }

    @Override
    public EvaluationState evaluation(String domainId, String ruleId) {
        return gateway.evaluationState(domainId, ruleId);
    }

    @Override
    public RuleChangePreview preview(RuleChangeCommand command) {
        Checked checked;
        try {
            checked = check(command);
        } catch (CloudReadException e) {
            checked = new Checked(List.of(change(command, null, null)), Violations.of(List.of(Violation.error(RULE_PATH,
                    ViolationCode.NOT_CHECKED, "the rule could not be read from Config: " + e.getMessage()))));
        }
        List<RenderedRequest> requests = checked.steps().stream().map(s -> gateway.prepare(s).rendered()).toList();
        return new RuleChangePreview(checked.violations(), requests, holding == null ? List.of()
                : approvals.reasons(new RuleChangeSubmission(last(checked), null)));
    }

    @Override
    public SubmissionResult submit(RuleChangeCommand command) {
        Checked[] checked = {null};
        if (holding != null && (command.kind() == RuleChangeCommand.Kind.DELETE && approvals.ruleDeletes()
                || command.kind() == RuleChangeCommand.Kind.DISABLE && approvals.ruleDisables()
                || command.kind() == RuleChangeCommand.Kind.UPDATE && approvals.ruleUpdates())) {
            // the delete is what a second person approves; its disable, if needed, is sent once it is approved; an
            // update is held only when it changes what the rule evaluates (ApprovalRules)
            return holding.submit(command.actor(), () -> new RuleChangeSubmission(last(checked[0]), null),
                    () -> {
                        checked[0] = check(command);
                        return checked[0].violations();
                    }, command.warningsAcknowledged(), () -> gateway.prepare(last(checked[0])), null);
        }
        SubmissionResult first = pipeline.submit(command.actor(),
                () -> new RuleChangeSubmission(checked[0].steps().get(0), null),
                () -> {
                    checked[0] = check(command);
                    return checked[0].violations();
                }, command.warningsAcknowledged(), () -> gateway.prepare(checked[0].steps().get(0)), null);
        if (checked[0] == null || checked[0].steps().size() < 2 || !(first instanceof SubmissionResult.Sent sent)
                || !(sent.outcome() instanceof CloudOutcome.Accepted)) {
            return first;
        }
        RuleChange delete = checked[0].steps().get(1);
        String notDisabled = awaitDisabled(delete.domainId(), delete.ruleId());
        PreparedCall prepared = gateway.prepare(delete);
        PreparedCall call = notDisabled == null ? prepared : new PreparedCall(prepared.rendered(),
                () -> new CloudOutcome.Failed(0, "CLIENT.NOT_SENT", notDisabled
                        + ": the delete was not sent, the rule stays disabled", null, null));
        SubmissionResult second = pipeline.submit(command.actor(), new RuleChangeSubmission(delete, sent.entryId()),
                Violations::none, true, () -> call, null);
        return second instanceof SubmissionResult.Sent ? second : first;
    }

    /** The disable held as {@code entry}, prepared as the console would send it now. */
    PreparedCall heldDisable(HistoryEntry entry) {
        return gateway.prepare(new RuleChange.Disable(entry.domainId(), entry.ruleId(), entry.ruleName()));
    }

    /** The update held as {@code entry}, recorded as {@code recorded}, prepared as the console would send it now. */
    Optional<PreparedCall> heldUpdate(HistoryEntry entry, RenderedRequest recorded) {
        return gateway.readBackUpdate(recorded)
                .map(rule -> gateway.prepare(new RuleChange.Update(entry.domainId(), entry.ruleId(), rule)));
    }

    /** The delete held as {@code entry}, prepared as the console would send it now. */
    PreparedCall heldDelete(HistoryEntry entry) {
        return gateway.prepare(new RuleChange.Delete(entry.domainId(), entry.ruleId(), entry.ruleName()));
    }

    /**
     * Sends an approved delete held as {@code entry}: when Config reports the rule enabled, disables it first (an entry
     * that is a step of the delete) and sends the delete once Config reports it disabled; the delete's outcome is
     * recorded on the held entry, a delete that cannot be sent as not sent.
     */
    SubmissionResult.Sent sendApprovedDelete(HistoryEntry entry, PreparedCall delete) {
        String notSent = null;
        try {
            Optional<PolicyAssignment> shown = gateway.show(entry.domainId(), entry.ruleId());
            if (shown.isEmpty()) {
                notSent = "Config no longer has the rule";
            } else if (RuleState.fromWire(shown.get().state()).orElse(null) != RuleState.DISABLED) {
                RuleChange disable = new RuleChange.Disable(entry.domainId(), entry.ruleId(), entry.ruleName());
                SubmissionResult disabled = pipeline.submit(entry.actor(), new RuleChangeSubmission(disable, entry.id()),
                        Violations::none, true, () -> gateway.prepare(disable), null);
                notSent = disabled instanceof SubmissionResult.Sent sent && sent.outcome() instanceof CloudOutcome.Accepted
                        ? awaitDisabled(entry.domainId(), entry.ruleId())
                        : "the disable before it was not accepted";
            }
        } catch (CloudReadException e) {
            notSent = "the rule's state could not be read: " + e.getMessage();
        }
        String reason = notSent;
        PreparedCall call = reason == null ? delete : new PreparedCall(delete.rendered(),
                () -> new CloudOutcome.Failed(0, "CLIENT.NOT_SENT", reason + ": the delete was not sent", null, null));
        SubmissionPipeline.Delivered delivered = SubmissionPipeline.sendAndRecord(call, entry.id(), history);
        return new SubmissionResult.Sent(entry.id(), delivered.outcome(), Violations.none(), delivered.recorded());
    }

    private static RuleChange last(Checked checked) {
        return checked.steps().get(checked.steps().size() - 1);
    }

    /** The steps of an operation (two for a delete that disables first) and its findings. */
    private record Checked(List<RuleChange> steps, Violations violations) {
    }

    private Checked check(RuleChangeCommand command) {
        List<Violation> found = new ArrayList<>();
        String ruleId = command.ruleId() == null ? "" : command.ruleId().strip();
        if (command.domainId() == null || command.domainId().isBlank()) {
            found.add(Violation.error("domain_id", ViolationCode.REQUIRED, "the account (domain_id) is required"));
        }
        if (!RULE_ID.matcher(ruleId).matches()) {
            found.add(Violation.error(RULE_PATH, ViolationCode.BAD_FORMAT, "'" + cut(ruleId)
                    + "' is not a rule ID (1 to 36 letters, digits, '_' and '-')"));
        }
        if (!found.isEmpty()) {
            return new Checked(List.of(change(command, null, null)), Violations.of(found));
        }
        Optional<PolicyAssignment> shown = gateway.show(command.domainId(), ruleId);
        if (shown.isEmpty()) {
            found.add(Violation.error(RULE_PATH, ViolationCode.RULE_NOT_FOUND, "Config has no rule " + ruleId
                    + " (deleted already?); nothing is sent"));
            return new Checked(List.of(change(command, null, null)), Violations.of(found));
        }
        PolicyAssignment current = shown.get();
        String name = current.rule().name();
        Optional<RuleState> state = RuleState.fromWire(current.state());
        List<RuleChange> steps = new ArrayList<>(List.of(change(command, name, current.rule())));
        switch (command.kind()) {
            case ENABLE -> {
                if (state.isPresent() && state.get() != RuleState.DISABLED) {
                    found.add(Violation.error(RULE_PATH, ViolationCode.RULE_ALREADY_IN_STATE, "rule " + name
                            + " is enabled already (" + current.state() + "); nothing is sent"));
                }
            }
            case DISABLE -> {
                if (state.orElse(null) == RuleState.DISABLED) {
                    found.add(Violation.error(RULE_PATH, ViolationCode.RULE_ALREADY_IN_STATE, "rule " + name
                            + " is disabled already; nothing is sent"));
                } else if (state.orElse(null) == RuleState.EVALUATING) {
                    found.add(evaluating(name, "disable it"));
                }
            }
            case EVALUATE -> {
                if (state.orElse(null) == RuleState.DISABLED) {
                    found.add(Violation.error(RULE_PATH, ViolationCode.RULE_DISABLED, "rule " + name
                            + " is disabled and Config does not evaluate it: enable it first"));
                } else if (state.orElse(null) == RuleState.EVALUATING) {
                    found.add(Violation.error(RULE_PATH, ViolationCode.RULE_EVALUATING, "an evaluation of rule " + name
                            + " is running already; its page follows it to the end"));
                }
            }
            case UPDATE -> found.addAll(updateViolations(command, current));
            case DELETE -> {
                if (state.orElse(null) == RuleState.EVALUATING) {
                    found.add(evaluating(name, "delete it"));
                } else if (state.orElse(null) != RuleState.DISABLED) {
                    steps.add(0, new RuleChange.Disable(command.domainId(), ruleId, name));
                    found.add(Violation.warning(RULE_PATH, ViolationCode.DISABLES_FIRST, "rule " + name + " is "
                            + (current.state() == null ? "in no reported state" : current.state())
                            + ": Config deletes only disabled rules, so it is disabled first and deleted once Config"
                            + " reports it disabled — two requests, two history entries"));
                }
            }
            default -> throw new IllegalStateException("unknown operation " + command.kind());
        }
        if (state.isEmpty() && current.state() != null) {
            found.add(Violation.warning(RULE_PATH, ViolationCode.NOT_CHECKED, "Config reports rule " + name
                    + " in state '" + cut(current.state()) + "', which its documentation does not list"));
        }
        return new Checked(steps, Violations.of(found));
    }

    private static Violation evaluating(String name, String what) {
        return Violation.error(RULE_PATH, ViolationCode.RULE_EVALUATING, "rule " + name
                + " is being evaluated; " + what + " when the evaluation has ended");
    }

    /** An update: the same rules as adding, the name unchanged. */
    private List<Violation> updateViolations(RuleChangeCommand command, PolicyAssignment current) {
        List<Violation> found = new ArrayList<>();
        String name = command.rule().name();
        if (name != null && !name.equals(current.rule().name())) {
            found.add(Violation.error("name", ViolationCode.RULE_NAME_CHANGED, "the name of a rule cannot change (it is "
                    + current.rule().name() + "); add a new rule for a new name"));
        }
        found.addAll(checks.checkContent(new ConfigRuleRequest(command.domainId(), command.rule())).all());
        return found;
    }

    /**
     * The operation the command asks for, on the rule named {@code name} and shown as {@code before} (both null when
     * Config was not asked).
     */
    private static RuleChange change(RuleChangeCommand command, String name, ConfigRule before) {
        String domainId = command.domainId() == null ? "" : command.domainId();
        String ruleId = command.ruleId() == null ? "" : command.ruleId().strip();
        return switch (command.kind()) {
            case ENABLE -> new RuleChange.Enable(domainId, ruleId, name);
            case DISABLE -> new RuleChange.Disable(domainId, ruleId, name);
            case EVALUATE -> new RuleChange.Evaluate(domainId, ruleId, name);
            case UPDATE -> new RuleChange.Update(domainId, ruleId, command.rule(), before);
            case DELETE -> new RuleChange.Delete(domainId, ruleId, name);
        };
    }

    /** Null once Config reports the rule disabled; otherwise why the delete must not be sent. */
    private String awaitDisabled(String domainId, String ruleId) {
        long reads = 1 + Math.max(0, disableWait.toMillis() / Math.max(1, pollInterval.toMillis()));
        String last = "Config did not report the rule disabled within " + disableWait.toMillis() + " ms";
        for (long read = 1; ; read++) {
            try {
                Optional<PolicyAssignment> shown = gateway.show(domainId, ruleId);
                if (shown.isEmpty()) {
                    return "Config no longer has the rule";
                }
                if (RuleState.fromWire(shown.get().state()).orElse(null) == RuleState.DISABLED) {
                    return null;
                }
                last = "Config still reported the rule " + shown.get().state() + " after " + disableWait.toMillis()
                        + " ms";
            } catch (CloudReadException e) {
                last = "the rule's state could not be read: " + e.getMessage();
            }
            if (read >= reads) {
                return last;
            }
            try {
                pause.pause(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for Config to disable the rule";
            }
        }
    }

    private static HistoryRule known(List<HistoryRule> known, PolicyAssignment rule) {
        return known.stream().filter(k -> rule.id().equals(k.ruleId())).findFirst()
                .or(() -> known.stream().filter(k -> k.ruleId() == null && k.name().equals(rule.rule().name()))
                        .findFirst())
                .orElse(null);
    }

    private static String cut(String text) {
        return text.length() > 64 ? text.substring(0, 63) + "…" : text;
    }
}
