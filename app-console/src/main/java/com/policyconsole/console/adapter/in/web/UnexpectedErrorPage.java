package com.policyconsole.console.adapter.in.web;

import com.policyconsole.adapter.log.Redactor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import com.policyconsole.console.api.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The last line: an exception nothing else handled becomes a plain error page with an error ID, and the
 * details go to the log only. No stack trace, class name or message of an exception ever reaches a page.
 * Two client mistakes that surface as exceptions before a resource runs are refusals instead: a form value or
 * query parameter that is not valid percent-encoding (400) and a form value over the transport limit (413).
 */
public class UnexpectedErrorPage {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorPage.class);
    /** How RESTEasy Reactive reports a form value or query parameter that is not valid percent-encoding. */
    private static final Pattern UNDECODABLE = Pattern.compile("Failed to decode URL (.*) to \\S+", Pattern.DOTALL);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String errorId);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        boolean api = uri != null && uri.getPath().startsWith("/api/");
        if (e instanceof WebApplicationException web) {
            Response response = web.getResponse();
            if (api) {
                return Problem.of(response.getStatus(), "http-" + response.getStatus(),
                        Response.Status.fromStatusCode(response.getStatus()) == null ? "Refused"
                                : Response.Status.fromStatusCode(response.getStatus()).getReasonPhrase(),
                        response.getStatus() == 415 ? "The body must be application/json."
                                : response.getStatus() == 413 ? "The body is larger than the API reads."
                                : "No such operation, or not with this method.").response();
            }
            return response.getStatus() == 413 && !response.hasEntity() ? tooLarge() : response;
        }
        Matcher undecodable = UNDECODABLE.matcher(e instanceof IllegalArgumentException && e.getMessage() != null
                ? e.getMessage() : "");
        if (undecodable.matches()) {
            return refused(400, "Nothing was sent: the request could not be read, '" + printable(undecodable.group(1))
                    + "' is not valid percent-encoding. A browser does not send this; open the form again.");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(redacted(e), "Unexpected error %s", errorId);
        if (api) {
            return Problem.of(500, "unexpected", "Unexpected error", "The error is logged as " + errorId
                    + "; nothing more is said here.").response();
        }
        return Response.serverError().type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(errorId)).build();
    }

    /** A form value longer than the transport limit: refused before the form is read, so no field can be named. */
    private static Response tooLarge() {
        String limit = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-form-attribute-size", String.class).orElse("2K");
        return refused(413, "Nothing was sent: a form field is longer than the console reads (" + limit
                + " per field). Shorten it, or split the objects over several deliveries.");
    }

    private static Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }

    /** The undecodable text, reduced to harmless characters and shortened, to show where the problem is. */
    private static String printable(String raw) {
        String kept = raw.replaceAll("[^A-Za-z0-9%._~+-]", "?");
        return kept.length() <= 40 ? kept : kept.substring(0, 37) + "...";
    }

    /**
     * A copy of {@code e} and its causes for the log: same classes' names and stack traces, messages redacted, so that
     * a password or token in an exception message never reaches the log.
     */
    static Throwable redacted(Throwable e) {
        Throwable copy = new RedactedThrowable(e.getClass().getName() + ": " + Redactor.redact(e.getMessage()),
                e.getCause() == null || e.getCause() == e ? null : redacted(e.getCause()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** An exception as logged: its original class name and redacted message as the message. */
    private static final class RedactedThrowable extends Throwable {

        RedactedThrowable(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
