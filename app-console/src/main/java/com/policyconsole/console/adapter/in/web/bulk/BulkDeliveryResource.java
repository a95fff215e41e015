package com.policyconsole.console.adapter.in.web.bulk;

import com.policyconsole.console.adapter.in.web.ConfiguredConnection;
import com.policyconsole.console.adapter.in.web.FieldErrors;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.bulk.BulkPlan;
import com.policyconsole.domain.bulk.LineFinding;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.model.bulk.BulkDraft;
import com.policyconsole.domain.model.bulk.DeliveryProgress;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.port.in.BulkDeliveryCommand;
import com.policyconsole.domain.port.in.BulkDeliveryUseCase;
import com.policyconsole.domain.port.in.BulkStartResult;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import com.policyconsole.console.adapter.in.web.policy.EmergencyPolicyForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk deliveries: the batch form, the plan preview, the confirmation that starts a job, and the job page with its
 * progress (also as JSON for the page's script), cancel and retry of the failed deliveries.
 */
@Path("/bulk")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class BulkDeliveryResource {

    /** How many jobs the list of jobs shows. */
    static final int RECENT_JOBS = 50;

    /** What the job page says after an action, by the code its redirect carries. */
    private static final Map<String, String> NOTICES = Map.of(
            "cancelled", "The job was cancelled: deliveries not yet sent will not be sent.",
            "not-running", "The job was not running any more; nothing was changed.",
            "withdrawn", "You withdrew the job before a decision: none of its deliveries will be sent.",
            "not-withdrawn", "Only its requester withdraws a job, and only while it awaits approval; nothing changed.",
            "retried", "The failed deliveries were queued again.",
            "none-failed", "No delivery had failed; nothing was queued.",
            "awaiting", "The job is recorded and awaits another person's approval: nothing is sent until a person with"
                    + " the approver role approves it.",
            "approved", "The job was approved: its deliveries run from now on.",
            "rejected", "The job was rejected: none of its deliveries will be sent.");

    /** The pages of a bulk delivery. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(BulkForm form, FieldErrors errors, List<LineFinding> findings,
                                            List<ConfiguredConnection> connections, String notice);

        static native TemplateInstance plan(BulkForm form, BulkPlanView plan, FieldErrors errors,
                                            boolean mustAcknowledge);

        static native TemplateInstance job(JobView job, ApprovalHold hold, String notice);

        static native TemplateInstance jobs(List<JobView> jobs);
    }

    private final BulkDeliveryUseCase bulk;
    private final PreviewRequestUseCase previews;
    private final SecurityIdentity identity;
    private final WebSettings settings;
    private final Clock clock;
    private final List<ConfiguredConnection> connections;
    private final DeliveryStatusUseCase deliveries;
    private final ApprovalsUseCase approvals;

    public BulkDeliveryResource(BulkDeliveryUseCase bulk, PreviewRequestUseCase previews, SecurityIdentity identity,
                                WebSettings settings, Clock clock, DeliveryStatusUseCase deliveries,
                                ApprovalsUseCase approvals) {
        this.deliveries = deliveries;
        this.approvals = approvals;
        this.bulk = bulk;
        this.previews = previews;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
        this.connections = settings.connections();
    }

    @GET
    @Path("/new")
    public TemplateInstance blank() {
        BulkForm form = BulkForm.defaults(settings.projectId(), settings.workspaceId(), settings.secmasterVersion(),
                settings.defaultRegion());
        return Templates.form(form, FieldErrors.none(), List.of(), connections, null);
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance edit(@BeanParam BulkForm form) {
        form.draftId().flatMap(id -> bulk.draft(actor(), id)).ifPresent(d -> {
            if (form.showInTextArea(new String(d.content(), java.nio.charset.StandardCharsets.UTF_8))) {
                form.draft = null;
            }
        });
        return Templates.form(form, FieldErrors.none(), List.of(), connections, null);
    }

    /** Plans the batch: the findings by line on the form, or the plan to confirm. Nothing is recorded or sent. */
    @POST
    @Path("/plan")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response plan(@BeanParam BulkForm form) throws IOException {
        Planned planned = planOf(form, false);
        if (planned.rejectsForm()) {
            return Response.status(422).entity(formPage(form, planned, null)).build();
        }
        BulkDraft kept;
        try {
            kept = bulk.keep(actor(), planned.command().fileName(), planned.command().content());
        } catch (RuntimeException e) {
            return Response.status(503).entity(formPage(form, planned, "The batch could not be kept for its "
                    + "confirmation: " + e.getMessage() + ". Plan it again when the database is back.")).build();
        }
        form.draft = kept.id().toString();
        form.batch = null;
        return Response.ok(Templates.plan(form, view(planned.command(), planned.plan()),
                new FieldErrors(planned.plan().template()), false)).build();
    }

    /** Starts the confirmed batch as a job and shows its page (303); otherwise the plan or the form again. */
    @POST
    @Path("/start")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response start(@BeanParam BulkForm form) throws IOException {
        Planned planned = planOf(form, form.acknowledged());
        if (planned.rejectsForm()) {
            return Response.status(422).entity(formPage(form, planned, null)).build();
        }
        BulkStartResult result = bulk.start(planned.command());
        if (result instanceof BulkStartResult.Started started) {
            return Response.seeOther(URI.create("/bulk/jobs/" + started.jobId())).build();
        }
        if (result instanceof BulkStartResult.AwaitingApproval held) {
            return backToJob(held.jobId(), "awaiting");
        }
        if (result instanceof BulkStartResult.Rejected rejected) {
            if (rejected.plan().hasErrors() || rejected.plan().deliveries().isEmpty()) {
                return Response.status(422).entity(formPage(form, new Planned(planned.read(), planned.command(),
                        rejected.plan()), null)).build();
            }
            return Response.status(409).entity(Templates.plan(form, view(planned.command(), rejected.plan()),
                    new FieldErrors(rejected.plan().template()), true)).build();
        }
        String reason = ((BulkStartResult.NotRecorded) result).reason();
        return Response.status(503).entity(formPage(form, planned, "Nothing was sent. " + reason
                + ". Your batch is kept below; plan it again when the database is back.")).build();
    }

    /** The latest jobs, newest first. */
    @GET
    @Path("/jobs")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.APPROVER})
    public TemplateInstance jobs() {
        return Templates.jobs(bulk.recent(RECENT_JOBS).stream().map(p -> new JobView(p, Map.of())).toList());
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.APPROVER})
    public Response job(@PathParam("id") String id, @QueryParam("notice") String notice) {
        return progressOf(id).map(p -> Response.ok(Templates.job(new JobView(p, layers(p)),
                        approvals.heldJob(p.jobId()).map(ApprovalsUseCase.HeldJob::hold).orElse(null),
                        notice == null ? null : NOTICES.get(notice))).build())
                .orElseGet(() -> Response.status(404).entity(Templates.job(null, null, null)).build());
    }

    /** The job's progress for the page's script: counts and each delivery's state. */
    @GET
    @Path("/jobs/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.APPROVER})
    public Response progress(@PathParam("id") String id) {
        return progressOf(id).map(p -> Response.ok(JobProgressJson.of(p, layers(p))).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("error", "no such job: " + id)).build());
    }

    @POST
    @Path("/jobs/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id) {
        Long jobId = jobId(id);
        if (jobId == null || bulk.progress(jobId).isEmpty()) {
            return Response.status(404).entity(Templates.job(null, null, null)).build();
        }
        return backToJob(jobId, bulk.cancel(identity.getPrincipal().getName(), jobId) ? "cancelled" : "not-running");
    }

    @POST
    @Path("/jobs/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id) {
        Long jobId = jobId(id);
        if (jobId == null || bulk.progress(jobId).isEmpty()) {
            return Response.status(404).entity(Templates.job(null, null, null)).build();
        }
        return backToJob(jobId, bulk.withdraw(identity.getPrincipal().getName(), jobId) ? "withdrawn"
                : "not-withdrawn");
    }

    @POST
    @Path("/jobs/{id}/retry-failed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retryFailed(@PathParam("id") String id) {
        Long jobId = jobId(id);
        if (jobId == null || bulk.progress(jobId).isEmpty()) {
            return Response.status(404).entity(Templates.job(null, null, null)).build();
        }
        return backToJob(jobId, bulk.retryFailed(identity.getPrincipal().getName(), jobId) > 0 ? "retried" : "none-failed");
    }

    private record Planned(EmergencyPolicyForm.Read read, BulkDeliveryCommand command, BulkPlan plan) {

        /** The form's own problems, or errors of the plan, or nothing to deliver: the form again. */
        boolean rejectsForm() {
            return !read.problems().isEmpty() || plan.hasErrors() || plan.deliveries().isEmpty();
        }
    }

    private Planned planOf(BulkForm form, boolean acknowledged) throws IOException {
        BulkForm.Batch batch = form.content();
        if (batch.isEmpty() && form.draftId().isPresent()) {
            Optional<BulkDraft> kept = form.draftId().flatMap(id -> bulk.draft(actor(), id));
            if (kept.isPresent()) {
                batch = new BulkForm.Batch(kept.get().fileName(), kept.get().content());
            }
        }
        EmergencyPolicyForm.Read read = form.read(connections, clock.instant());
        EmergencyPolicyRequest template = new EmergencyPolicyRequest(read.workspace(), read.version(), "create", null,
                read.policy());
        BulkDeliveryCommand command = new BulkDeliveryCommand(identity.getPrincipal().getName(), template,
                batch.fileName(), batch.bytes(), acknowledged);
        BulkPlan plan = bulk.plan(command);
        if (plan.findings().stream().anyMatch(f -> f.code() == ViolationCode.NOT_A_TEXT_FILE)) {
            form.batch = null;
            form.batchName = null;
            form.draft = null;
        } else if (!form.showInTextArea(new String(batch.bytes(), java.nio.charset.StandardCharsets.UTF_8))) {
            // too large to edit in a form field: kept as a draft, to be planned again (once the file is fixed)
            form.draft = plan.hasErrors() ? bulk.keep(actor(), batch.fileName(), batch.bytes()).id().toString()
                    : form.draft;
        } else {
            form.draft = null;
        }
        return new Planned(read, command, plan);
    }

    private TemplateInstance formPage(BulkForm form, Planned planned, String notice) {
        Violations all = Violations.of(planned.read().problems()).and(planned.plan().template());
        List<LineFinding> findings = planned.plan().findings();
        if (planned.plan().deliveries().isEmpty() && findings.isEmpty() && !all.hasErrors()) {
            findings = List.of(LineFinding.error(0, ViolationCode.EMPTY_BATCH,
                    "the batch has no object to deliver: paste objects or upload a .txt or .csv file"));
        }
        return Templates.form(form, new FieldErrors(all), findings, connections, notice);
    }

    /** The plan as its page shows it, with the exact request of its first delivery. */
    private BulkPlanView view(BulkDeliveryCommand command, BulkPlan plan) {
        EmergencyPolicyRequest template = command.template();
        EmergencyPolicyRequest first = plan.deliveries().get(0).request(template);
        return new BulkPlanView(plan, previews.preview(new CreateEmergencyPolicyCommand(identity.getPrincipal().getName(),
                first.workspace(), first.secmasterVersion(), first.policy(), false, null)).rendered(),
                bulk.approvalReasons(command, plan));
    }

    private Optional<JobProgress> progressOf(String id) {
        Long jobId = jobId(id);
        return jobId == null ? Optional.empty() : bulk.progress(jobId);
    }

    /** Each recorded delivery's layers, as far as known; none when they cannot be read now. */
    private Map<Long, PolicyDelivery> layers(JobProgress progress) {
        try {
            return deliveries.deliveries(progress.deliveries().stream().map(DeliveryProgress::entryId)
                    .filter(java.util.Objects::nonNull).toList());
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Long jobId(String id) {
        return id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : null;
    }

    private static Response backToJob(long jobId, String notice) {
        return Response.seeOther(URI.create("/bulk/jobs/" + jobId + "?notice=" + notice)).build();
    }
}
