package com.policyconsole.console.adapter.in.web.approval;

import com.policyconsole.console.adapter.in.web.Results;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import org.jboss.resteasy.reactive.RestQuery;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Four-eyes: the submissions and bulk jobs awaiting a second person, each with why, who asked, until when and the
 * exact request(s); an approver approves (the recorded request is sent, the job's deliveries start) or rejects it, with
 * a reason.
 */
@Path("/approvals")
@RolesAllowed(Roles.APPROVER)
@Produces(MediaType.TEXT_HTML)
public class ApprovalsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(List<ApprovalsUseCase.Held> held, List<ApprovalsUseCase.HeldJob> jobs,
                                                 int page);

        static native TemplateInstance approval(ApprovalsUseCase.Held held, String me, String problem);

        static native TemplateInstance approvalJob(ApprovalsUseCase.HeldJob held, List<RenderedRequest> requests,
                                                   String me, String problem);
    }

    private final ApprovalsUseCase approvals;
    private final SecurityIdentity identity;

    public ApprovalsResource(ApprovalsUseCase approvals, SecurityIdentity identity) {
        this.approvals = approvals;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery("before") String before) {
        Long older = before != null && before.matches("[0-9]{1,18}") ? Long.valueOf(before) : null;
        return Templates.approvals(approvals.awaiting(older), approvals.awaitingJobs(), ApprovalsUseCase.PAGE);
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") String id) {
        Optional<ApprovalsUseCase.Held> held = id.matches("[0-9]{1,18}") ? approvals.held(Long.parseLong(id))
                : Optional.empty();
        return held.map(h -> Response.ok(Templates.approval(h, me(), null)).build())
                .orElseGet(() -> Response.status(404).entity(listPage()).build());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, @RestForm String reason) {
        return decide(id, reason, true);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") String id, @RestForm String reason) {
        return decide(id, reason, false);
    }

    private Response decide(String id, String reason, boolean approve) {
        if (!id.matches("[0-9]{1,18}")) {
            return Response.status(404).entity(listPage()).build();
        }
        long entry = Long.parseLong(id);
        ApprovalsUseCase.Decision decision = approve ? approvals.approve(me(), entry, reason)
                : approvals.reject(me(), entry, reason);
        if (decision instanceof ApprovalsUseCase.Decision.Refused refused) {
            Optional<ApprovalsUseCase.Held> held = approvals.held(entry);
            return Response.status(Results.status(refused.why())).entity(held.isPresent()
                    ? Templates.approval(held.get(), me(), refused.reason())
                    : listPage()).build();
        }
        // its approval page shows the decision and the outcome to an approver who cannot read the history
        return Response.seeOther(URI.create("/approvals/" + entry)).build();
    }

    @GET
    @Path("/jobs/{id}")
    public Response job(@PathParam("id") String id) {
        Optional<ApprovalsUseCase.HeldJob> held = id.matches("[0-9]{1,18}") ? approvals.heldJob(Long.parseLong(id))
                : Optional.empty();
        return held.map(h -> Response.ok(jobPage(h, null)).build())
                .orElseGet(() -> Response.status(404).entity(listPage()).build());
    }

    @POST
    @Path("/jobs/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approveJob(@PathParam("id") String id, @RestForm String reason) {
        return decideJob(id, reason, true);
    }

    @POST
    @Path("/jobs/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectJob(@PathParam("id") String id, @RestForm String reason) {
        return decideJob(id, reason, false);
    }

    private Response decideJob(String id, String reason, boolean approve) {
        if (!id.matches("[0-9]{1,18}")) {
            return Response.status(404).entity(listPage()).build();
        }
        long job = Long.parseLong(id);
        ApprovalsUseCase.Decision decision = approve ? approvals.approveJob(me(), job, reason)
                : approvals.rejectJob(me(), job, reason);
        if (decision instanceof ApprovalsUseCase.Decision.Refused refused) {
            Optional<ApprovalsUseCase.HeldJob> held = approvals.heldJob(job);
            return Response.status(Results.status(refused.why())).entity(held.isPresent() ? jobPage(held.get(), refused.reason())
                    : listPage()).build();
        }
        return Response.seeOther(URI.create("/bulk/jobs/" + job + "?notice=" + (approve ? "approved" : "rejected")))
                .build();
    }

    private TemplateInstance listPage() {
        return Templates.approvals(approvals.awaiting(), approvals.awaitingJobs(), ApprovalsUseCase.PAGE);
    }

    private TemplateInstance jobPage(ApprovalsUseCase.HeldJob held, String problem) {
        return Templates.approvalJob(held, approvals.jobRequests(held.job().jobId()), me(), problem);
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
