package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A 200 answer holding one item in {@code data}: a shown policy, or the result of a change. */
record ItemResponseDto<T>(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("success") Boolean success,
        @JsonProperty("data") T data) {
}
