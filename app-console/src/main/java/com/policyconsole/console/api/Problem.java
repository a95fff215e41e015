package com.policyconsole.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An API error as {@code application/problem+json} (RFC 9457): a stable {@code type}, a title, the status, a detail,
 * and the violations — wire path, stable code, message, severity — that the forms show field by field.
 *
 * @param type a URI naming the kind of problem, e.g. {@code urn:policy-console:problem:invalid-request}
 * @param title what kind of problem, the same for every instance
 * @param status the HTTP status
 * @param detail this instance, in a sentence
 * @param violations the findings, empty when there are none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<ViolationView> violations) {

    /** The media type of every API error. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One finding as the API shows it. */
    public record ViolationView(String path, String code, String message, String severity) {

        public static ViolationView of(Violation v) {
            return new ViolationView(v.path(), v.code().code(), v.message(), v.severity().name().toLowerCase(
                    java.util.Locale.ROOT));
        }
    }

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    @JsonProperty("type")
    public String type() {
        return type;
    }

    /** A problem of this kind ({@code urn:policy-console:problem:<kind>}). */
    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem("urn:policy-console:problem:" + kind, title, status, detail, List.of());
    }

    /** The request's findings: 422 when there are errors, 409 when only warnings wait to be acknowledged. */
    public static Problem violations(Violations violations) {
        boolean errors = violations.hasErrors();
        return new Problem("urn:policy-console:problem:" + (errors ? "invalid-request" : "unacknowledged-warnings"),
                errors ? "The request breaks the rules" : "The request has warnings to acknowledge",
                errors ? 422 : 409, errors ? "Nothing was sent: fix the violations below."
                        : "Nothing was sent: send it again with \"acknowledge_warnings\": true to accept them.",
                violations.all().stream().map(ViolationView::of).toList());
    }

    /** This problem as the HTTP answer. */
    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(ApiJson.write(this)).build();
    }
}
