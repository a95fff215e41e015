package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code page_info} of Config's lists: {@code next_marker} is null on the last page. */
record PageInfoDto(@JsonProperty("current_count") Integer currentCount, @JsonProperty("next_marker") String nextMarker) {
}
