package com.policyconsole.console.adapter.in.web.history;

import com.policyconsole.domain.model.history.HistoryEntry;
import java.util.ArrayList;
import java.util.List;

/** The audit export's CSV format (RFC 4180), with spreadsheet formula injection neutralised. */
final class Csv {

    static final String HEADER = "id,requested_at,completed_at,actor,operation,status,targets,project_id,workspace_id,"
            + "domain_id,policy_category,block_type,ages_out_at,rule_name,retry_of,http_status,error_code,error_message,"
            + "cloud_request_id,result_id,result_state,duration_ms\r\n";

    private Csv() {
    }

    static String line(HistoryEntry r) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(r.id()));
        cells.add(text(r.requestedAt()));
        cells.add(text(r.completedAt()));
        cells.add(r.actor());
        cells.add(r.operation().name());
        cells.add(r.status().name());
        cells.add(String.join(" ", r.targets()));
        cells.add(r.projectId());
        cells.add(r.workspaceId());
        cells.add(r.domainId());
        cells.add(text(r.policyCategory()));
        cells.add(text(r.blockType()));
        cells.add(text(r.agesOutAt()));
        cells.add(r.ruleName());
        cells.add(text(r.retryOf()));
        cells.add(text(r.httpStatus()));
        cells.add(r.errorCode());
        cells.add(r.errorMessage());
        cells.add(r.cloudRequestId());
        cells.add(r.resultId());
        cells.add(r.resultState());
        cells.add(text(r.durationMs()));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Quotes a cell when needed; a leading = + - @ is prefixed with ' so spreadsheets show it as text. */
    static String escape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
