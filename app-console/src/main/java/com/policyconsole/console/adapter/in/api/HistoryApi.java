package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.Problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.policyconsole.console.adapter.in.web.history.AuditQuery;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.port.in.HistoryQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The request history over JSON: the same filters and keyset pages as {@code /history}, and one entry in full. */
@Path("/api/v1/history")
@Tag(name = "History")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class HistoryApi {

    /** A page of entries and the cursor of the next, null on the last. */
    public record Page(List<ApiViews.Entry> entries, @JsonProperty("next_cursor") String nextCursor) {
    }

    /** An entry with the request as sent and the answer's body. */
    public record Detail(ApiViews.Entry entry, ApiViews.Request request,
                        @JsonProperty("response_body") String responseBody,
                        @JsonProperty("resolved_by") Long resolvedBy) {
    }

    private final HistoryQueries history;

    public HistoryApi(HistoryQueries history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "Search the history", description = "Filters as the history page: actor, operation, status, "
            + "target (an object, or an IP inside a recorded CIDR), project_id, workspace_id, domain_id, from, to; "
            + "cursor and size (at most 200) for keyset pages, newest first.")
    public Response search(@RestQuery String actor, @RestQuery String operation, @RestQuery String status,
                           @RestQuery String target, @RestQuery("project_id") String projectId,
                           @RestQuery("workspace_id") String workspaceId, @RestQuery("domain_id") String domainId,
                           @RestQuery String from, @RestQuery String to, @RestQuery String cursor,
                           @RestQuery String size) {
        AuditQuery query = new AuditQuery(actor, operation, status, target, projectId, workspaceId, domainId, from, to);
        Map<String, String> errors = query.errors();
        int pageSize = 50;
        if (size != null) {
            if (!size.matches("[0-9]{1,3}") || Integer.parseInt(size) < 1
                    || Integer.parseInt(size) > HistoryQueries.MAX_PAGE_SIZE) {
                errors = new java.util.LinkedHashMap<>(errors);
                errors.put("size", "1 to " + HistoryQueries.MAX_PAGE_SIZE);
            } else {
                pageSize = Integer.parseInt(size);
            }
        }
        if (cursor != null && cursor.length() > 256) {
            errors = new java.util.LinkedHashMap<>(errors);
            errors.put("cursor", "not a cursor of this API");
        }
        if (!errors.isEmpty()) {
            return new Problem("urn:policy-console:problem:invalid-query", "The query has unusable filters", 400,
                    "Fix the filters below.", errors.entrySet().stream().map(e -> new Problem.ViolationView(e.getKey(),
                    "bad_filter", e.getValue(), "error")).toList()).response();
        }
        HistoryPage page;
        try {
            page = history.search(query.toFilter(), cursor == null || cursor.isBlank() ? null : cursor, pageSize);
        } catch (IllegalArgumentException e) {
            return Problem.of(400, "invalid-query", "The cursor is not usable", "Start again without a cursor.")
                    .response();
        }
        return ApiViews.ok(new Page(page.entries().stream().map(ApiViews.Entry::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One history entry", description = "The entry, the request as sent (secrets masked) and the"
            + " answer's body.")
    public Response detail(@PathParam("id") String id) {
        Optional<HistoryDetail> detail = id.matches("[0-9]{1,18}") ? history.detail(Long.parseLong(id))
                : Optional.empty();
        if (detail.isEmpty()) {
            return Problem.of(404, "not-found", "No such entry", "There is no history entry "
                    + EmergencyPoliciesApi.cut(id) + ".").response();
        }
        HistoryDetail d = detail.get();
        return ApiViews.ok(new Detail(ApiViews.Entry.of(d.entry()), ApiViews.Request.of(d.request()), d.responseBody(),
                d.resolvedBy()));
    }
}
