package com.policyconsole.console.adapter.in.web.history;

import com.policyconsole.console.adapter.in.web.ConfiguredConnection;
import com.policyconsole.console.adapter.in.web.FieldErrors;
import com.policyconsole.console.adapter.in.web.Results;
import com.policyconsole.console.adapter.in.web.SubmissionMetrics;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.console.adapter.in.web.policy.EmergencyPolicyForm;
import com.policyconsole.console.adapter.in.web.policy.EmergencyPolicyResource;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.in.HistoryQueries;
import com.policyconsole.domain.port.in.RetryDeliveryCommand;
import com.policyconsole.domain.port.in.RetryDeliveryResult;
import com.policyconsole.domain.port.in.RetryDeliveryUseCase;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.port.in.SubmissionResult;
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
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

        static native TemplateInstance detail(HistoryDetail detail, boolean canRetry, String notice,
                                              PolicyDelivery delivery);
    }

    private final HistoryQueries history;
    private final RetryDeliveryUseCase retries;
    private final SubmissionMetrics metrics;
    private final SecurityIdentity identity;
    private final List<ConfiguredConnection> connections;
    private final DeliveryStatusUseCase deliveries;
    private final ApprovalsUseCase approvals;

    public HistoryResource(HistoryQueries history, RetryDeliveryUseCase retries, SubmissionMetrics metrics,
                           SecurityIdentity identity, WebSettings settings, DeliveryStatusUseCase deliveries,
                           ApprovalsUseCase approvals) {
        this.deliveries = deliveries;
        this.approvals = approvals;
        this.history = history;
        this.retries = retries;
        this.metrics = metrics;
        this.identity = identity;
        this.connections = settings.connections();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response list(@RestQuery String actor, @RestQuery String operation, @RestQuery String status,
                         @RestQuery String target, @RestQuery("project_id") String projectId,
                         @RestQuery("workspace_id") String workspaceId, @RestQuery("domain_id") String domainId,
                         @RestQuery String from, @RestQuery String to, @RestQuery String cursor) {
        AuditQuery query = new AuditQuery(actor, operation, status, target, projectId, workspaceId, domainId, from, to);
        Map<String, String> errors = query.errors();
        HistoryPage page = errors.isEmpty() ? history.search(query.toFilter(), cursor, PAGE_SIZE) : HistoryPage.empty();
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
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(Csv.HEADER);
            try {
                history.export(filter, entry -> {
                    try {
                        writer.write(Csv.line(entry));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"policy-console-history.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response detail(@PathParam("id") String id, @RestQuery String outcome) {
        Optional<HistoryDetail> entry = parseId(id).flatMap(history::detail);
        if (entry.isEmpty()) {
            return notFound(id);
        }
        String notice = outcome == null || !outcome.matches("[a-z]{1,16}") ? null
                : "The cloud answered (" + outcome.toUpperCase(Locale.ROOT) + ") but the answer could not be "
                        + "written to the history yet: the console writes it as soon as the database is back. Until then"
                        + " this entry shows what was recorded before the call.";
        return Response.ok(detailPage(entry.get(), canRetry(entry.get()), notice)).build();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") String id) {
        Optional<Long> entryId = parseId(id);
        if (entryId.isEmpty()) {
            return notFound(id);
        }
        RetryDeliveryResult result = metrics.record("retry_emergency_policy",
                () -> retries.retry(new RetryDeliveryCommand(identity.getPrincipal().getName(), entryId.get())),
                done -> done instanceof RetryDeliveryResult.Submitted submitted
                        ? Optional.of(submitted.result()) : Optional.empty());
        if (result instanceof RetryDeliveryResult.NotFound) {
            return notFound(id);
        }
        if (result instanceof RetryDeliveryResult.NotRetryable refused) {
            return Response.status(409).entity(detailPage(refused.entry(), false, refused.reason())).build();
        }
        if (result instanceof RetryDeliveryResult.NotSearched failed) {
            return Response.status(502).entity(detailPage(failed.entry(), true,
                    "Nothing was sent: SecMaster's policies could not be read to find what to retry (" + failed.reason()
                            + "). Try again in a moment.")).build();
        }
        if (result instanceof RetryDeliveryResult.SendAgain again) {
            long original = again.entry().entry().id();
            EmergencyPolicyForm form = EmergencyPolicyForm.of(again.workspace(), again.secmasterVersion(),
                    again.policy(), connections);
            form.retryOf = Long.toString(original);
            return Response.ok(EmergencyPolicyResource.Templates.form(form, FieldErrors.none(), connections,
                    again.reason() + " Nothing was retried; check the request below and send it again — the new entry "
                            + "will be linked to #" + original + ".")).build();
        }
        if (result instanceof RetryDeliveryResult.Ambiguous ambiguous) {
            return Response.status(409).entity(detailPage(ambiguous.entry(), true, "Nothing was sent: SecMaster "
                    + "holds " + ambiguous.policyIds().size() + " policies with these objects (" + String.join(", ",
                    ambiguous.policyIds()) + "), so the console cannot tell which one this entry created. Retry the "
                    + "right one in SecMaster, or block the objects again.")).build();
        }
        RetryDeliveryResult.Submitted submitted = (RetryDeliveryResult.Submitted) result;
        return retried(submitted.entry(), submitted.result());
    }

    /** Its requester withdraws a submission that awaits approval: it is rejected in their name and never sent. */
    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id) {
        Optional<HistoryDetail> entry = parseId(id).flatMap(history::detail);
        if (entry.isEmpty()) {
            return notFound(id);
        }
        ApprovalsUseCase.Decision decision = approvals.withdraw(identity.getPrincipal().getName(),
                entry.get().entry().id());
        if (decision instanceof ApprovalsUseCase.Decision.Refused refused) {
            return Response.status(Results.status(refused.why())).entity(detailPage(entry.get(), false,
                    "Nothing was withdrawn: " + refused.reason() + ".")).build();
        }
        return Response.seeOther(java.net.URI.create("/history/" + entry.get().entry().id())).build();
    }

    /** The entry page, with the delivery per defense layer when the entry created a policy the console follows. */
    private TemplateInstance detailPage(HistoryDetail detail, boolean canRetry, String notice) {
        PolicyDelivery delivery = null;
        try {
            delivery = deliveries.deliveries(List.of(detail.entry().id())).get(detail.entry().id());
        } catch (RuntimeException e) {
            // the page still shows the entry; the delivery state is read again on the next visit
        }
        return Templates.detail(detail, canRetry, notice, delivery);
    }

    /** Reads the delivery records of the policy this entry created now, and shows the entry again. */
    @POST
    @Path("/{id}/status")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refreshStatus(@PathParam("id") String id) {
        Optional<HistoryDetail> entry = parseId(id).flatMap(history::detail);
        if (entry.isEmpty()) {
            return notFound(id);
        }
        String notice = null;
        try {
            if (deliveries.refresh(entry.get().entry().id()).isEmpty()) {
                notice = "This entry created no policy whose delivery the console follows.";
            }
        } catch (RuntimeException e) {
            notice = "The delivery records could not be read now (" + e.getMessage() + "); the console reads them "
                    + "again shortly.";
        }
        if (notice != null) {
            return Response.status(409).entity(detailPage(entry.get(), canRetry(entry.get()), notice)).build();
        }
        return Response.seeOther(java.net.URI.create("/history/" + entry.get().entry().id())).build();
    }

    /** Retries ({@code action_type=retry}) the policy of this entry whose delivery failed on a defense layer. */
    @POST
    @Path("/{id}/retry-layers")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retryLayers(@PathParam("id") String id) {
        Optional<HistoryDetail> entry = parseId(id).flatMap(history::detail);
        if (entry.isEmpty()) {
            return notFound(id);
        }
        Optional<SubmissionResult> result = metrics.record("retry_emergency_policy",
                () -> deliveries.retryFailedLayers(identity.getPrincipal().getName(), entry.get().entry().id()),
                done -> done);
        if (result.isEmpty()) {
            return Response.status(409).entity(detailPage(entry.get(), canRetry(entry.get()),
                    "Nothing was sent: no defense layer of this policy failed.")).build();
        }
        return retried(entry.get(), result.get());
    }

    /** A retry of {@code entry} sent (to its new entry), held for approval (to the held entry) or not sent (503). */
    private Response retried(HistoryDetail entry, SubmissionResult result) {
        if (result instanceof SubmissionResult.Sent sent) {
            return Results.seeEntry(sent);
        }
        if (result instanceof SubmissionResult.AwaitingApproval held) {
            return Response.seeOther(java.net.URI.create("/history/" + held.entryId())).build();
        }
        String why = result instanceof SubmissionResult.NotRecorded n ? n.reason()
                : "the retry was refused: " + ((SubmissionResult.Rejected) result).violations();
        return Response.status(503).entity(detailPage(entry, canRetry(entry), "Nothing was sent: " + why)).build();
    }

    private boolean canRetry(HistoryDetail entry) {
        return entry.isRetryable() && identity.hasRole(Roles.OPERATOR);
    }

    private static Optional<Long> parseId(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    private static Response notFound(String id) {
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("No history entry " + id.replaceAll("[^0-9A-Za-z-]", "")).build();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
