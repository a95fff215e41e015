package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.port.HistoryUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The read side of the request history: pages, one entry, a stream for export, and the dashboard's lists. */
public interface HistoryReader {

    /**
     * The page of entries matching {@code filter} after {@code cursor} (null for the first page), newest first.
     *
     * @throws HistoryUnavailableException when the history cannot be read
     */
    HistoryPage page(HistoryFilter filter, String cursor, int size);

    /** One entry with its request and answer, if it exists. */
    Optional<HistoryDetail> detail(long id);

    /** Hands every entry matching {@code filter} to {@code sink}, newest first, without holding them all. */
    void forEach(HistoryFilter filter, Consumer<HistoryEntry> sink);

    /** The newest {@code n} entries that failed, were refused or ended unknown. */
    List<HistoryEntry> recentFailures(int n);

    /** Up to {@code n} successful blocks that age out after {@code from} and at or before {@code until}, soonest first. */
    List<HistoryEntry> agingOutBetween(Instant from, Instant until, int n);
}
