package com.policyconsole.console.adapter.in.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Idempotency;
import com.policyconsole.console.api.Problem;
import com.policyconsole.console.api.WireBodies;
import com.policyconsole.domain.bulk.BatchParser;
import com.policyconsole.domain.bulk.BulkPlan;
import com.policyconsole.domain.bulk.LineFinding;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.port.in.BulkDeliveryCommand;
import com.policyconsole.domain.port.in.BulkDeliveryUseCase;
import com.policyconsole.domain.port.in.BulkStartResult;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk deliveries over JSON: plan a batch against SecMaster's limits, start it as a job (held for approval when it is
 * large), follow its progress, cancel it and retry its failed deliveries — the same planner, checks and job store as
 * the bulk form.
 */
@Path("/api/v1/bulk-jobs")
@Tag(name = "Bulk jobs")
@Produces(MediaType.APPLICATION_JSON)
public class BulkJobsApi {

    private static final Set<String> FIELDS = Set.of("project_id", "workspace_id", "secmaster_version",
            "data_object", "objects", "batch", "file_name", "acknowledge_warnings");

    /** A batch body: the batch's text and the upload's name, at most the upload's size and some JSON around it. */
    private static final int MAX_BODY_BYTES = BatchParser.MAX_BYTES + 64 * 1024;

    /** How many jobs the list shows. */
    private static final int RECENT_JOBS = 50;

    /** A plan: whether it can start, its deliveries, the objects dropped as covered, and every finding. */
    public record Plan(boolean startable, int objects, int dropped, List<Delivery> deliveries,
                       List<Problem.ViolationView> findings,
                       @JsonProperty("first_request") ApiViews.Request firstRequest,
                       @JsonProperty("approval_reasons") List<String> approvalReasons) {
    }

    /** A planned delivery: its number, how many objects, and how long after the start it may be sent. */
    public record Delivery(int number, int objects, @JsonProperty("not_before_seconds") long notBeforeSeconds) {
    }

    /** A job as it stands. */
    public record Job(long id, String status, String actor, @JsonProperty("created_at") Instant createdAt,
                      @JsonProperty("project_id") String projectId, @JsonProperty("workspace_id") String workspaceId,
                      int total, long succeeded, long failed, long cancelled, long pending, long objects,
                      @JsonProperty("objects_blocked") long objectsBlocked, int percent, List<JobDelivery> deliveries) {

        static Job of(JobProgress p) {
            return new Job(p.jobId(), p.status().name(), p.actor(), p.createdAt(), p.workspace().projectId(),
                    p.workspace().workspaceId(), p.total(), p.succeeded(), p.failed(), p.cancelled(), p.pending(),
                    p.objects(), p.objectsBlocked(), p.percentDone(), p.deliveries().stream()
                    .map(d -> new JobDelivery(d.number(), d.objects(), d.state().name(), d.notBefore(), d.entryId()))
                    .toList());
        }
    }

    /** One delivery of a job: its state and its history entry (null before it is recorded). */
    public record JobDelivery(int number, int objects, String state, @JsonProperty("not_before") Instant notBefore,
                              @JsonProperty("entry_id") Long entryId) {
    }

    /** A job that was started, or held for approval. */
    public record Started(@JsonProperty("job_id") long jobId, String status, int objects, int deliveries,
                          List<String> reasons, @JsonProperty("expires_at") Instant expiresAt,
                          List<Problem.ViolationView> warnings) {
    }

    private final BulkDeliveryUseCase bulk;
    private final PreviewRequestUseCase previews;
    private final ApiCaller caller;
    private final Idempotency idempotency;
    private final WebSettings settings;

    public BulkJobsApi(BulkDeliveryUseCase bulk, PreviewRequestUseCase previews, ApiCaller caller,
                       Idempotency idempotency, WebSettings settings) {
        this.bulk = bulk;
        this.previews = previews;
        this.caller = caller;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    @POST
    @Path("/plan")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a bulk job", description = "Nothing is recorded or sent. Body: project_id, workspace_id,"
            + " secmaster_version, data_object (SecMaster's, without block_target: the template of every delivery),"
            + " objects (an array of objects) or batch (the text of a batch file, file_name for its format: .txt or"
            + " .csv), acknowledge_warnings.")
    public Response plan(String body) {
        Read read = read(body);
        if (read.problem() != null) {
            return read.problem();
        }
        BulkPlan plan;
        try {
            plan = bulk.plan(read.command());
        } catch (RuntimeException e) {
            return notRead(e.getMessage());
        }
        ApiViews.Request first = plan.deliveries().isEmpty() ? null : ApiViews.Request.of(previews.preview(
                firstCreate(read.command(), plan)).rendered());
        return ApiViews.ok(new Plan(!plan.hasErrors() && !plan.deliveries().isEmpty(), plan.objects(),
                plan.dropped().size(), plan.deliveries().stream().map(d -> new Delivery(d.number(), d.objects().size(),
                        d.notBefore().toSeconds())).toList(), findings(plan, read.objectsArray()), first,
                bulk.approvalReasons(read.command(), plan)));
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a bulk job", description = "Plans the batch again and, without errors and with its"
            + " warnings acknowledged, records the job: 201 when it runs, 202 when it awaits another person's approval"
            + " (a large job); 422/409 problem+json with the findings otherwise. Same body as /plan.")
    public Response start(@HeaderParam(Idempotency.HEADER) String key, String body) {
        return idempotency.once(caller.token(), key, "POST /api/v1/bulk-jobs\n" + body, () -> {
            Read read = read(body);
            if (read.problem() != null) {
                return read.problem();
            }
            BulkStartResult result = bulk.start(read.command());
            if (result instanceof BulkStartResult.Started started) {
                return Response.created(URI.create("/api/v1/bulk-jobs/" + started.jobId())).type("application/json")
                        .entity(ApiJson.write(new Started(started.jobId(), "RUNNING", started.plan().objects(),
                                started.plan().deliveries().size(), List.of(), null,
                                warnings(started.plan(), read.objectsArray())))).build();
            }
            if (result instanceof BulkStartResult.AwaitingApproval held) {
                return Response.accepted().location(URI.create("/api/v1/bulk-jobs/" + held.jobId()))
                        .type("application/json").entity(ApiJson.write(new Started(held.jobId(), "AWAITING_APPROVAL",
                                held.plan().objects(), held.plan().deliveries().size(), held.reasons(),
                                held.expiresAt(), warnings(held.plan(), read.objectsArray())))).build();
            }
            if (result instanceof BulkStartResult.Rejected rejected) {
                BulkPlan plan = rejected.plan();
                boolean errors = plan.hasErrors() || plan.deliveries().isEmpty();
                return new Problem("urn:policy-console:problem:" + (errors ? "invalid-request"
                        : "unacknowledged-warnings"), errors ? "The batch breaks the rules"
                        : "The batch has warnings to acknowledge", errors ? 422 : 409, errors
                        ? "Nothing was recorded or sent: fix the findings below."
                        : "Nothing was recorded or sent: send it again with \"acknowledge_warnings\": true to accept them.",
                        findings(plan, read.objectsArray())).response();
            }
            return Problem.of(503, "not-recorded", "Nothing was sent",
                    ((BulkStartResult.NotRecorded) result).reason()).response();
        });
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.APPROVER})
    @Operation(summary = "The latest bulk jobs", description = "Newest first, 50 at most.")
    public Response recent() {
        return ApiViews.ok(bulk.recent(RECENT_JOBS).stream().map(Job::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.APPROVER})
    @Operation(summary = "A bulk job's progress", description = "Its counts and each delivery's state and entry.")
    public Response job(@PathParam("id") String id) {
        return progress(id).map(p -> ApiViews.ok(Job.of(p))).orElseGet(() -> noSuchJob(id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Cancel a bulk job", description = "No delivery not yet sent is sent; 409 when it was not"
            + " running.")
    public Response cancel(@PathParam("id") String id) {
        Optional<JobProgress> job = progress(id);
        if (job.isEmpty()) {
            return noSuchJob(id);
        }
        if (!bulk.cancel(caller.actor(), job.get().jobId())) {
            return Problem.of(409, "not-running", "The job is not running", "Job " + id + " is "
                    + job.get().status() + "; nothing was changed.").response();
        }
        return ApiViews.ok(Job.of(bulk.progress(job.get().jobId()).orElse(job.get())));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Withdraw a bulk job awaiting approval", description = "Its requester withdraws it before a"
            + " decision: nothing is sent; 409 when it is not awaiting approval or the caller did not ask for it.")
    public Response withdraw(@PathParam("id") String id) {
        Optional<JobProgress> job = progress(id);
        if (job.isEmpty()) {
            return noSuchJob(id);
        }
        if (!bulk.withdraw(caller.actor(), job.get().jobId())) {
            return Problem.of(409, "not-withdrawn", "The job is not withdrawn", "Job " + id + " is "
                    + job.get().status() + "; only its requester withdraws it while it awaits approval.").response();
        }
        return ApiViews.ok(Job.of(bulk.progress(job.get().jobId()).orElse(job.get())));
    }

    @POST
    @Path("/{id}/retry-failed")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Retry a bulk job's failed deliveries", description = "Sends again the deliveries refused or"
            + " failed unsent, and retries the policies that failed on a defense layer; retried counts them.")
    public Response retryFailed(@PathParam("id") String id) {
        Optional<JobProgress> job = progress(id);
        if (job.isEmpty()) {
            return noSuchJob(id);
        }
        int retried = bulk.retryFailed(caller.actor(), job.get().jobId());
        return ApiViews.ok(java.util.Map.of("retried", retried, "job", Job.of(bulk.progress(job.get().jobId())
                .orElse(job.get()))));
    }

    /** The command a body asks for, or the problem with it; whether its objects came as an array. */
    private record Read(BulkDeliveryCommand command, boolean objectsArray, Response problem) {
    }

    private Read read(String body) {
        try {
            ObjectNode object = ApiJson.object(body, FIELDS, MAX_BODY_BYTES);
            WireBodies.Target target = WireBodies.target(object, new SecMasterWorkspace(settings.projectId(),
                    settings.workspaceId()), settings.secmasterVersion());
            JsonNode data = object.get("data_object");
            if (data instanceof ObjectNode policy && policy.has("block_target")) {
                return problem(Violation.error("data_object.block_target", ViolationCode.BAD_FORMAT, "a bulk job's"
                        + " objects go in 'objects' or 'batch'; the template policy has no block_target"));
            }
            WireBodies.Create create = WireBodies.create(target, data, settings.knownConnections());
            if (create.problem() != null || create.connectionProblem() != null) {
                return new Read(null, false, (create.problem() != null ? create.problem() : create.connectionProblem())
                        .response());
            }
            JsonNode objects = object.get("objects");
            String batch = ApiJson.text(object, "batch");
            if ((objects == null || objects.isNull()) == (batch == null)) {
                return problem(Violation.error("objects", ViolationCode.REQUIRED, "give the objects either as"
                        + " 'objects' (an array of strings) or as 'batch' (a batch file's text), not both"));
            }
            String text;
            if (batch == null) {
                if (!objects.isArray()) {
                    return problem(Violation.error("objects", ViolationCode.BAD_FORMAT,
                            "objects must be an array of strings"));
                }
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < objects.size(); i++) {
                    if (!objects.get(i).isTextual() || objects.get(i).asText().contains("\n")) {
                        return problem(Violation.error("objects[" + i + "]", ViolationCode.BAD_FORMAT,
                                "each object is a string of one line"));
                    }
                    lines.add(objects.get(i).asText());
                }
                text = String.join("\n", lines);
            } else {
                text = batch;
            }
            String fileName = batch == null ? null : ApiJson.text(object, "file_name");
            return new Read(new BulkDeliveryCommand(caller.actor(), create.request(), fileName,
                    text.getBytes(StandardCharsets.UTF_8), ApiJson.flag(object, "acknowledge_warnings")),
                    batch == null, null);
        } catch (ApiJson.BadBody e) {
            return new Read(null, false, e.problem().response());
        }
    }

    private static Read problem(Violation violation) {
        return new Read(null, false, Problem.violations(Violations.of(List.of(violation))).response());
    }

    /** Every finding of the plan: the template's by wire path, the batch's by object (or line, and 0 for all). */
    private static List<Problem.ViolationView> findings(BulkPlan plan, boolean objectsArray) {
        List<Problem.ViolationView> found = new ArrayList<>(plan.template().all().stream()
                .map(Problem.ViolationView::of).toList());
        for (LineFinding f : plan.findings()) {
            String path = f.line() == 0 ? (objectsArray ? "objects" : "batch")
                    : objectsArray ? "objects[" + (f.line() - 1) + "]" : "batch:" + f.line();
            found.add(new Problem.ViolationView(path, f.code().code(), f.message(),
                    f.severity().name().toLowerCase(Locale.ROOT)));
        }
        if (plan.deliveries().isEmpty() && found.stream().noneMatch(v -> v.severity().equals("error"))) {
            found.add(new Problem.ViolationView(objectsArray ? "objects" : "batch", ViolationCode.EMPTY_BATCH.code(),
                    "the batch has no object to deliver", "error"));
        }
        return found;
    }

    private static List<Problem.ViolationView> warnings(BulkPlan plan, boolean objectsArray) {
        return findings(plan, objectsArray).stream().filter(v -> !v.severity().equals("error")).toList();
    }

    private CreateEmergencyPolicyCommand firstCreate(BulkDeliveryCommand command, BulkPlan plan) {
        EmergencyPolicyRequest first = plan.deliveries().get(0).request(command.template());
        return new CreateEmergencyPolicyCommand(caller.actor(), first.workspace(), first.secmasterVersion(),
                first.policy(), false, null);
    }

    private Optional<JobProgress> progress(String id) {
        return id.matches("[0-9]{1,18}") ? bulk.progress(Long.parseLong(id)) : Optional.empty();
    }

    private static Response noSuchJob(String id) {
        return Problem.of(404, "not-found", "No such job", "There is no bulk job " + EmergencyPoliciesApi.cut(id) + ".")
                .response();
    }

    private static Response notRead(String reason) {
        return Problem.of(503, "not-planned", "The batch could not be planned", "What already exists could not be"
                + " read: " + reason + ". Nothing was recorded or sent.").response();
    }

}
