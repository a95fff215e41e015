package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of the rule list: {@code {"value": [...], "page_info": {...}}}. */
record PolicyAssignmentPageDto(
        @JsonProperty("value") List<PolicyAssignmentDto> value,
        @JsonProperty("page_info") PageInfoDto pageInfo) {
}
