package com.policyconsole.domain.model.history;

/** What the cloud made of a request, as a value: accepted, refused, failed, or unknown. */
public sealed interface CloudOutcome
        permits CloudOutcome.Accepted, CloudOutcome.Refused, CloudOutcome.Failed, CloudOutcome.Unknown {

    /** The status the history records for this outcome. */
    RequestStatus status();

    /** HTTP status of the response, 0 when none arrived. */
    int httpStatus();

    /** The cloud's request ID ({@code X-Request-Id} or body {@code request_id}), null when unknown. */
    String requestId();

    /** The response body with secrets removed, null when none arrived. */
    String responseBody();

    /**
     * Accepted: {@code resultId} is the delivery task ID (SecMaster {@code data}) or the rule ID (Config
     * {@code id}); {@code state} the rule's state, null for emergency policies.
     */
    record Accepted(String resultId, String state, int httpStatus, String requestId, String responseBody)
            implements CloudOutcome {
        @Override
        public RequestStatus status() {
            return RequestStatus.SUCCEEDED;
        }
    }

    /** Refused by the cloud with its error code and message. */
    record Refused(int httpStatus, String errorCode, String message, String requestId, String responseBody)
            implements CloudOutcome {
        @Override
        public RequestStatus status() {
            return RequestStatus.REFUSED;
        }
    }

    /** Certainly not applied: the request never reached the cloud, or the cloud failed an idempotent call. */
    record Failed(int httpStatus, String errorCode, String message, String requestId, String responseBody)
            implements CloudOutcome {
        @Override
        public RequestStatus status() {
            return RequestStatus.FAILED;
        }
    }

    /** May have been applied (e.g. read timeout after sending, 5xx on a create): resolve with a retry. */
    record Unknown(String reason, int httpStatus, String requestId, String responseBody) implements CloudOutcome {
        @Override
        public RequestStatus status() {
            return RequestStatus.UNKNOWN;
        }
    }
}
