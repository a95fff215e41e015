package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Config's (and the API gateway's) error answer: {@code {"error_code": …, "error_msg": …}}. */
record ErrorDto(@JsonProperty("error_code") String errorCode, @JsonProperty("error_msg") String errorMessage) {
}
