package com.policyconsole.domain.model.bulk;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One delivery of a bulk plan: a create of the template policy with these objects, not sent before {@code notBefore}
 * after the job starts (VPC's objects per minute).
 *
 * @param number its place in the plan, from 1
 * @param objects the objects it carries, in source order
 * @param notBefore the earliest start, counted from the job's start
 */
public record PlannedDelivery(int number, List<BatchObject> objects, Duration notBefore) {

    public PlannedDelivery {
        if (number < 1) {
            throw new IllegalArgumentException("'number' must be positive, got " + number);
        }
        objects = List.copyOf(objects);
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("a delivery carries at least one object");
        }
        Objects.requireNonNull(notBefore, "'notBefore' must not be null");
    }

    /** The create request of this delivery: {@code template} with this delivery's objects. */
    public EmergencyPolicyRequest request(EmergencyPolicyRequest template) {
        return template.withPolicy(template.policy().toBuilder()
                .targets(objects.stream().map(BatchObject::text).toList()).build());
    }
}
