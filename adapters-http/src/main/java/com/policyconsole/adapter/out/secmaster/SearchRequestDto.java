package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a policy search page: {@code {"limit": …, "offset": …}}; no condition, so every policy. */
record SearchRequestDto(@JsonProperty("limit") Integer limit, @JsonProperty("offset") Integer offset) {
}
