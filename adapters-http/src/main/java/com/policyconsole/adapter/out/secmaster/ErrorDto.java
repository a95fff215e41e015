package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** SecMaster's error answer: {@code {"code": …, "message": …}}. */
record ErrorDto(@JsonProperty("code") String code, @JsonProperty("message") String message) {
}
