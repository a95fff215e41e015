package com.policyconsole.domain.service;

import com.policyconsole.domain.guardrail.EmergencyPolicyGuardrails;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.out.ApprovalStore;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.model.lifecycle.ActiveBlocks;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.ActiveBlocksQuery;
import com.policyconsole.domain.port.in.ChangePoliciesUseCase;
import com.policyconsole.domain.port.in.PolicyChangeCommand;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.PolicyLifecycleStore;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The life of a policy after its create: the workspace's policies as SecMaster lists them beside the history (drift
 * both ways), and removals and ageing changes — checked against SecMaster (a policy it no longer has is named, nothing
 * is sent) and the ageing rules, recorded before they are sent, linked to the entries that created the policies. A
 * change the approval rules hold (removing a WHITE policy, making its ageing later or permanent) waits for a second
 * person; {@link ApprovalService} sends it once approved.
 */
public final class PolicyLifecycleService implements ChangePoliciesUseCase, ActiveBlocksQuery {

    /** Where a change's policy IDs are reported, as the batch delete names them. */
    public static final String IDS_PATH = "batch_ids";
    private static final String AGEING_PATH = "data_object.block_age";

    private final EmergencyPolicyGateway gateway;
    private final PolicyLifecycleStore store;
    private final PolicyInventory inventory;
    private final SubmissionPipeline pipeline;
    private final ApprovalRules approvals;
    private final SecMasterLimits limits;
    private final Clock clock;

    /** A lifecycle whose changes are never held. */
    public PolicyLifecycleService(EmergencyPolicyGateway gateway, PolicyLifecycleStore store, PolicyInventory inventory,
                                  RequestHistory history, SecMasterLimits limits, Clock clock) {
        this(gateway, store, inventory, history, limits, clock, ApprovalRules.NONE, null);
    }

    /** A lifecycle that holds in {@code holds} what {@code approvals} say needs a second person. */
    public PolicyLifecycleService(EmergencyPolicyGateway gateway, PolicyLifecycleStore store, PolicyInventory inventory,
                                  RequestHistory history, SecMasterLimits limits, Clock clock, ApprovalRules approvals,
                                  ApprovalStore holds) {
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.store = Objects.requireNonNull(store, "'store' must not be null");
        this.inventory = Objects.requireNonNull(inventory, "'inventory' must not be null");
        this.approvals = Objects.requireNonNull(approvals, "'approvals' must not be null");
        this.pipeline = new SubmissionPipeline(history, clock, holds == null ? null : approvals, holds);
        this.limits = Objects.requireNonNull(limits, "'limits' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public ActiveBlocks activeBlocks(SecMasterWorkspace workspace, String secmasterVersion, String search) {
        List<SecMasterPolicy> listed = new ArrayList<>(gateway.list(workspace, secmasterVersion));
        listed.sort(Comparator.comparing(SecMasterPolicy::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        List<HistoryPolicy> known = store.historyPolicies(workspace);
        Map<String, HistoryPolicy> byId = known.stream().filter(k -> k.policyId() != null)
                .collect(Collectors.toMap(HistoryPolicy::policyId, Function.identity(), (a, b) -> a));
        Set<String> listedIds = listed.stream().map(SecMasterPolicy::policyId).collect(Collectors.toSet());
        Matcher matcher = new Matcher(search);
        List<ActiveBlocks.Row> rows = listed.stream().filter(p -> matcher.matches(p.policyId(), p.policy().targets(),
                        p.policy().blockType().orElse(BlockType.SOURCE_IP)))
                .map(p -> new ActiveBlocks.Row(p, byId.get(p.policyId()))).toList();
        List<HistoryPolicy> missing = known.stream()
                .filter(k -> k.policyId() != null && !listedIds.contains(k.policyId()))
                .filter(k -> matcher.matches(k.policyId(), k.objects(), BlockType.SOURCE_IP)).toList();
        return new ActiveBlocks(rows, missing, listed.size());
    }

    @Override
    public Preview preview(PolicyChangeCommand command) {
        Checked checked;
        try {
            checked = check(command);
        } catch (CloudReadException e) {
            return new Preview(Violations.of(List.of(Violation.error(IDS_PATH, ViolationCode.NOT_CHECKED,
                    "SecMaster's policies could not be read: " + e.getMessage()))), gateway.prepare(
                    change(command, List.of())).rendered());
        }
        return new Preview(checked.violations(), gateway.prepare(checked.change()).rendered(),
                approvals.reasons(checked.change()));
    }

    /**
     * The held change recorded as {@code recorded}, prepared as the console would send it now; empty when the recorded
     * request is not a removal or an ageing change.
     */
    Optional<PreparedCall> held(RenderedRequest recorded) {
        return gateway.readBackChange(recorded).map(gateway::prepare);
    }

    @Override
    public SubmissionResult submit(PolicyChangeCommand command) {
        Checked[] checked = {null};
        return pipeline.submit(command.actor(), () -> new SubmittedRequest.PolicyChangeSubmission(checked[0].change()),
                () -> {
                    checked[0] = check(command);
                    return checked[0].violations();
                }, command.warningsAcknowledged(), () -> gateway.prepare(checked[0].change()), null);
    }

    /** The change with what SecMaster and the history know of its policies, and its findings. */
    private record Checked(PolicyChange change, Violations violations) {
    }

    private Checked check(PolicyChangeCommand command) {
        List<Violation> violations = new ArrayList<>();
        if (command.policyIds().isEmpty()) {
            violations.add(Violation.error(IDS_PATH, ViolationCode.NO_POLICY_CHOSEN, "choose at least one policy"));
        }
        if (!command.isRemoval() && command.policyIds().size() > 1) {
            violations.add(Violation.error(IDS_PATH, ViolationCode.NOT_ALLOWED,
                    "the ageing of one policy is changed at a time"));
        }
        Map<String, HistoryPolicy> known = store.historyPolicies(command.workspace()).stream()
                .filter(k -> k.policyId() != null)
                .collect(Collectors.toMap(HistoryPolicy::policyId, Function.identity(), (a, b) -> a));
        List<PolicyChange.Subject> subjects = new ArrayList<>();
        EmergencyPolicy current = null;
        for (String id : command.policyIds()) {
            Optional<SecMasterPolicy> shown = gateway.show(command.workspace(), command.secmasterVersion(), id);
            if (shown.isEmpty()) {
                violations.add(Violation.error(IDS_PATH, ViolationCode.POLICY_NOT_FOUND, "SecMaster has no policy " + id
                        + " (removed already?); nothing is sent" + (command.policyIds().size() > 1
                        ? ": leave it out to change the others" : "")));
                continue;
            }
            current = shown.get().policy();
            HistoryPolicy entry = known.get(id);
            subjects.add(new PolicyChange.Subject(id, entry == null ? null : entry.entryId(), current.targets(),
                    current.category().orElse(null), current.blockAge()));
        }
        if (!command.isRemoval() && current != null) {
            violations.addAll(ageingViolations(command, current));
        }
        return new Checked(change(command, subjects), Violations.of(violations));
    }

    /** The new ageing checked as a create's is (format, in the past, very soon) and against the ageing quota. */
    private List<Violation> ageingViolations(PolicyChangeCommand command, EmergencyPolicy current) {
        EmergencyPolicyRequest changed = EmergencyPolicyRequest.create(command.workspace(), command.secmasterVersion(),
                current.toBuilder().blockAge(command.newAge()).build());
        Instant now = clock.instant();
        List<Violation> found = new ArrayList<>();
        Violations rules = SecMasterRules.validate(changed);
        Violations guardrails = rules.hasErrors() ? Violations.none()
                : EmergencyPolicyGuardrails.check(changed, WorkspacePolicies.empty(), now, limits);
        for (Violation v : rules.and(guardrails).all()) {
            if (v.path().startsWith(AGEING_PATH)) {
                found.add(v);
            }
        }
        boolean agedBefore = current.blockAge() != null && current.blockAge().ages();
        if (command.newAge().ages() && !agedBefore) {
            WorkspacePolicies counts = inventory.policies(command.workspace(), List.of());
            for (Violation v : EmergencyPolicyGuardrails.quotaFindings(1, true, counts, limits)) {
                if (v.code() == ViolationCode.AGEING_QUOTA_EXCEEDED) {
                    found.add(v);
                }
            }
        }
        return found;
    }

    private static PolicyChange change(PolicyChangeCommand command, List<PolicyChange.Subject> subjects) {
        if (command.isRemoval()) {
            return new PolicyChange.Removal(command.workspace(), command.secmasterVersion(), subjects.isEmpty()
                    ? command.policyIds().stream().map(id -> new PolicyChange.Subject(id, null, List.of())).toList()
                    : subjects);
        }
        PolicyChange.Subject subject = subjects.isEmpty()
                ? new PolicyChange.Subject(command.policyIds().isEmpty() ? "" : command.policyIds().get(0), null, List.of())
                : subjects.get(0);
        return new PolicyChange.AgeingChange(command.workspace(), command.secmasterVersion(), subject, command.newAge());
    }

    /** A search of the active list: an IP or CIDR matches the policies holding it; other text, part of an object or ID. */
    private static final class Matcher {

        private final String text;
        private final BlockTarget.IpTarget ip;

        Matcher(String search) {
            this.text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
            this.ip = text.isEmpty() ? null
                    : BlockTargetParser.parse(BlockType.SOURCE_IP, text) instanceof BlockTargetParser.Result.Parsed p
                            && p.target() instanceof BlockTarget.IpTarget t ? t : null;
        }

        boolean matches(String policyId, List<String> objects, BlockType type) {
            if (text.isEmpty() || policyId.toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
            for (String object : objects) {
                if (object.toLowerCase(Locale.ROOT).contains(text)) {
                    return true;
                }
                if (ip != null && BlockTargetParser.parse(BlockType.SOURCE_IP, object)
                        instanceof BlockTargetParser.Result.Parsed p && p.target() instanceof BlockTarget.IpTarget held
                        && held.range().contains(ip.range())) {
                    return true;
                }
            }
            return false;
        }
    }
}
