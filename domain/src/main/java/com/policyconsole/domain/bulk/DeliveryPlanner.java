package com.policyconsole.domain.bulk;

import com.policyconsole.domain.guardrail.EmergencyPolicyGuardrails;
import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.DefenseLayer;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Plans a bulk batch as deliveries of a template policy within {@link SecMasterLimits}: the objects in source order,
 * split into deliveries no larger than every chosen layer takes at once, paced so that VPC never gets more objects in a
 * minute than it accepts; the rules of a single policy for the template, the guardrails for every object (naming its
 * line) and the workspace quotas for the whole batch before anything is sent.
 */
public final class DeliveryPlanner {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final SecMasterLimits limits;

    public DeliveryPlanner(SecMasterLimits limits) {
        this.limits = Objects.requireNonNull(limits, "'limits' must not be null");
    }

    /**
     * Plans {@code batch} as creates of {@code template} (whose own objects are ignored) in a workspace that holds
     * {@code existing} at {@code now}.
     */
    public BulkPlan plan(EmergencyPolicyRequest template, ParsedBatch batch, WorkspacePolicies existing, Instant now) {
        Objects.requireNonNull(template.policy(), "the template needs a data_object");
        List<LineFinding> findings = new ArrayList<>(batch.findings());
        if (batch.objects().isEmpty()) {
            return new BulkPlan(List.of(), batch.dropped(), findings, templateViolations(template, null, now));
        }
        Violations templateViolations = templateViolations(template, batch.objects().get(0), now);
        EmergencyPolicy policy = template.policy();
        List<DefenseLayer> layers = policy.layers();
        List<PlannedDelivery> deliveries = split(batch.objects(), limits.objectsPerDelivery(layers),
                layers.contains(DefenseLayer.VPC));
        policy.category().ifPresent(category -> objectFindings(category, batch, existing, now, findings));
        boolean ages = policy.blockAge() != null && policy.blockAge().ages();
        for (Violation v : EmergencyPolicyGuardrails.quotaFindings(deliveries.size(), ages, existing, limits)) {
            findings.add(LineFinding.of(0, v));
        }
        return new BulkPlan(deliveries, batch.dropped(), findings, templateViolations);
    }

    /**
     * The template's violations as one delivery with a single object would have them, without the object's own
     * (those are found per line): the document's rules and the ageing.
     */
    private Violations templateViolations(EmergencyPolicyRequest template, BatchObject sample, Instant now) {
        EmergencyPolicy policy = template.policy().toBuilder()
                .targets(sample == null ? List.of("192.0.2.1") : List.of(sample.text())).build();
        EmergencyPolicyRequest one = template.withPolicy(policy);
        Violations rules = SecMasterRules.validate(one);
        Violations ageing = rules.hasErrors() ? Violations.none()
                : EmergencyPolicyGuardrails.check(one, WorkspacePolicies.empty(), now, limits);
        List<Violation> kept = new ArrayList<>();
        for (Violation v : rules.and(ageing).all()) {
            if (!v.path().equals(EmergencyPolicyGuardrails.TARGET_PATH)) {
                kept.add(v);
            }
        }
        return Violations.of(kept);
    }

    private static void objectFindings(PolicyCategory category, ParsedBatch batch, WorkspacePolicies existing,
                                       Instant now, List<LineFinding> findings) {
        for (BatchObject o : batch.objects()) {
            for (Violation v : EmergencyPolicyGuardrails.objectFindings(category, o.target(), existing, now)) {
                findings.add(LineFinding.of(o.line(), v));
            }
        }
    }

    /**
     * Deliveries of at most {@code size} objects in source order; with VPC among the layers, each starts only when the
     * objects sent in the minute before it leave room for its own.
     */
    private List<PlannedDelivery> split(List<BatchObject> objects, int size, boolean paced) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        Deque<PlannedDelivery> lastMinute = new ArrayDeque<>();
        int inLastMinute = 0;
        Duration at = Duration.ZERO;
        for (int from = 0; from < objects.size(); from += size) {
            List<BatchObject> chunk = objects.subList(from, Math.min(objects.size(), from + size));
            while (paced) {
                while (!lastMinute.isEmpty() && lastMinute.peekFirst().notBefore().plus(MINUTE).compareTo(at) <= 0) {
                    inLastMinute -= lastMinute.removeFirst().objects().size();
                }
                if (inLastMinute + chunk.size() <= limits.vpcObjectsPerMinute()) {
                    break;
                }
                at = lastMinute.peekFirst().notBefore().plus(MINUTE);
            }
            PlannedDelivery delivery = new PlannedDelivery(deliveries.size() + 1, chunk, at);
            deliveries.add(delivery);
            if (paced) {
                lastMinute.addLast(delivery);
                inLastMinute += chunk.size();
            }
        }
        return deliveries;
    }
}
