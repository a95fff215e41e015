package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A 200 answer holding one page of items and their total, as the sandbox writes searches of policies and records. */
record ListResponseDto<T>(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("success") Boolean success,
        @JsonProperty("total") Integer total,
        @JsonProperty("data") List<T> data) {
}
