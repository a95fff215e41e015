package com.policyconsole.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing typed JSON text with Jackson, as strictly as RFC 8259 asks. */
class JsonValuesParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "false", "0", "-1.5e3", "\"a\\\"b\\u00e9\"", "[]", "{}",
            "[1,\"two\",{\"three\":[null]}]", "{\"value\":[\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}"})
    void wellFormedTextRoundTrips(String text) {
        JsonValues.Parsed parsed = JsonValues.parse(text);
        assertThat(parsed).isInstanceOf(JsonValues.Parsed.Ok.class);
        JsonValue value = ((JsonValues.Parsed.Ok) parsed).value();
        assertThat(JsonValues.parse(value.toJson())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nul", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "\"unterminated", "[1] 2",
            "{\"a\":1,\"a\":2}", "\"tab\there\"", "NaN", "-", "{\"a\" 1}"})
    void malformedTextIsInvalidWithAnOffset(String text) {
        assertThat(JsonValues.parse(text)).isInstanceOf(JsonValues.Parsed.Invalid.class)
                .satisfies(p -> assertThat(((JsonValues.Parsed.Invalid) p).offset()).isBetween(0, text.length()));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThat(JsonValues.parse(deep)).isInstanceOf(JsonValues.Parsed.Invalid.class);
    }

    @Test
    void writingEscapesControlCharactersAndQuotes() {
        JsonValue value = new JsonValue.JsonObject(Map.of("k\"", JsonValue.of("a\nb\u0001")));
        assertThat(value.toJson()).isEqualTo("{\"k\\\"\":\"a\\nb\\u0001\"}");
    }

    @Test
    void integersAndDecimalsAreTyped() {
        assertThat(new JsonValue.JsonNumber(new BigDecimal("3.0")).typeName()).isEqualTo("integer");
        assertThat(new JsonValue.JsonNumber(new BigDecimal("3.5")).typeName()).isEqualTo("number");
    }
}
