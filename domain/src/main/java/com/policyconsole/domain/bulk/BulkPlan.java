package com.policyconsole.domain.bulk;

import com.policyconsole.domain.model.bulk.DroppedObject;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.validation.Violations;
import java.util.List;

/**
 * What a bulk batch would become: the deliveries, the objects dropped as covered by others, the findings per line
 * (and for the whole batch on line 0), and the violations of the template policy's own fields. Nothing may be sent
 * while any of them is an error; warnings must be acknowledged.
 */
public record BulkPlan(List<PlannedDelivery> deliveries, List<DroppedObject> dropped, List<LineFinding> findings,
                       Violations template) {

    public BulkPlan {
        deliveries = List.copyOf(deliveries);
        dropped = List.copyOf(dropped);
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return template.hasErrors() || findings.stream().anyMatch(LineFinding::isError);
    }

    public boolean hasWarnings() {
        return findings.stream().anyMatch(f -> !f.isError())
                || template.all().stream().anyMatch(v -> !v.isError());
    }

    /** How many objects the deliveries carry. */
    public int objects() {
        return deliveries.stream().mapToInt(d -> d.objects().size()).sum();
    }
}
