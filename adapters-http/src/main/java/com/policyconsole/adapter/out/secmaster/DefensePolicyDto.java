package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code defense_policy_list} (Table 7), fields in the order of the document's example. */
record DefensePolicyDto(
        @JsonProperty("defense_connection_id") String defenseConnectionId,
        @JsonProperty("defense_connection_name") String defenseConnectionName,
        @JsonProperty("defense_type") String defenseType,
        @JsonProperty("target_enterprise_id") String targetEnterpriseId,
        @JsonProperty("target_enterprise_name") String targetEnterpriseName,
        @JsonProperty("target_project_id") String targetProjectId,
        @JsonProperty("target_project_name") String targetProjectName,
        @JsonProperty("defense_connection_region_id") String defenseConnectionRegionId,
        @JsonProperty("defense_connection_region_name") String defenseConnectionRegionName) {
}
