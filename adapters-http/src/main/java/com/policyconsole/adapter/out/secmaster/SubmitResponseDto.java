package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The 200 answer of a create or retry (Table 9); {@code data} is the delivery task ID. */
record SubmitResponseDto(
        @JsonProperty("code") String code,
        @JsonProperty("data") JsonNode data,
        @JsonProperty("message") String message,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("success") Boolean success) {
}
