package com.policyconsole.domain.model.history;

import java.util.List;

/**
 * What the landing page shows of the history.
 *
 * @param recent the newest entries
 * @param failures the newest entries that failed, were refused or ended unknown
 * @param agingOut successful blocks that age out within a day, soonest first
 */
public record Dashboard(List<HistoryEntry> recent, List<HistoryEntry> failures, List<HistoryEntry> agingOut) {

    public Dashboard {
        recent = List.copyOf(recent);
        failures = List.copyOf(failures);
        agingOut = List.copyOf(agingOut);
    }

    public static Dashboard empty() {
        return new Dashboard(List.of(), List.of(), List.of());
    }
}
