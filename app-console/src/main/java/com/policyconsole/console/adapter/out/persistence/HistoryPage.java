package com.policyconsole.console.adapter.out.persistence;

import java.util.List;

/**
 * One page of the audit list, newest first, and the keyset cursor of the next page.
 *
 * @param rows the entries of this page
 * @param nextCursor the cursor of the following page, or null on the last page
 */
public record HistoryPage(List<HistoryRow> rows, String nextCursor) {
}
