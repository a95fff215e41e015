package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code data_object} (Table 5). Fields are in the order of the document's example request; absent optional
 * fields are left out of the JSON.
 */
record DataObjectDto(
        @JsonProperty("retry_list") List<String> retryList,
        @JsonProperty("region_id") String regionId,
        @JsonProperty("block_target") String blockTarget,
        @JsonProperty("policy_category") String policyCategory,
        @JsonProperty("description") String description,
        @JsonProperty("labels") String labels,
        @JsonProperty("block_age") BlockAgeDto blockAge,
        @JsonProperty("policy_type") PolicyTypeDto policyType,
        @JsonProperty("defense_policy_list") List<DefensePolicyDto> defensePolicyList,
        @JsonProperty("policy_direction") String policyDirection,
        @JsonProperty("account_scope") String accountScope,
        @JsonProperty("eps_scope") String epsScope,
        @JsonProperty("region_scope") String regionScope) {
}
