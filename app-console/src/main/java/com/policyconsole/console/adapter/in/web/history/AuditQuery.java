package com.policyconsole.console.adapter.in.web.history;

import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RequestStatus;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit filters as typed into the history page; each bad value gets a message for its field. */
@TemplateData
public record AuditQuery(String actor, String operation, String status, String target, String projectId,
                         String workspaceId, String domainId, String from, String to) {

    private static final int MAX_LENGTH = 512;

    /** Field name → problem, empty when every filter is usable. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> all = asMap();
        all.forEach((name, value) -> {
            if (value != null && (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl))) {
                errors.put(name, "at most " + MAX_LENGTH + " printable characters");
            }
        });
        if (has(operation) && Arrays.stream(Operation.values()).noneMatch(o -> o.name().equals(operation))) {
            errors.put("operation", "unknown operation");
        }
        if (has(status) && Arrays.stream(RequestStatus.values()).noneMatch(s -> s.name().equals(status))) {
            errors.put("status", "unknown status");
        }
        if (has(from) && instant(from) == null) {
            errors.put("from", "a date (2026-11-22) or UTC date-time (2026-11-22T10:00)");
        }
        if (has(to) && instant(to) == null) {
            errors.put("to", "a date (2026-11-22) or UTC date-time (2026-11-22T10:00)");
        }
        return errors;
    }

    /** The filters for the history; only after {@link #errors()} found none. */
    public HistoryFilter toFilter() {
        return new HistoryFilter(blank(actor), has(operation) ? Operation.valueOf(operation) : null,
                has(status) ? RequestStatus.valueOf(status) : null, blank(target), blank(projectId),
                blank(workspaceId), blank(domainId), has(from) ? instant(from) : null, has(to) ? instant(to) : null);
    }

    /** The filters as a query string, for the next-page link and the export link. */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        asMap().forEach((name, value) -> {
            if (has(value)) {
                out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("actor", actor);
        m.put("operation", operation);
        m.put("status", status);
        m.put("target", target);
        m.put("project_id", projectId);
        m.put("workspace_id", workspaceId);
        m.put("domain_id", domainId);
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }

    private static String blank(String s) {
        return has(s) ? s.strip() : null;
    }

    /** A date (start of day, UTC), a UTC date-time, or a date-time with an offset. */
    static Instant instant(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
