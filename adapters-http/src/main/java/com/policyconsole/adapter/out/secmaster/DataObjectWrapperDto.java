package com.policyconsole.adapter.out.secmaster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An item of a SecMaster list or show answer: the object in {@code data_object}. */
record DataObjectWrapperDto<T>(@JsonProperty("data_object") T dataObject) {
}
