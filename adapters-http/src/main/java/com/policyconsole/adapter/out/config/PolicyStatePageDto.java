package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a rule's evaluated resources: {@code {"value": [...], "page_info": {...}}}. */
record PolicyStatePageDto(
        @JsonProperty("value") List<PolicyStateDto> value,
        @JsonProperty("page_info") PageInfoDto pageInfo) {
}
