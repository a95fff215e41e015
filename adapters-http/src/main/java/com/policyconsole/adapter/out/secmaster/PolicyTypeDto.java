package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code policy_type} (Table 8): {@code {"policy_type": "Source Ip"}}. */
record PolicyTypeDto(@JsonProperty("policy_type") String policyType) {
}
