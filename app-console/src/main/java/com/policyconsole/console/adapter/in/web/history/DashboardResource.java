package com.policyconsole.console.adapter.in.web.history;

import com.policyconsole.console.adapter.in.web.session.Viewer;
import com.policyconsole.domain.model.history.Dashboard;
import com.policyconsole.domain.port.in.HistoryQueries;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import io.quarkus.qute.CheckedTemplate;
import java.util.HashMap;
import java.util.Map;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The landing page: recent activity, recent failures, and blocks that age out within a day. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard dashboard, Map<Long, String> policyIds);
    }

    private final HistoryQueries history;
    private final Viewer viewer;
    private final DeliveryStatusUseCase deliveries;

    public DashboardResource(HistoryQueries history, Viewer viewer, DeliveryStatusUseCase deliveries) {
        this.history = history;
        this.viewer = viewer;
        this.deliveries = deliveries;
    }

    /**
     * The lists come from the history, so only users who may read it see them; the blocks that age out soon carry
     * their SecMaster policy IDs, to extend or remove them.
     */
    @GET
    public TemplateInstance dashboard() {
        Dashboard dashboard = viewer.canReadHistory() ? history.dashboard() : Dashboard.empty();
        Map<Long, String> policyIds = new HashMap<>();
        try {
            deliveries.deliveries(dashboard.agingOut().stream().map(HistoryEntry::id).toList()).forEach((id, d) -> {
                if (d.policyId() != null) {
                    policyIds.put(id, d.policyId());
                }
            });
        } catch (RuntimeException e) {
            // the dashboard still shows the blocks; extend and remove come back once the database answers
        }
        return Templates.dashboard(dashboard, policyIds);
    }
}
