package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Four-eyes over JSON: the submissions awaiting a second person, and approving (sends) or rejecting them. */
@Path("/api/v1/approvals")
@Tag(name = "Approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.APPROVER)
public class ApprovalsApi {

    /** A held submission with its exact request. */
    public record Held(ApiViews.Entry entry, ApiViews.Request request, List<String> reasons,
                       @JsonProperty("requested_by") String requestedBy,
                       @JsonProperty("request_hash") String requestHash,
                       @JsonProperty("expires_at") Instant expiresAt) {

        static Held of(ApprovalsUseCase.Held h) {
            return new Held(ApiViews.Entry.of(h.detail().entry()), ApiViews.Request.of(h.detail().request()),
                    h.hold().reasons(), h.hold().requestedBy(), h.hold().requestHash(), h.hold().expiresAt());
        }
    }

    /** A held bulk job: its size, why, who asked, until when, and its hash; its requests under {@code requests}. */
    public record HeldJob(@JsonProperty("job_id") long jobId, String status, String actor,
                          @JsonProperty("created_at") Instant createdAt, long objects, int deliveries,
                          List<String> reasons, @JsonProperty("requested_by") String requestedBy,
                          @JsonProperty("request_hash") String requestHash,
                          @JsonProperty("expires_at") Instant expiresAt,
                          @JsonProperty("decided_by") String decidedBy,
                          @JsonProperty("decided_at") Instant decidedAt,
                          @JsonProperty("decision_reason") String decisionReason, List<ApiViews.Request> requests) {

        static HeldJob of(ApprovalsUseCase.HeldJob h, List<ApiViews.Request> requests) {
            return new HeldJob(h.job().jobId(), h.job().status().name(), h.job().actor(), h.job().createdAt(),
                    h.job().objects(), h.job().total(), h.hold().reasons(), h.hold().requestedBy(),
                    h.hold().requestHash(), h.hold().expiresAt(), h.hold().decidedBy(), h.hold().decidedAt(),
                    h.hold().decisionReason(), requests);
        }
    }

    private final ApprovalsUseCase approvals;
    private final ApiCaller caller;

    public ApprovalsApi(ApprovalsUseCase approvals, ApiCaller caller) {
        this.approvals = approvals;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Submissions awaiting approval", description = "Newest first, " + ApprovalsUseCase.PAGE
            + " a page; before: the entry to page back from (the last one of the page before).")
    public Response awaiting(@QueryParam("before") String before) {
        if (before != null && !before.matches("[0-9]{1,18}")) {
            return Problem.of(400, "bad-query", "A bad query", "before is an entry number.").response();
        }
        return ApiViews.ok(approvals.awaiting(before == null ? null : Long.valueOf(before)).stream().map(Held::of)
                .toList());
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "Bulk jobs awaiting approval", description = "Without their requests; GET /jobs/{id} has them.")
    public Response awaitingJobs() {
        return ApiViews.ok(approvals.awaitingJobs().stream().map(h -> HeldJob.of(h, null)).toList());
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "A held bulk job", description = "With the exact request of every delivery.")
    public Response job(@PathParam("id") String id) {
        return (id.matches("[0-9]{1,18}") ? approvals.heldJob(Long.parseLong(id)) : Optional.<ApprovalsUseCase.HeldJob>empty())
                .map(h -> ApiViews.ok(HeldJob.of(h, approvals.jobRequests(h.job().jobId()).stream()
                        .map(ApiViews.Request::of).toList())))
                .orElseGet(() -> Problem.of(404, "not-found", "No such held job",
                        "There is no bulk job held for approval with this number.").response());
    }

    @POST
    @Path("/jobs/{id}/{decision}")
    @Operation(summary = "Approve or reject a bulk job", description = "decision: approve (its deliveries run from now"
            + " on, if they are still the ones asked for; not one's own) or reject. Body: reason (required).")
    public Response decideJob(@PathParam("id") String id, @PathParam("decision") String decision, String body) {
        if (!id.matches("[0-9]{1,18}") || !decision.equals("approve") && !decision.equals("reject")) {
            return Problem.of(404, "not-found", "No such approval", "Approve or reject a job that awaits approval.")
                    .response();
        }
        String reason;
        try {
            reason = ApiJson.text(ApiJson.object(body, Set.of("reason")), "reason");
        } catch (ApiJson.BadBody e) {
            return e.problem().response();
        }
        long job = Long.parseLong(id);
        ApprovalsUseCase.Decision result = decision.equals("approve") ? approvals.approveJob(caller.actor(), job, reason)
                : approvals.rejectJob(caller.actor(), job, reason);
        if (result instanceof ApprovalsUseCase.Decision.Refused refused) {
            return ApiViews.refused(refused, "not-decided", "Nothing was decided");
        }
        return ApiViews.ok(java.util.Map.of("job_id", job, "status", result instanceof ApprovalsUseCase.Decision.Started
                ? "RUNNING" : "REJECTED", "progress", "/api/v1/bulk-jobs/" + job));
    }

    @POST
    @Path("/{id}/{decision}")
    @Operation(summary = "Approve or reject a submission", description = "decision: approve (sends exactly the recorded"
            + " request; not one's own) or reject. Body: reason (required).")
    public Response decide(@PathParam("id") String id, @PathParam("decision") String decision, String body) {
        return decideEntry(id, decision, body);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Withdraw a held submission", description = "Its requester withdraws it before a decision:"
            + " nothing is sent (its status becomes REJECTED, decided by the requester). 403 for anyone else.")
    public Response withdraw(@PathParam("id") String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Problem.of(404, "not-found", "No such approval", "Withdraw an entry that awaits approval.")
                    .response();
        }
        long entry = Long.parseLong(id);
        ApprovalsUseCase.Decision result = approvals.withdraw(caller.actor(), entry);
        if (result instanceof ApprovalsUseCase.Decision.Rejected) {
            return ApiViews.ok(java.util.Map.of("entry_id", entry, "status", "REJECTED"));
        }
        ApprovalsUseCase.Decision.Refused refused = (ApprovalsUseCase.Decision.Refused) result;
        return ApiViews.refused(refused, "not-withdrawn", "Nothing was withdrawn");
    }

    private Response decideEntry(String id, String decision, String body) {
        if (!id.matches("[0-9]{1,18}") || !decision.equals("approve") && !decision.equals("reject")) {
            return Problem.of(404, "not-found", "No such approval", "Approve or reject an entry that awaits approval.")
                    .response();
        }
        String reason;
        try {
            ObjectNode object = ApiJson.object(body, Set.of("reason"));
            reason = ApiJson.text(object, "reason");
        } catch (ApiJson.BadBody e) {
            return e.problem().response();
        }
        long entry = Long.parseLong(id);
        ApprovalsUseCase.Decision result = decision.equals("approve") ? approvals.approve(caller.actor(), entry, reason)
                : approvals.reject(caller.actor(), entry, reason);
        if (result instanceof ApprovalsUseCase.Decision.Approved approved) {
            return ApiViews.submitted(approved.sent());
        }
        if (result instanceof ApprovalsUseCase.Decision.Rejected) {
            return ApiViews.ok(java.util.Map.of("entry_id", entry, "status", "REJECTED"));
        }
        ApprovalsUseCase.Decision.Refused refused = (ApprovalsUseCase.Decision.Refused) result;
        return ApiViews.refused(refused, "not-decided", "Nothing was decided");
    }
}
