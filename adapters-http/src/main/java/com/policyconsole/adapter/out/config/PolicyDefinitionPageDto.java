package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The definitions answer: {@code {"value": [...], "page_info": {...}}}. */
record PolicyDefinitionPageDto(
        @JsonProperty("value") List<PolicyDefinitionDto> value,
        @JsonProperty("page_info") PageInfoDto pageInfo) {
}
