package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code tags} (ResourceTag, Tables 7 and 12). */
record ResourceTagDto(@JsonProperty("key") String key, @JsonProperty("value") String value) {
}
