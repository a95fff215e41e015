package com.policyconsole.console.adapter.in.web.bulk;

import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import java.util.List;
import java.util.Map;

/** A bulk job's progress as the job page's script reads it ({@code GET /bulk/jobs/{id}/progress}). */
public record JobProgressJson(long id, String status, int total, long succeeded, long failed, long cancelled,
                              long pending, long objects, long objectsBlocked, int percent, List<Delivery> deliveries) {

    /** One delivery: its number, state, history entry (null before it is recorded) and its layers in words. */
    public record Delivery(int number, String state, Long entryId, String layers) {
    }

    static JobProgressJson of(JobProgress p, Map<Long, PolicyDelivery> layers) {
        return new JobProgressJson(p.jobId(), p.status().name(), p.total(), p.succeeded(), p.failed(), p.cancelled(),
                p.pending(), p.objects(), p.objectsBlocked(), p.percentDone(),
                p.deliveries().stream().map(d -> new Delivery(d.number(), d.state().name(), d.entryId(),
                        JobView.describe(d.entryId() == null ? null : layers.get(d.entryId())))).toList());
    }
}
