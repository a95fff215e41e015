package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a policy update: {@code batch_ids} (required) and the fields of {@code data_object} that change. */
record UpdatePolicyDto(@JsonProperty("batch_ids") java.util.List<String> batchIds,
                       @JsonProperty("data_object") DataObjectDto dataObject) {
}
