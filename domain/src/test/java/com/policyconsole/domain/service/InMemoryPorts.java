package com.policyconsole.domain.service;

import com.policyconsole.domain.model.config.CompliancePage;
import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.HistoryUnavailableException;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import java.time.Duration;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test doubles of the outbound ports that record every call, in order, into one shared journal. */
class InMemoryPorts implements EmergencyPolicyGateway, ConfigRuleGateway, RequestHistory, PolicyInventory {

    final List<String> journal = new ArrayList<>();
    final Map<Long, PendingRequest> pending = new LinkedHashMap<>();
    final Map<Long, CloudOutcome> outcomes = new LinkedHashMap<>();
    final Set<String> ruleNames = new HashSet<>();
    final List<PolicyDefinition> definitions = new ArrayList<>();
    WorkspacePolicies workspacePolicies = WorkspacePolicies.empty();
    CloudOutcome nextOutcome = new CloudOutcome.Accepted("task-1", null, 200, "req-1", "{}");
    boolean historyDown;
    boolean outcomeWriteFails;

    /** The requests prepared so far, by their rendered form, for {@link #readBack}. */
    final Map<RenderedRequest, EmergencyPolicyRequest> prepared = new LinkedHashMap<>();

    @Override
    public PreparedCall prepare(EmergencyPolicyRequest request) {
        RenderedRequest rendered = new RenderedRequest("POST", "https://secmaster.test/v1/"
                + request.workspace().projectId(), "/v1/{project_id}/workspaces/{workspace_id}/soc/policys",
                Map.of("project_id", request.workspace().projectId(), "workspace_id", request.workspace().workspaceId()),
                Map.of("action_type", String.valueOf(request.actionType())), Map.of("X-Auth-Token", "****"), "{}");
        prepared.put(rendered, request);
        return new PreparedCall(rendered, () -> submit(request));
    }

    @Override
    public Optional<EmergencyPolicyRequest> readBack(RenderedRequest recorded) {
        return Optional.ofNullable(prepared.get(recorded));
    }

    /** The removals and ageing changes prepared so far, for {@link #readBackChange}. */
    final Map<RenderedRequest, PolicyChange> preparedChanges = new LinkedHashMap<>();

    @Override
    public Optional<PolicyChange> readBackChange(RenderedRequest recorded) {
        return Optional.ofNullable(preparedChanges.get(recorded));
    }

    /** What sending a create or retry answers; tests override it. */
    public CloudOutcome submit(EmergencyPolicyRequest request) {
        journal.add("cloud:" + request.actionType());
        return nextOutcome;
    }

    @Override
    public WorkspacePolicies search(SecMasterWorkspace workspace, String secmasterVersion) {
        return workspacePolicies;
    }

    /** The policies SecMaster lists, and each one's delivery records; tests fill them. */
    final List<SecMasterPolicy> listed = new ArrayList<>();
    final Map<String, List<LayerDelivery>> records = new LinkedHashMap<>();

    @Override
    public List<SecMasterPolicy> list(SecMasterWorkspace workspace, String secmasterVersion) {
        journal.add("cloud:list");
        return List.copyOf(listed);
    }

    @Override
    public Optional<SecMasterPolicy> show(SecMasterWorkspace workspace, String secmasterVersion, String policyId) {
        return listed.stream().filter(p -> p.policyId().equals(policyId)).findFirst();
    }

    @Override
    public List<LayerDelivery> deliveryRecords(SecMasterWorkspace workspace, String secmasterVersion, String policyId) {
        journal.add("cloud:records " + policyId);
        List<LayerDelivery> layers = records.get(policyId);
        if (layers == null) {
            throw new com.policyconsole.domain.port.CloudReadException("no such policy " + policyId,
                    new CloudOutcome.Refused(404, "SecMaster.20041003", "no such policy", null, null));
        }
        return layers;
    }

    @Override
    public PreparedCall prepare(PolicyChange change) {
        String kind = change instanceof PolicyChange.Removal ? "remove" : "ageing";
        RenderedRequest rendered = new RenderedRequest(change instanceof PolicyChange.Removal ? "POST" : "PUT",
                "https://secmaster.test/" + kind, "/" + kind, Map.of(), Map.of(), Map.of(), change.policyIds().toString()
                + (change instanceof PolicyChange.AgeingChange a ? " " + a.blockAge() : ""));
        preparedChanges.put(rendered, change);
        return new PreparedCall(rendered, () -> {
            journal.add("cloud:" + kind + " " + change.policyIds());
            return nextOutcome;
        });
    }

    @Override
    public Optional<com.policyconsole.domain.model.config.ConfigRule> readBackUpdate(RenderedRequest recorded) {
        return Optional.empty();
    }

    @Override
    public PreparedCall prepare(ConfigRuleRequest request) {
        RenderedRequest rendered = new RenderedRequest("PUT", "https://rms.test/v1/resource-manager/domains/"
                + request.domainId(), "/v1/resource-manager/domains/{domain_id}/policy-assignments",
                Map.of("domain_id", String.valueOf(request.domainId())), Map.of(), Map.of(), "{}");
        return new PreparedCall(rendered, () -> add(request));
    }

    /** What sending a rule addition answers; tests override it. */
    public CloudOutcome add(ConfigRuleRequest request) {
        journal.add("cloud:add");
        return nextOutcome;
    }

    final List<PolicyAssignment> cloudRules = new ArrayList<>();

    @Override
    public List<PolicyAssignment> listRules(String domainId) {
        return cloudRules;
    }

    @Override
    public List<PolicyDefinition> definitions() {
        return definitions;
    }

    /** Outcomes the next rule operations answer with instead of applying them, in order. */
    final java.util.ArrayDeque<CloudOutcome> ruleOutcomes = new java.util.ArrayDeque<>();
    /** States the next reads of a rule report before its own, in order (e.g. still Enabled after a disable). */
    final java.util.ArrayDeque<String> shownStates = new java.util.ArrayDeque<>();
    ComplianceSummary summary = new ComplianceSummary(0, 0);
    EvaluationState evaluation = new EvaluationState(null, null, null, null);
    int shows;

    @Override
    public PreparedCall prepare(RuleChange change) {
        RenderedRequest rendered = new RenderedRequest(change instanceof RuleChange.Delete ? "DELETE" : "POST",
                "https://rms.test/v1/resource-manager/domains/" + change.domainId() + "/policy-assignments/"
                        + change.ruleId() + "/" + change.verb(),
                "/v1/resource-manager/domains/{domain_id}/policy-assignments/{policy_assignment_id}/" + change.verb(),
                Map.of("domain_id", change.domainId(), "policy_assignment_id", change.ruleId()), Map.of(), Map.of(),
                "");
        return new PreparedCall(rendered, () -> apply(change));
    }

    /** Applies a rule operation as Config would: the state changes, a delete removes the rule. */
    private CloudOutcome apply(RuleChange change) {
        journal.add("cloud:" + change.verb());
        if (!ruleOutcomes.isEmpty()) {
            return ruleOutcomes.poll();
        }
        for (int i = 0; i < cloudRules.size(); i++) {
            PolicyAssignment r = cloudRules.get(i);
            if (r.id().equals(change.ruleId())) {
                if (change instanceof RuleChange.Delete) {
                    cloudRules.remove(i);
                } else {
                    String state = change instanceof RuleChange.Enable ? "Enabled"
                            : change instanceof RuleChange.Disable ? "Disabled"
                            : change instanceof RuleChange.Evaluate ? "Evaluating" : r.state();
                    cloudRules.set(i, new PolicyAssignment(r.id(), change instanceof RuleChange.Update u ? u.rule()
                            : r.rule(), state, r.created(), r.updated(), r.createdBy(), null, null));
                }
                return new CloudOutcome.Accepted(change.ruleId(), null, 202, "req-r", null);
            }
        }
        return new CloudOutcome.Refused(404, "RMS.00010005", "not found", "req-r", null);
    }

    @Override
    public Optional<PolicyAssignment> show(String domainId, String ruleId) {
        journal.add("cloud:show");
        shows++;
        Optional<PolicyAssignment> found = cloudRules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
        if (found.isPresent() && !shownStates.isEmpty()) {
            PolicyAssignment r = found.get();
            return Optional.of(new PolicyAssignment(r.id(), r.rule(), shownStates.poll(), r.created(), r.updated(),
                    r.createdBy(), null, null));
        }
        return found;
    }

    @Override
    public ComplianceSummary summary(String domainId, String ruleId) {
        return summary;
    }

    @Override
    public CompliancePage policyStates(String domainId, String ruleId, String complianceState, String marker,
                                       int limit) {
        return new CompliancePage(List.of(), null);
    }

    @Override
    public EvaluationState evaluationState(String domainId, String ruleId) {
        return evaluation;
    }

    @Override
    public long recordPending(PendingRequest request) {
        if (historyDown) {
            throw new HistoryUnavailableException("connection refused", null);
        }
        long id = pending.size() + 1L;
        pending.put(id, request);
        journal.add("history:pending");
        return id;
    }

    @Override
    public void recordOutcome(long entryId, CloudOutcome outcome, Duration elapsed) {
        if (outcomeWriteFails) {
            throw new HistoryUnavailableException("connection reset", null);
        }
        outcomes.put(entryId, outcome);
        journal.add("history:" + outcome.status());
    }

    @Override
    public WorkspacePolicies policies(SecMasterWorkspace workspace, List<BlockTarget> targets) {
        if (historyDown) {
            throw new HistoryUnavailableException("connection refused", null);
        }
        return workspacePolicies;
    }

    @Override
    public Set<String> ruleNames(String domainId) {
        if (historyDown) {
            throw new HistoryUnavailableException("connection refused", null);
        }
        return ruleNames;
    }
}
