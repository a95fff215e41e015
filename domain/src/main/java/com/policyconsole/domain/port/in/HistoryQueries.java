package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.history.Dashboard;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads the request history: the audit search, one entry, the export, and the dashboard. */
public interface HistoryQueries {

    /** Most entries one page holds. */
    int MAX_PAGE_SIZE = 200;

    /** The page of entries matching {@code filter} after {@code cursor} (null for the first), at most {@link #MAX_PAGE_SIZE}. */
    HistoryPage search(HistoryFilter filter, String cursor, int size);

    /** One entry with its request and answer, if it exists. */
    Optional<HistoryDetail> detail(long id);

    /** Hands every entry matching {@code filter} to {@code sink}, newest first, streaming. */
    void export(HistoryFilter filter, Consumer<HistoryEntry> sink);

    /** Recent activity, recent failures, and blocks that age out within a day. */
    Dashboard dashboard();
}
