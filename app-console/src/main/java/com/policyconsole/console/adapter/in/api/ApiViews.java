package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.Violations;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's answers: history entries, outcomes, previews, and the one mapping of a submission to HTTP. */
public final class ApiViews {

    private ApiViews() {
    }

    /** A history entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long id, String operation, String status, String actor,
                        @JsonProperty("requested_at") Instant requestedAt,
                        @JsonProperty("completed_at") Instant completedAt,
                        @JsonProperty("http_status") Integer httpStatus, @JsonProperty("error_code") String errorCode,
                        @JsonProperty("error_message") String errorMessage,
                        @JsonProperty("result_id") String resultId, @JsonProperty("result_state") String resultState,
                        @JsonProperty("project_id") String projectId, @JsonProperty("workspace_id") String workspaceId,
                        @JsonProperty("domain_id") String domainId, @JsonProperty("rule_name") String ruleName,
                        @JsonProperty("rule_id") String ruleId, @JsonProperty("retry_of") Long retryOf,
                        @JsonProperty("step_of") Long stepOf, List<String> targets) {

        public static Entry of(HistoryEntry e) {
            return new Entry(e.id(), e.operation().name(), e.status().name(), e.actor(), e.requestedAt(),
                    e.completedAt(), e.httpStatus(), e.errorCode(), e.errorMessage(), e.resultId(), e.resultState(),
                    e.projectId(), e.workspaceId(), e.domainId(), e.ruleName(), e.ruleId(), e.retryOf(), e.stepOf(),
                    e.targets());
        }
    }

    /** A request as it goes (or went) on the wire, secrets masked. */
    public record Request(String method, String url, Map<String, String> headers, String body) {

        public static Request of(RenderedRequest r) {
            return new Request(r.method(), r.url(), r.headers(), r.body());
        }
    }

    /** What the cloud answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String status, @JsonProperty("http_status") Integer httpStatus,
                          @JsonProperty("result_id") String resultId, String state,
                          @JsonProperty("error_code") String errorCode, String message,
                          @JsonProperty("request_id") String requestId) {

        public static Outcome of(CloudOutcome o) {
            Integer http = o.httpStatus() == 0 ? null : o.httpStatus();
            if (o instanceof CloudOutcome.Accepted a) {
                return new Outcome(o.status().name(), http, a.resultId(), a.state(), null, null, a.requestId());
            }
            if (o instanceof CloudOutcome.Refused r) {
                return new Outcome(o.status().name(), http, null, null, r.errorCode(), r.message(), r.requestId());
            }
            if (o instanceof CloudOutcome.Failed f) {
                return new Outcome(o.status().name(), http, null, null, f.errorCode(), f.message(), f.requestId());
            }
            CloudOutcome.Unknown u = (CloudOutcome.Unknown) o;
            return new Outcome(o.status().name(), http, null, null, null, u.reason(), u.requestId());
        }
    }

    /** A submission that was recorded and sent: its entry's ID, the outcome, and the warnings it was sent with. */
    public record Sent(@JsonProperty("entry_id") long entryId, Outcome outcome,
                       List<Problem.ViolationView> warnings, @JsonProperty("outcome_recorded") boolean outcomeRecorded) {
    }

    /** A submission held for a second person's approval: not sent. */
    public record Held(@JsonProperty("entry_id") long entryId, String status, List<String> reasons,
                       @JsonProperty("expires_at") Instant expiresAt) {
    }

    /** A preview: the findings and the exact request(s). */
    public record Preview(boolean sendable, List<Problem.ViolationView> violations, List<Request> requests,
                          @JsonProperty("approval_reasons") List<String> approvalReasons) {

        public static Preview of(Violations violations, List<RenderedRequest> requests) {
            return of(violations, requests, List.of());
        }

        /** A preview that says why it would wait for a second person's approval (empty: it would be sent at once). */
        public static Preview of(Violations violations, List<RenderedRequest> requests, List<String> approvalReasons) {
            return new Preview(!violations.hasErrors(), violations.all().stream().map(Problem.ViolationView::of)
                    .toList(), requests.stream().map(Request::of).toList(), approvalReasons);
        }
    }

    /**
     * Sent: 201 with the entry and outcome, {@code Location} the entry. Held for approval: 202 with the entry, not sent.
     * Refused by the checks: the problem (422 or 409). Not recorded: 503, nothing sent.
     */
    /** A decision that was refused, as a problem: the one place the API turns why into a status. */
    public static Response refused(com.policyconsole.domain.port.in.ApprovalsUseCase.Decision.Refused refused,
                                   String type, String title) {
        int status = switch (refused.why()) {
            case UNKNOWN -> 404;
            case NOT_ALLOWED -> 403;
            case INCOMPLETE -> 422;
            case NOT_AWAITING, CHANGED -> 409;
        };
        return Problem.of(status, type, title, refused.reason()).response();
    }

    public static Response submitted(SubmissionResult result) {
        if (result instanceof SubmissionResult.Sent sent) {
            return Response.created(URI.create("/api/v1/history/" + sent.entryId())).type("application/json")
                    .entity(ApiJson.write(new Sent(sent.entryId(), Outcome.of(sent.outcome()),
                            sent.warnings().warnings().stream().map(Problem.ViolationView::of).toList(),
                            sent.outcomeRecorded()))).build();
        }
        if (result instanceof SubmissionResult.AwaitingApproval held) {
            return Response.accepted().location(URI.create("/api/v1/history/" + held.entryId()))
                    .type("application/json").entity(ApiJson.write(new Held(held.entryId(), "AWAITING_APPROVAL",
                            held.reasons(), held.expiresAt()))).build();
        }
        if (result instanceof SubmissionResult.Rejected rejected) {
            return Problem.violations(rejected.violations()).response();
        }
        return Problem.of(503, "not-recorded", "Nothing was sent", ((SubmissionResult.NotRecorded) result).reason()
                + "; send the request again when the database is back.").response();
    }

    /** A JSON answer with status 200. */
    public static Response ok(Object value) {
        return Response.ok(ApiJson.write(value), "application/json").build();
    }
}
