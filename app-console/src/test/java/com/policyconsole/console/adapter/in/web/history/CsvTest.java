package com.policyconsole.console.adapter.in.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RequestStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static HistoryEntry refused(String errorCode, String errorMessage) {
        return new HistoryEntry(7, Operation.CREATE_EMERGENCY_POLICY, "alice", RequestStatus.REFUSED,
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:01Z"), 40L, "proj", "ws", null,
                PolicyCategory.BLOCK, BlockType.SOURCE_IP, null, null, null, 400, errorCode, errorMessage, "rid", null,
                null, List.of("8.8.4.7", "8.8.4.8"), null, null, null);
    }

    @Test
    void aLineHasEveryColumnOfTheHeaderWithEnumsByName() {
        String line = Csv.line(refused("SecMaster.1", "bad"));

        assertThat(Csv.HEADER.split(",")).hasSize(22);
        assertThat(line).isEqualTo("7,2026-11-22T10:00:00Z,2026-11-22T10:00:01Z,alice,CREATE_EMERGENCY_POLICY,REFUSED,"
                + "8.8.4.7 8.8.4.8,proj,ws,,BLOCK,SOURCE_IP,,,,400,SecMaster.1,bad,rid,,,40\r\n");
    }

    @Test
    void formulasAreNeutralisedAndQuotesEscaped() {
        String line = Csv.line(refused("=cmd", "a, \"quoted\" message"));

        assertThat(line).contains("'=cmd").contains("\"a, \"\"quoted\"\" message\"");
    }
}
