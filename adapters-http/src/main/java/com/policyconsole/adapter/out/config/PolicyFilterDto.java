package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code policy_filter} (PolicyFilterDefinition, Tables 4 and 9). */
record PolicyFilterDto(
        @JsonProperty("region_id") String regionId,
        @JsonProperty("resource_provider") String resourceProvider,
        @JsonProperty("resource_type") String resourceType,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("tag_key") String tagKey,
        @JsonProperty("tag_value") String tagValue) {
}
