package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.port.in.SubmissionResult;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Where the console sends the browser after a submission went out: the history entry (Post/Redirect/Get). */
public final class Results {

    private Results() {
    }

    /** Redirects to the entry; when its outcome could not be written, the entry page says so. */
    public static Response seeEntry(SubmissionResult.Sent sent) {
        return Response.seeOther(URI.create("/history/" + sent.entryId()
                + (sent.outcomeRecorded() ? "" : "?outcome=" + sent.outcome().status().name().toLowerCase()))).build();
    }
}
