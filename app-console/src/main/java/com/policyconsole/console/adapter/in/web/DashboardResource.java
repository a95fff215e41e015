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

    public DashboardResource(HistorySearch search) {
        this.search = search;
    }

    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(search.recent(10), search.recentFailures(10),
                search.agingOutWithin(Duration.ofHours(24), 20));
    }
}
