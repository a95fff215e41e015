package com.policyconsole.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodyTest {

    @Test
    void readsSecMastersCodeAndMessage() {
        assertThat(ErrorBody.parse("{\"code\":\"SecMaster.20010001\",\"message\":\"workspace not found\",\"request_id\":\"r\",\"success\":false}"))
                .isEqualTo(new ErrorBody("SecMaster.20010001", "workspace not found", "r", false, true));
    }

    @Test
    void readsConfigsErrorCodeAndErrorMsg() {
        assertThat(ErrorBody.parse("{\"error_code\":\"RMS.00010004\",\"error_msg\":\"Invalid parameter.\"}"))
                .isEqualTo(new ErrorBody("RMS.00010004", "Invalid parameter.", null, null, true));
    }

    @Test
    void readsIamsNestedError() {
        assertThat(ErrorBody.parse("{\"error\":{\"code\":401,\"message\":\"wrong password\",\"title\":\"Unauthorized\"}}"))
                .isEqualTo(new ErrorBody("401", "wrong password", null, null, true));
    }

    @Test
    void prefersErrorCodeOverCodeWhenBothAreThere() {
        assertThat(ErrorBody.parse("{\"code\":\"00000000\",\"error_code\":\"APIG.0308\",\"error_msg\":\"throttled\"}").code())
                .isEqualTo("APIG.0308");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<html>502</html>", "[1,2]", "\"text\"", "{broken"})
    void emptyOrNonObjectBodiesHaveNoFields(String body) {
        ErrorBody error = ErrorBody.parse(body);

        assertThat(error.json()).isFalse();
        assertThat(error.code()).isNull();
        assertThat(error.message()).isNull();
    }
}
