package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One rule parameter (PolicyParameterValue, Tables 6 and 11): {@code {"value": <any JSON>}}. */
record ParameterValueDto(@JsonProperty("value") JsonNode value) {
}
