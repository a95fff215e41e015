package com.policyconsole.domain.model.history;

import java.util.List;

/**
 * One page of the audit list, newest first, and the keyset cursor of the next page.
 *
 * @param entries the entries of this page
 * @param nextCursor the cursor of the following page, or null on the last page
 */
public record HistoryPage(List<HistoryEntry> entries, String nextCursor) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }

    public static HistoryPage empty() {
        return new HistoryPage(List.of(), null);
    }
}
