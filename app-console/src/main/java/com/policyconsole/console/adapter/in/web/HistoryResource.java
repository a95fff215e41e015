package com.policyconsole.console.adapter.in.web;

import com.policyconsole.console.adapter.out.persistence.HistoryDetail;
import com.policyconsole.console.adapter.out.persistence.HistoryFilter;
import com.policyconsole.console.adapter.out.persistence.HistoryPage;
import com.policyconsole.console.adapter.out.persistence.HistorySearch;
import com.policyconsole.console.config.ConsoleSettings;
import com.policyconsole.console.security.Roles;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.CloudReadException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/** The request history: audit list with filters, one entry in detail, CSV export, and retry of a failed delivery. */
@Path("/history")
@Produces(MediaType.TEXT_HTML)
public class HistoryResource {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AuditQuery query, HistoryPage page, List<String> operations,
                                            List<String> statuses, Map<String, String> filterErrors);

        static native TemplateInstance detail(HistoryDetail entry, boolean canRetry, String notice);
    }

    private final HistorySearch search;
    private final DeliveryRetry retries;
    private final RetryEmergencyPolicyUseCase retryPolicy;
    private final SubmissionMetrics metrics;
    private final SecurityIdentity identity;
    private final List<ConfiguredConnection> connections;

    public HistoryResource(HistorySearch search, DeliveryRetry retries, RetryEmergencyPolicyUseCase retryPolicy,
                           SubmissionMetrics metrics, SecurityIdentity identity, ConsoleSettings console) {
        this.search = search;
        this.retries = retries;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.identity = identity;
        this.connections = ConfiguredConnection.parseAll(console.connections());
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response list(@RestQuery String actor, @RestQuery String operation, @RestQuery String status,
                         @RestQuery String target, @RestQuery("project_id") String projectId,
                         @RestQuery("workspace_id") String workspaceId, @RestQuery("domain_id") String domainId,
                         @RestQuery String from, @RestQuery String to, @RestQuery String cursor) {
        AuditQuery query = new AuditQuery(actor, operation, status, target, projectId, workspaceId, domainId, from, to);
        Map<String, String> errors = query.errors();
        HistoryPage page = errors.isEmpty()
                ? search.page(query.toFilter(), cursor, PAGE_SIZE)
                : new HistoryPage(List.of(), null);
        return Response.status(errors.isEmpty() ? 200 : 400)
                .entity(Templates.list(query, page, names(Operation.values()), names(RequestStatus.values()), errors))
                .build();
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.AUDITOR)
    public Response export(@RestQuery String actor, @RestQuery String operation, @RestQuery String status,
                           @RestQuery String target, @RestQuery("project_id") String projectId,
                           @RestQuery("workspace_id") String workspaceId, @RestQuery("domain_id") String domainId,
                           @RestQuery String from, @RestQuery String to) {
        AuditQuery query = new AuditQuery(actor, operation, status, target, projectId, workspaceId, domainId, from, to);
        if (!query.errors().isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Invalid filter: " + query.errors().values()).build();
        }
        HistoryFilter filter = query.toFilter();
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            search.exportCsv(filter, writer);
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"policy-console-history.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response detail(@PathParam("id") String id, @RestQuery String outcome) {
        Optional<HistoryDetail> entry = parseId(id).flatMap(search::detail);
        if (entry.isEmpty()) {
            return notFound(id);
        }
        String notice = outcome == null || !outcome.matches("[a-z]{1,16}") ? null
                : "The cloud answered (" + outcome.toUpperCase(java.util.Locale.ROOT) + ") but the answer could not be "
                        + "written to the history yet: the console writes it as soon as the database is back. Until then"
                        + " this entry shows what was recorded before the call.";
        return Response.ok(Templates.detail(entry.get(), canRetry(entry.get()), notice)).build();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") String id) {
        Optional<HistoryDetail> found = parseId(id).flatMap(search::detail);
        if (found.isEmpty()) {
            return notFound(id);
        }
        HistoryDetail entry = found.get();
        if (!canRetry(entry)) {
            return Response.status(409).entity(Templates.detail(entry, false, entry.resolvedBy() != null
                    ? "This delivery was already completed by entry #" + entry.resolvedBy() + "."
                    : "This entry cannot be retried: only failed or unknown SecMaster deliveries can.")).build();
        }
        DeliveryRetry.Plan plan;
        try {
            plan = retries.plan(entry);
        } catch (CloudReadException | IllegalArgumentException e) {
            return Response.status(502).entity(Templates.detail(entry, true,
                    "Nothing was sent: SecMaster's policies could not be read to find what to retry (" + e.getMessage()
                            + "). Try again in a moment.")).build();
        }
        if (plan instanceof DeliveryRetry.Plan.CreateAgain again) {
            EmergencyPolicyForm form = EmergencyPolicyForm.of(again.workspace(), again.version(), again.policy(),
                    connections);
            form.retryOf = Long.toString(entry.row().id());
            return Response.ok(EmergencyPolicyResource.Templates.form(form, FieldErrors.none(), connections,
                    again.reason() + " Nothing was retried; check the request below and send it again — the new entry "
                            + "will be linked to #" + entry.row().id() + ".")).build();
        }
        if (plan instanceof DeliveryRetry.Plan.Ambiguous ambiguous) {
            return Response.status(409).entity(Templates.detail(entry, true, "Nothing was sent: SecMaster holds "
                    + ambiguous.policyIds().size() + " policies with these objects (" + String.join(", ",
                    ambiguous.policyIds()) + "), so the console cannot tell which one this entry created. Retry the "
                    + "right one in SecMaster, or block the objects again.")).build();
        }
        DeliveryRetry.Plan.RetryPolicies retry = (DeliveryRetry.Plan.RetryPolicies) plan;
        RetryEmergencyPolicyCommand command = new RetryEmergencyPolicyCommand(identity.getPrincipal().getName(),
                retry.workspace(), retry.version(), retry.policyIds(), retry.policy(), entry.row().id());
        SubmissionResult result = metrics.record("retry_emergency_policy", () -> retryPolicy.retry(command));
        if (result instanceof SubmissionResult.Sent sent) {
            return Results.seeEntry(sent);
        }
        String why = result instanceof SubmissionResult.NotRecorded n ? n.reason()
                : "the retry was refused: " + ((SubmissionResult.Rejected) result).violations();
        return Response.status(503).entity(Templates.detail(entry, true, "Nothing was sent: " + why)).build();
    }

    private boolean canRetry(HistoryDetail entry) {
        return entry.row().isRetryable() && entry.resolvedBy() == null && identity.hasRole(Roles.OPERATOR);
    }

    private static Optional<Long> parseId(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    private static Response notFound(String id) {
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("No history entry " + id.replaceAll("[^0-9A-Za-z-]", "")).build();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
