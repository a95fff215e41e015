package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The 200 answer of a policy search, as the sandbox writes it: one page of policies and the workspace's total. */
record SearchResponseDto(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("success") Boolean success,
        @JsonProperty("total") Integer total,
        @JsonProperty("data") List<PolicyViewDto> data) {
}
