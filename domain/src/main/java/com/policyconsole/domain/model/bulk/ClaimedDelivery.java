package com.policyconsole.domain.model.bulk;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import java.util.List;
import java.util.Objects;

/**
 * A delivery this console claimed to send: the job's template with its objects, and the entry of an earlier attempt
 * that did not reach the cloud (retried), if any.
 *
 * @param jobId the job
 * @param number the delivery's number in the job
 * @param actor who confirmed the job
 * @param template the job's template request (its objects are replaced by the delivery's)
 * @param objects the delivery's objects, in source order
 * @param earlierEntry the history entry of the previous attempt, null for the first
 */
public record ClaimedDelivery(long jobId, int number, String actor, EmergencyPolicyRequest template,
                              List<String> objects, Long earlierEntry) {

    public ClaimedDelivery {
        Objects.requireNonNull(actor, "'actor' must not be null");
        Objects.requireNonNull(template, "'template' must not be null");
        objects = List.copyOf(objects);
    }

    /** The create request this delivery sends. */
    public EmergencyPolicyRequest request() {
        return template.withPolicy(template.policy().toBuilder().targets(objects).build());
    }
}
