package com.policyconsole.domain.service;

import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.model.lifecycle.TrackedPolicy;
import com.policyconsole.domain.port.out.PolicyLifecycleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PolicyLifecycleStore} in memory: followed policies by entry, with their next check. */
final class InMemoryLifecycle implements PolicyLifecycleStore {

    /** One followed policy as the store holds it. */
    static final class Row {
        TrackedPolicy tracked;
        DeliveryCheck check = DeliveryCheck.LOOKING;
        List<LayerDelivery> layers = List.of();
        Instant nextCheckAt;
        Instant checkedAt;

        Row(TrackedPolicy tracked, Instant nextCheckAt) {
            this.tracked = tracked;
            this.nextCheckAt = nextCheckAt;
        }
    }

    final Map<Long, Row> rows = new LinkedHashMap<>();

    void follow(TrackedPolicy policy, Instant due) {
        rows.put(policy.entryId(), new Row(policy, due));
    }

    @Override
    public List<TrackedPolicy> claimDue(Instant now, int max, Duration claimFor) {
        List<TrackedPolicy> due = new ArrayList<>();
        for (Row row : rows.values()) {
            if (due.size() < max && row.nextCheckAt != null && !row.nextCheckAt.isAfter(now)) {
                row.nextCheckAt = now.plus(claimFor);
                due.add(row.tracked);
            }
        }
        return due;
    }

    @Override
    public Optional<TrackedPolicy> tracked(long entryId) {
        return Optional.ofNullable(rows.get(entryId)).map(r -> r.tracked);
    }

    @Override
    public void recordCheck(long entryId, String policyId, DeliveryCheck check, List<LayerDelivery> layers,
                            Instant checkedAt, Instant nextCheckAt) {
        Row row = rows.get(entryId);
        TrackedPolicy t = row.tracked;
        row.tracked = new TrackedPolicy(t.entryId(), t.workspace(), t.secmasterVersion(),
                policyId != null ? policyId : t.policyId(), t.category(), t.objects(), t.agesOutAt(), t.checks() + 1,
                t.trackedSince());
        row.check = check;
        if (!layers.isEmpty() || check.isFinal()) {
            row.layers = layers;
        }
        row.checkedAt = checkedAt;
        row.nextCheckAt = nextCheckAt;
    }

    @Override
    public void checkAgain(long entryId, Instant at) {
        Row row = rows.get(entryId);
        row.nextCheckAt = at;
        row.check = row.tracked.policyId() == null ? DeliveryCheck.LOOKING : DeliveryCheck.IN_PROGRESS;
    }

    @Override
    public Map<Long, PolicyDelivery> deliveries(Collection<Long> entryIds) {
        Map<Long, PolicyDelivery> out = new LinkedHashMap<>();
        for (long id : entryIds) {
            Row row = rows.get(id);
            if (row != null) {
                out.put(id, new PolicyDelivery(id, row.tracked.policyId(), row.check, row.layers, row.checkedAt, null));
            }
        }
        return out;
    }

    @Override
    public List<HistoryPolicy> historyPolicies(SecMasterWorkspace workspace) {
        return rows.values().stream().filter(r -> r.tracked.workspace().equals(workspace))
                .map(r -> new HistoryPolicy(r.tracked.entryId(), r.tracked.policyId(), "alice", r.tracked.trackedSince(),
                        null, r.tracked.category(), r.tracked.objects(), r.tracked.agesOutAt(), r.check))
                .toList();
    }
}
