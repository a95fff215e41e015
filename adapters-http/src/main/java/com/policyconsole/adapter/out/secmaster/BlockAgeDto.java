package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code block_age} (Table 6). {@code block_ageing} is always written, as an explicit {@code null} without
 * ageing, exactly as the document's example request has it.
 */
record BlockAgeDto(
        @JsonProperty("is_block_ageing") Boolean isBlockAgeing,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("block_ageing") String blockAgeing) {
}
