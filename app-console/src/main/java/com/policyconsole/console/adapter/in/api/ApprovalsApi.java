package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiAttributes;
import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Idempotency;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
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

    private final ApprovalsUseCase approvals;
    private final ApiCaller caller;

    public ApprovalsApi(ApprovalsUseCase approvals, ApiCaller caller) {
        this.approvals = approvals;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Submissions awaiting approval")
    public Response awaiting() {
        return ApiViews.ok(approvals.awaiting().stream().map(Held::of).toList());
    }

    @POST
    @Path("/{id}/{decision}")
    @Operation(summary = "Approve or reject a submission", description = "decision: approve (sends exactly the recorded"
            + " request; not one's own) or reject. Body: reason (required).")
    public Response decide(@PathParam("id") String id, @PathParam("decision") String decision, String body) {
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
        return Problem.of(refused.status(), "not-decided", "Nothing was decided", refused.reason()).response();
    }
}
