package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The request body of a create or retry (Table 4): {@code {"data_object": …}}. */
record PolicyRequestDto(@JsonProperty("data_object") DataObjectDto dataObject) {
}
