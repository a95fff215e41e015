package com.policyconsole.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.json.JsonText;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "false", "0", "-1.5e3", "\"a\\\"b\\u00e9\"", "[]", "{}",
            "[1,\"two\",{\"three\":[null]}]", "{\"value\":[\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}"})
    void wellFormedTextRoundTrips(String text) {
        JsonText.Parsed parsed = JsonText.parse(text);
        assertThat(parsed).isInstanceOf(JsonText.Parsed.Ok.class);
        JsonValue value = ((JsonText.Parsed.Ok) parsed).value();
        assertThat(JsonText.parse(value.toJson())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nul", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "\"unterminated", "[1] 2",
            "{\"a\":1,\"a\":2}", "\"tab\there\"", "NaN", "-", "{\"a\" 1}"})
    void malformedTextIsInvalidWithAnOffset(String text) {
        assertThat(JsonText.parse(text)).isInstanceOf(JsonText.Parsed.Invalid.class)
                .satisfies(p -> assertThat(((JsonText.Parsed.Invalid) p).offset()).isBetween(0, text.length()));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThat(JsonText.parse(deep)).isInstanceOf(JsonText.Parsed.Invalid.class);
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
