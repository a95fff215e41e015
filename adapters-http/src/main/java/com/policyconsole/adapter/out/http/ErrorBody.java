package com.policyconsole.adapter.out.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error fields of a response body, from either shape the services use — {@code code}/{@code message}
 * (SecMaster) or {@code error_code}/{@code error_msg} (Config, API gateway) — or IAM's nested
 * {@code {"error": {"code", "message", "title"}}}; plus {@code request_id} and SecMaster's {@code success}.
 *
 * @param code      the error code, null when none
 * @param message   the error message, null when none
 * @param requestId body {@code request_id}, null when none
 * @param success   body {@code success}, null when absent
 * @param json      whether the body was a JSON object at all
 */
public record ErrorBody(String code, String message, String requestId, Boolean success, boolean json) {

    private static final ErrorBody NOT_JSON = new ErrorBody(null, null, null, null, false);

    /** An error answer of the API gateway in front of every service: {@code {"error_code": …, "error_msg": …}}. */
    public static String writeGateway(String code, String message) {
        return WireJson.writeAnswer(new GatewayErrorDto(code, message));
    }

    /** The API gateway's error answer. */
    private record GatewayErrorDto(@JsonProperty("error_code") String errorCode,
                                   @JsonProperty("error_msg") String errorMessage) {
    }

    /** Reads the error fields of a body; an empty or non-JSON body gives all nulls and {@code json=false}. */
    public static ErrorBody parse(String body) {
        JsonNode tree = WireJson.treeOrNull(body);
        if (tree == null || !tree.isObject()) {
            return NOT_JSON;
        }
        JsonNode nested = tree.path("error");
        String code = firstText(tree.get("error_code"), tree.get("code"), nested.get("code"));
        String message = firstText(tree.get("error_msg"), tree.get("message"), nested.get("message"), nested.get("title"));
        JsonNode success = tree.get("success");
        return new ErrorBody(code, message, firstText(tree.get("request_id")),
                success != null && success.isBoolean() ? success.booleanValue() : null, true);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate != null && candidate.isValueNode() && !candidate.isNull()) {
                String text = candidate.asText();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }
}
