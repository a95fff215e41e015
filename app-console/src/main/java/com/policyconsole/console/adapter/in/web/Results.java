package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.Violations;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** The HTTP answer to a submission, the same for every form: see the entry, or the form or preview again. */
public final class Results {

    private Results() {
    }

    /** The pages a form answers with when its submission did not go out. */
    public interface FormPages {

        /** The form again, with these errors (or none) and a notice (or null). */
        TemplateInstance form(Violations errors, String notice);

        /** The preview again, asking to acknowledge these warnings. */
        TemplateInstance preview(Violations warnings);
    }

    /**
     * Sent: 303 to the history entry (Post/Redirect/Get). Warnings not acknowledged: 409 with the preview. Errors: 422
     * with the form. Not recorded, so not sent: 503 with the form and the input kept.
     */
    public static Response of(SubmissionResult result, FormPages pages) {
        if (result instanceof SubmissionResult.Sent sent) {
            return seeEntry(sent);
        }
        if (result instanceof SubmissionResult.AwaitingApproval held) {
            return Response.seeOther(URI.create("/history/" + held.entryId())).build();
        }
        if (result instanceof SubmissionResult.Rejected rejected) {
            return rejected.violations().hasErrors()
                    ? Response.status(422).entity(pages.form(rejected.violations(), null)).build()
                    : Response.status(409).entity(pages.preview(rejected.violations())).build();
        }
        String reason = ((SubmissionResult.NotRecorded) result).reason();
        return Response.status(503).entity(pages.form(Violations.none(), "Nothing was sent. " + reason
                + ". Your input is kept below; submit again when the database is back.")).build();
    }

    /** The status of a page that answers a refused decision: the one place the pages turn why into a status. */
    public static int status(com.policyconsole.domain.port.in.ApprovalsUseCase.Why why) {
        return switch (why) {
            case UNKNOWN -> 404;
            case NOT_ALLOWED -> 403;
            case INCOMPLETE -> 422;
            case NOT_AWAITING, CHANGED -> 409;
        };
    }

    /** Redirects to the entry; when its outcome could not be written, the entry page says so. */
    public static Response seeEntry(SubmissionResult.Sent sent) {
        return Response.seeOther(URI.create("/history/" + sent.entryId()
                + (sent.outcomeRecorded() ? "" : "?outcome=" + sent.outcome().status().name().toLowerCase(Locale.ROOT))))
                .build();
    }
}
