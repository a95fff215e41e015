package com.policyconsole.console.adapter.in.web.bulk;

import com.policyconsole.domain.model.bulk.DeliveryProgress;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.JobStatus;
import io.quarkus.qute.TemplateData;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A bulk job as its page shows it: status, counts, the progress bar's value and each delivery. */
@TemplateData
public record JobView(JobProgress job, Map<Long, PolicyDelivery> layers) {

    /** One delivery as a row of the job page. */
    @TemplateData
    public record Row(int number, int objects, String state, String notBefore, Long entryId, String policyId,
                      String layers) {
    }

    public long id() {
        return job.jobId();
    }

    public String status() {
        return job.status().name();
    }

    /** Deliveries that are final: succeeded, failed or cancelled. */
    public long done() {
        return job.total() - job.pending();
    }

    public boolean running() {
        return job.status() == JobStatus.RUNNING;
    }

    /** Whether it waits for a second person's approval (its requester may withdraw it). */
    public boolean awaiting() {
        return job.status() == JobStatus.AWAITING_APPROVAL;
    }

    /** Whether some delivery failed, so that "retry failed" has something to do. */
    public boolean hasFailed() {
        return job.failed() > 0;
    }

    public List<Row> deliveries() {
        return job.deliveries().stream().map(d -> row(d, d.entryId() == null ? null : layers.get(d.entryId())))
                .toList();
    }

    private static Row row(DeliveryProgress d, PolicyDelivery delivery) {
        return new Row(d.number(), d.objects(), d.state().name(), d.notBefore().toString(), d.entryId(),
                delivery == null ? null : delivery.policyId(), describe(delivery));
    }

    /** A delivery's layers in a few words: "CFW SUCCESS, WAF FAILED (why)". */
    static String describe(PolicyDelivery delivery) {
        if (delivery == null) {
            return "";
        }
        if (delivery.layers().isEmpty()) {
            return delivery.check().name();
        }
        return delivery.layers().stream().map(l -> (l.defenseType() == null ? "?" : l.defenseType()) + " "
                + l.blockStatus() + (l.failure() == null ? "" : " (" + l.failure() + ")"))
                .collect(Collectors.joining(", "));
    }
}
