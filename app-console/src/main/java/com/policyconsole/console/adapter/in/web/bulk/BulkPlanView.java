package com.policyconsole.console.adapter.in.web.bulk;

import com.policyconsole.domain.bulk.BulkPlan;
import com.policyconsole.domain.bulk.LineFinding;
import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.DroppedObject;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.model.history.RenderedRequest;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** A bulk plan as its page shows it: the deliveries, what was dropped, the warnings, the first exact request. */
@TemplateData
public record BulkPlanView(BulkPlan plan, RenderedRequest firstRequest, List<String> approvalReasons) {

    /** One planned delivery as a row: its objects and when it may start after the job does. */
    @TemplateData
    public record Row(int number, int count, String first, String last, String startsAfter, List<String> objects) {
    }

    public List<Row> deliveries() {
        return plan.deliveries().stream().map(BulkPlanView::row).toList();
    }

    public int objects() {
        return plan.objects();
    }

    public List<DroppedObject> dropped() {
        return plan.dropped();
    }

    /** The warnings found on the batch's lines (the template's own are shown as field warnings). */
    public List<LineFinding> warnings() {
        return plan.findings().stream().filter(f -> !f.isError()).toList();
    }

    public boolean hasWarnings() {
        return plan.hasWarnings();
    }

    /** Whether some delivery waits (VPC's objects per minute). */
    public boolean paced() {
        return plan.deliveries().stream().anyMatch(d -> !d.notBefore().isZero());
    }

    private static Row row(PlannedDelivery d) {
        List<String> objects = d.objects().stream().map(BatchObject::text).toList();
        long seconds = d.notBefore().toSeconds();
        String after = seconds == 0 ? "at once" : String.format("after %d:%02d", seconds / 60, seconds % 60);
        return new Row(d.number(), objects.size(), objects.get(0), objects.get(objects.size() - 1), after, objects);
    }
}
