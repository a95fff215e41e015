package com.policyconsole.adapter.out.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The schema of one definition parameter. Values and bounds are read as trees: the service types
 * {@code default_value} as a string and the bounds as floats, but the console keeps whatever JSON arrives.
 */
record ParameterDefinitionDto(
        @JsonProperty("description") String description,
        @JsonProperty("allowed_values") List<JsonNode> allowedValues,
        @JsonProperty("default_value") JsonNode defaultValue,
        @JsonProperty("minimum") JsonNode minimum,
        @JsonProperty("maximum") JsonNode maximum,
        @JsonProperty("min_items") JsonNode minItems,
        @JsonProperty("max_items") JsonNode maxItems,
        @JsonProperty("min_length") JsonNode minLength,
        @JsonProperty("max_length") JsonNode maxLength,
        @JsonProperty("pattern") String pattern,
        @JsonProperty("type") String type) {
}
