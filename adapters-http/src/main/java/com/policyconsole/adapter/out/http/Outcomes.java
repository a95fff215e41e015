package com.policyconsole.adapter.out.http;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.port.CloudReadException;
import java.util.function.Function;

/**
 * Turns an {@link Exchange} into the domain's {@link CloudOutcome}: the error mapping shared by all adapters
 * (status, error code and message from either body shape, request ID from {@code X-Request-Id} or the body,
 * bodies redacted and capped). What a server error means for a write is the caller's choice, see
 * {@link ServerError}.
 */
public final class Outcomes {

    /** Longest response body kept in an outcome. */
    public static final int MAX_BODY_CHARS = 16_384;

    /** What a 5xx answer means for a write. */
    public enum ServerError {
        /** The request may have been applied (SecMaster create/retry): the outcome is Unknown. */
        MAY_HAVE_APPLIED,
        /** The request was not applied (Config PUT; re-sending is refused if it was): the outcome is Failed. */
        NOT_APPLIED
    }

    private Outcomes() {
    }

    /**
     * The outcome of a write.
     *
     * @param success reads a 2xx answer (a SecMaster 200 with {@code success=false} is Refused there)
     */
    public static CloudOutcome ofWrite(Exchange exchange, ServerError serverError,
                                       Function<Exchange.Answered, CloudOutcome> success) {
        if (exchange instanceof Exchange.NotSent n) {
            return notSent(n);
        }
        if (exchange instanceof Exchange.Lost l) {
            return new CloudOutcome.Unknown(l.failure().description() + " after the request was sent (" + l.detail()
                    + "): it may have been applied", 0, null, null);
        }
        Exchange.Answered a = (Exchange.Answered) exchange;
        if (a.isSuccess()) {
            return success.apply(a);
        }
        ErrorBody error = ErrorBody.parse(a.body());
        int status = a.status();
        if (status >= 500 && serverError == ServerError.MAY_HAVE_APPLIED) {
            return new CloudOutcome.Unknown(describe(a, error) + ": the request may have been applied",
                    status, requestId(a, error), body(a));
        }
        if (status >= 500 || status == 429 || status < 400) {
            return new CloudOutcome.Failed(status, code(error), message(a, error), requestId(a, error), body(a));
        }
        return new CloudOutcome.Refused(status, code(error), message(a, error), requestId(a, error), body(a));
    }

    /**
     * The outcome of a 2xx answer whose body could not be read: the service accepted something, so it may have
     * been applied.
     */
    public static CloudOutcome unreadableSuccess(Exchange.Answered a, String why) {
        return new CloudOutcome.Unknown("HTTP " + a.status() + " but " + why + ": the request may have been applied",
                a.status(), requestId(a, ErrorBody.parse(a.body())), body(a));
    }

    /** A SecMaster-style 2xx answer with {@code success=false}: refused. */
    public static CloudOutcome refusedDespiteSuccessStatus(Exchange.Answered a) {
        ErrorBody error = ErrorBody.parse(a.body());
        return new CloudOutcome.Refused(a.status(), code(error),
                error.message() == null ? "the service answered success=false" : Redactor.redact(error.message()),
                requestId(a, error), body(a));
    }

    /**
     * The exception for a read that did not succeed: reads are idempotent, so anything not refused by the
     * service (4xx) is Failed.
     */
    public static CloudReadException readFailure(String what, Exchange exchange) {
        CloudOutcome outcome;
        if (exchange instanceof Exchange.NotSent n) {
            outcome = notSent(n);
        } else if (exchange instanceof Exchange.Lost l) {
            outcome = new CloudOutcome.Failed(0, l.failure().errorCode(), l.failure().description() + ": " + l.detail(),
                    null, null);
        } else {
            Exchange.Answered a = (Exchange.Answered) exchange;
            ErrorBody error = ErrorBody.parse(a.body());
            outcome = a.status() >= 400 && a.status() < 500 && a.status() != 429
                    ? new CloudOutcome.Refused(a.status(), code(error), message(a, error), requestId(a, error), body(a))
                    : new CloudOutcome.Failed(a.status(), code(error), message(a, error), requestId(a, error), body(a));
        }
        return new CloudReadException(what + " failed: " + summary(outcome), outcome);
    }

    /** The exception for a read whose 2xx answer is unreadable, refused in its body, or that never ends. */
    public static CloudReadException readFailure(String what, Exchange.Answered a, String why) {
        ErrorBody error = ErrorBody.parse(a.body());
        CloudOutcome outcome = new CloudOutcome.Failed(a.status(), code(error), why, requestId(a, error), body(a));
        return new CloudReadException(what + " failed: " + why, outcome);
    }

    /** The request ID of an answer: the {@code X-Request-Id} header, else the body's {@code request_id}. */
    public static String requestId(Exchange.Answered a, ErrorBody error) {
        return Redactor.redact(a.requestId() != null ? a.requestId() : error.requestId());
    }

    /** The body as an outcome keeps it: redacted, capped, null when empty. */
    public static String body(Exchange.Answered a) {
        String body = a.body();
        if (body.isEmpty()) {
            return null;
        }
        String redacted = Redactor.redact(body);
        return redacted.length() <= MAX_BODY_CHARS ? redacted
                : redacted.substring(0, MAX_BODY_CHARS) + "…[truncated]";
    }

    private static CloudOutcome notSent(Exchange.NotSent n) {
        String errorCode = n.errorCode() != null ? n.errorCode() : n.failure().errorCode();
        return new CloudOutcome.Failed(n.httpStatus(), errorCode,
                n.failure().description() + " (" + n.detail() + "): the request was not sent", n.requestId(), null);
    }

    private static String message(Exchange.Answered a, ErrorBody error) {
        if (error.message() != null) {
            return Redactor.redact(error.message());
        }
        if (a.body().isEmpty()) {
            return "HTTP " + a.status() + " with an empty body";
        }
        return error.json() ? "HTTP " + a.status() + " without an error message" : "HTTP " + a.status() + " with a non-JSON body";
    }

    private static String describe(Exchange.Answered a, ErrorBody error) {
        return "HTTP " + a.status() + (error.code() == null ? "" : " " + code(error)) + " (" + message(a, error) + ")";
    }

    private static String code(ErrorBody error) {
        return Redactor.redact(error.code());
    }

    private static String summary(CloudOutcome outcome) {
        if (outcome instanceof CloudOutcome.Refused r) {
            return "refused, HTTP " + r.httpStatus() + (r.errorCode() == null ? "" : " " + r.errorCode()) + ": " + r.message();
        }
        if (outcome instanceof CloudOutcome.Failed f) {
            return (f.httpStatus() == 0 ? "" : "HTTP " + f.httpStatus() + " ")
                    + (f.errorCode() == null ? "" : f.errorCode() + ": ") + f.message();
        }
        return outcome.toString();
    }
}
