package com.policyconsole.adapter.out.http;

import com.policyconsole.adapter.log.Redactor;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Writes one log line per HTTP call: method, path template (IDs never appear), status or failure, duration,
 * request ID and attempt. Nothing else about the request goes in: no header values, no body, no URL, so no
 * token, signature, key or password can reach the log; failure details are redacted as well.
 */
public final class CallLog {

    private static final Logger LOG = Logger.getLogger(CallLog.class);

    private CallLog() {
    }

    /**
     * Logs one attempt.
     *
     * @param retryIn the wait before the next attempt, or {@code null} when there is none
     */
    public static void attempt(WireRequest request, Exchange exchange, Duration took, int attempt, int maxAttempts,
                               Duration retryIn) {
        String result;
        String requestId = null;
        boolean ok = false;
        if (exchange instanceof Exchange.Answered a) {
            result = "status=" + a.status();
            requestId = a.requestId();
            ok = a.isSuccess();
        } else if (exchange instanceof Exchange.NotSent n) {
            result = "status=- failure=\"" + n.failure().description() + "\" detail=\"" + Redactor.redact(n.detail()) + "\"";
        } else {
            Exchange.Lost l = (Exchange.Lost) exchange;
            result = "status=- failure=\"" + l.failure().description() + "\" detail=\"" + Redactor.redact(l.detail()) + "\"";
        }
        String line = "cloud call " + request.target() + " " + result
                + " duration=" + took.toMillis() + "ms"
                + " request_id=" + (requestId == null ? "-" : Redactor.redact(requestId))
                + " attempt=" + attempt + "/" + maxAttempts
                + (retryIn == null ? "" : " retry_in=" + retryIn.toMillis() + "ms");
        if (ok) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }
}
