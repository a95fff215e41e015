package com.policyconsole.console.adapter.in.web.history;

import com.policyconsole.console.adapter.in.web.session.Viewer;
import com.policyconsole.domain.model.history.Dashboard;
import com.policyconsole.domain.port.in.HistoryQueries;
import io.quarkus.qute.CheckedTemplate;
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
        static native TemplateInstance dashboard(Dashboard dashboard);
    }

    private final HistoryQueries history;
    private final Viewer viewer;

    public DashboardResource(HistoryQueries history, Viewer viewer) {
        this.history = history;
        this.viewer = viewer;
    }

    /** The lists come from the history, so only users who may read it see them. */
    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(viewer.canReadHistory() ? history.dashboard() : Dashboard.empty());
    }
}
