package com.policyconsole.console.adapter.in.web.bulk;

import com.policyconsole.domain.model.bulk.DeliveryProgress;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.JobStatus;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** A bulk job as its page shows it: status, counts, the progress bar's value and each delivery. */
@TemplateData
public record JobView(JobProgress job) {

    /** One delivery as a row of the job page. */
    @TemplateData
    public record Row(int number, int objects, String state, String notBefore, Long entryId) {
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

    /** Whether some delivery failed, so that "retry failed" has something to do. */
    public boolean hasFailed() {
        return job.failed() > 0;
    }

    public List<Row> deliveries() {
        return job.deliveries().stream().map(JobView::row).toList();
    }

    private static Row row(DeliveryProgress d) {
        return new Row(d.number(), d.objects(), d.state().name(), d.notBefore().toString(), d.entryId());
    }
}
