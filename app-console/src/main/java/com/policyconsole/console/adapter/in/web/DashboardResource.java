package com.policyconsole.console.adapter.in.web;

import com.policyconsole.console.adapter.out.persistence.HistoryRow;
import com.policyconsole.console.adapter.out.persistence.HistorySearch;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/** The landing page: recent activity, recent failures, and blocks that age out within a day. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<HistoryRow> recent, List<HistoryRow> failures,
                                                 List<HistoryRow> agingOut);
    }

    private final HistorySearch search;
    private final Viewer viewer;

    public DashboardResource(HistorySearch search, Viewer viewer) {
        this.search = search;
        this.viewer = viewer;
    }

    /** The lists come from the history, so only users who may read it see them. */
    @GET
    public TemplateInstance dashboard() {
        if (!viewer.canReadHistory()) {
            return Templates.dashboard(List.of(), List.of(), List.of());
        }
        return Templates.dashboard(search.recent(10), search.recentFailures(10),
                search.agingOutWithin(Duration.ofHours(24), 20));
    }
}
