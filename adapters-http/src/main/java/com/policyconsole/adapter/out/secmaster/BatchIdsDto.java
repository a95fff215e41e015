package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of a batch delete, {@code {"batch_ids": [...]}}. */
record BatchIdsDto(@JsonProperty("batch_ids") List<String> batchIds) {
}
