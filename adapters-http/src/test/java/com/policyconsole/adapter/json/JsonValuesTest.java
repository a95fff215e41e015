package com.policyconsole.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.testing.SeedExamples;
import com.policyconsole.domain.model.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "false", "0", "-17", "12345678901234567890123", "1.50", "-0.001",
            "\"text with \\\"quotes\\\" and \\u00e9\"", "[]", "{}", "[1,\"a\",null,[true]]",
            "{\"a\":{\"b\":[1.0,2]},\"c\":null}"})
    void domainValuesSurviveTheTripThroughJacksonExactly(String json) {
        JsonValue value = ((JsonValues.Parsed.Ok) JsonValues.parse(json)).value();

        JsonNode node = JsonValues.toNode(value);

        assertThat(JsonValues.fromNode(node)).isEqualTo(value);
        assertThat(JsonValues.fromNode(WireJson.treeOrNull(WireJson.write(node)))).isEqualTo(value);
    }

    @Test
    void integersBecomeTheSameNodesAJsonParserProduces() {
        JsonValue value = ((JsonValues.Parsed.Ok) JsonValues.parse("{\"n\":[1,2147483648]}")).value();

        assertThat(JsonValues.toNode(value)).isEqualTo(SeedExamples.tree("{\"n\":[1,2147483648]}"));
    }

    @Test
    void exponentNotationGoesOnTheWireAsThePlainSameNumber() {
        JsonValue value = ((JsonValues.Parsed.Ok) JsonValues.parse("[1E+3,2.5e-3]")).value();

        assertThat(WireJson.write(JsonValues.toNode(value))).isEqualTo("[1000,0.0025]");
    }

    @Test
    void missingAndNullAreKeptApart() {
        assertThat(JsonValues.fromNode(null)).isNull();
        assertThat(JsonValues.fromNode(WireJson.treeOrNull("null"))).isEqualTo(JsonValue.nullValue());
        assertThat(JsonValues.toNode(null)).isNull();
    }
}
