package com.policyconsole.domain.service;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.model.lifecycle.SecMasterPolicy;
import com.policyconsole.domain.model.lifecycle.TrackedPolicy;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import com.policyconsole.domain.port.out.PolicyLifecycleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows each created policy until its delivery is final: finds SecMaster's policy ID (the policy with the create's
 * category, objects and ageing that no other entry holds — one search per workspace and poll, however many are
 * looked for), then reads its delivery records per layer, sooner at first and less often later, and retries the
 * layers that failed on request.
 */
public final class DeliveryStatusService implements DeliveryStatusUseCase {

    /** Policies read per poll. */
    static final int BATCH = 50;
    /** How long a console's claim on a due policy lasts. */
    static final Duration CLAIM = Duration.ofSeconds(10);
    /** Searches for a policy's ID before it is taken as not created. */
    static final int MAX_LOOKS = 12;
    /** Reads of its records before the poll gives up on a delivery that never ends (about a day). */
    static final int MAX_CHECKS = 1_500;
    private static final Duration FIRST = Duration.ofMillis(250);
    private static final Duration MOST = Duration.ofMinutes(1);

    private final PolicyLifecycleStore store;
    private final EmergencyPolicyGateway gateway;
    private final HistoryReader history;
    private final RetryEmergencyPolicyUseCase retries;
    private final Clock clock;

    public DeliveryStatusService(PolicyLifecycleStore store, EmergencyPolicyGateway gateway, HistoryReader history,
                                 RetryEmergencyPolicyUseCase retries, Clock clock) {
        this.store = Objects.requireNonNull(store, "'store' must not be null");
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.retries = Objects.requireNonNull(retries, "'retries' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public int checkDue() {
        Instant now = clock.instant();
        List<TrackedPolicy> due = store.claimDue(now, BATCH, CLAIM);
        Map<String, List<SecMasterPolicy>> listed = new LinkedHashMap<>();
        Map<String, Set<String>> taken = new LinkedHashMap<>();
        for (TrackedPolicy policy : due) {
            check(policy, listed, taken);
        }
        return due.size();
    }

    @Override
    public Optional<PolicyDelivery> refresh(long entryId) {
        Optional<TrackedPolicy> tracked = store.tracked(entryId);
        tracked.ifPresent(p -> check(p, new LinkedHashMap<>(), new LinkedHashMap<>()));
        return tracked.map(p -> store.deliveries(List.of(entryId)).get(entryId));
    }

    @Override
    public Map<Long, PolicyDelivery> deliveries(Collection<Long> entryIds) {
        return entryIds.isEmpty() ? Map.of() : store.deliveries(entryIds);
    }

    @Override
    public Optional<SubmissionResult> retryFailedLayers(String actor, long entryId) {
        PolicyDelivery delivery = store.deliveries(List.of(entryId)).get(entryId);
        if (delivery == null || !delivery.canRetryLayers()) {
            return Optional.empty();
        }
        Optional<EmergencyPolicyRequest> created = history.detail(entryId).map(HistoryDetail::request)
                .flatMap(gateway::readBack).filter(r -> r.policy() != null);
        if (created.isEmpty()) {
            return Optional.empty();
        }
        EmergencyPolicyRequest create = created.get();
        SubmissionResult result = retries.retry(new RetryEmergencyPolicyCommand(actor, create.workspace(),
                create.secmasterVersion(), List.of(delivery.policyId()), create.policy(), entryId));
        if (result instanceof SubmissionResult.Sent sent && sent.outcome() instanceof CloudOutcome.Accepted) {
            store.checkAgain(entryId, clock.instant());
        }
        return Optional.of(result);
    }

    /** Reads one policy's state and records it; a cloud that cannot be read now is asked again later. */
    private void check(TrackedPolicy policy, Map<String, List<SecMasterPolicy>> listed, Map<String, Set<String>> taken) {
        Instant now = clock.instant();
        String policyId = policy.policyId();
        try {
            if (policyId == null) {
                policyId = find(policy, listed, taken);
                if (policyId == null) {
                    boolean givenUp = policy.checks() + 1 >= MAX_LOOKS;
                    store.recordCheck(policy.entryId(), null, givenUp ? DeliveryCheck.NOT_FOUND : DeliveryCheck.LOOKING,
                            List.of(), now, givenUp ? null : now.plus(delay(policy.checks())));
                    return;
                }
            }
            List<LayerDelivery> layers = gateway.deliveryRecords(policy.workspace(), policy.secmasterVersion(), policyId);
            DeliveryCheck check = DeliveryCheck.of(layers);
            boolean stop = check.isFinal() || policy.checks() + 1 >= MAX_CHECKS;
            store.recordCheck(policy.entryId(), policyId, check, layers, now, stop ? null : now.plus(delay(policy.checks())));
        } catch (CloudReadException e) {
            if (policyId != null && isNotFound(e)) {
                store.recordCheck(policy.entryId(), policyId, DeliveryCheck.NOT_FOUND, List.of(), now, null);
            } else {
                store.recordCheck(policy.entryId(), policy.policyId(), policy.policyId() == null ? DeliveryCheck.LOOKING
                        : DeliveryCheck.IN_PROGRESS, List.of(), now, now.plus(MOST));
            }
        }
    }

    /** The ID of the listed policy that matches the create and that no other entry holds, or null. */
    private String find(TrackedPolicy policy, Map<String, List<SecMasterPolicy>> listed, Map<String, Set<String>> taken) {
        SecMasterWorkspace ws = policy.workspace();
        String key = ws.projectId() + "/" + ws.workspaceId();
        List<SecMasterPolicy> policies = listed.get(key);
        if (policies == null) {
            policies = gateway.list(ws, policy.secmasterVersion());
            listed.put(key, policies);
            taken.put(key, store.historyPolicies(ws).stream().map(HistoryPolicy::policyId).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(HashSet::new)));
        }
        Set<String> used = taken.get(key);
        for (SecMasterPolicy candidate : policies) {
            EmergencyPolicy p = candidate.policy();
            if (!used.contains(candidate.policyId()) && SecMasterMatches.same(policy.category(), policy.objects(),
                    policy.agesOutAt(), p.policyCategory(), p.targets(), SecMasterMatches.ageing(p))) {
                used.add(candidate.policyId());
                return candidate.policyId();
            }
        }
        return null;
    }

    private static boolean isNotFound(CloudReadException e) {
        return e.outcome() instanceof CloudOutcome.Refused r && (r.httpStatus() == 404
                || r.errorCode() != null && r.errorCode().equals("SecMaster.20041003"));
    }

    /** 0.25 s, 0.5 s, 1 s, … up to a minute. */
    static Duration delay(int checks) {
        long millis = FIRST.toMillis() << Math.min(checks, 10);
        return Duration.ofMillis(Math.min(millis, MOST.toMillis()));
    }


}
