package com.policyconsole.adapter.out.http;

import com.policyconsole.adapter.log.Redactor;

/**
 * No credentials could be obtained for a call (IAM refused or unreachable, or nothing configured): the call
 * is not sent. Carries what IAM answered, if it answered; the message never contains a secret.
 */
public class AuthenticationFailure extends RuntimeException {

    private final Exchange.Failure failure;
    private final int httpStatus;
    private final String errorCode;
    private final String requestId;

    public AuthenticationFailure(Exchange.Failure failure, String message, int httpStatus, String errorCode,
                                 String requestId) {
        super(Redactor.redact(message), null, false, false);
        this.failure = failure;
        this.httpStatus = httpStatus;
        this.errorCode = Redactor.redact(errorCode);
        this.requestId = Redactor.redact(requestId);
    }

    /** Credentials are not configured. */
    public static AuthenticationFailure notConfigured(String message) {
        return new AuthenticationFailure(Exchange.Failure.NOT_CONFIGURED, message, 0, null, null);
    }

    /** The exchange this failure stands for: the request was not sent. */
    public Exchange.NotSent asExchange() {
        return new Exchange.NotSent(failure, getMessage(), httpStatus, errorCode, requestId);
    }
}
