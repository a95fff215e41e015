package com.policyconsole.console.adapter.out.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The recomputed states write times and compare values as PostgreSQL's {@code jsonb} does. */
class RecordedStatesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void timesAreWrittenInUtcToTheMicrosecondWithoutTrailingZeros() {
        assertThat(RecordedStates.jsonTime(OffsetDateTime.parse("2026-01-01T11:00:00+01:00")))
                .isEqualTo("2026-01-01T10:00:00+00:00");
        assertThat(RecordedStates.jsonTime(OffsetDateTime.parse("2026-01-01T10:00:00.500Z")))
                .isEqualTo("2026-01-01T10:00:00.5+00:00");
        assertThat(RecordedStates.jsonTime(OffsetDateTime.parse("2026-01-01T10:00:00.000120Z")))
                .isEqualTo("2026-01-01T10:00:00.00012+00:00");
        assertThat(RecordedStates.jsonTime(OffsetDateTime.parse("2026-12-07T23:42:59.019682Z")))
                .isEqualTo("2026-12-07T23:42:59.019682+00:00");
    }

    @Test
    void numbersCompareByValueAndEverythingElseExactly() throws Exception {
        assertThat(RecordedStates.sameJson(json.readTree("{\"a\": 1, \"b\": [1.0, \"x\"]}"),
                json.readTree("{\"b\": [1, \"x\"], \"a\": 1}"))).isTrue();
        assertThat(RecordedStates.sameJson(json.readTree("{\"a\": 1}"), json.readTree("{\"a\": \"1\"}"))).isFalse();
        assertThat(RecordedStates.sameJson(json.readTree("{\"a\": null}"), json.readTree("{}"))).isFalse();
        assertThat(RecordedStates.sameJson(json.readTree("{\"a\": \"x \"}"), json.readTree("{\"a\": \"x\"}"))).isFalse();
        assertThat(RecordedStates.sameJson(json.readTree("{\"a\": [1, 2]}"), json.readTree("{\"a\": [2, 1]}"))).isFalse();
    }
}
