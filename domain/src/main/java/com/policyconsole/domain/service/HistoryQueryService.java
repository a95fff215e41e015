package com.policyconsole.domain.service;

import com.policyconsole.domain.model.history.Dashboard;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.port.in.HistoryQueries;
import com.policyconsole.domain.port.out.HistoryReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Answers the history's queries from its reader: page sizes kept in bounds, the dashboard's windows from the clock. */
public final class HistoryQueryService implements HistoryQueries {

    /** Entries the dashboard lists of recent activity and of failures. */
    static final int DASHBOARD_RECENT = 10;
    /** Blocks the dashboard lists that age out soon. */
    static final int DASHBOARD_AGING_OUT = 20;
    /** How far ahead the dashboard looks for blocks that age out. */
    static final Duration AGING_OUT_WINDOW = Duration.ofHours(24);

    private final HistoryReader reader;
    private final Clock clock;

    public HistoryQueryService(HistoryReader reader, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "'reader' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public HistoryPage search(HistoryFilter filter, String cursor, int size) {
        return reader.page(filter, cursor, Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    }

    @Override
    public Optional<HistoryDetail> detail(long id) {
        return reader.detail(id);
    }

    @Override
    public void export(HistoryFilter filter, Consumer<HistoryEntry> sink) {
        reader.forEach(filter, sink);
    }

    @Override
    public Dashboard dashboard() {
        Instant now = clock.instant();
        return new Dashboard(reader.page(HistoryFilter.none(), null, DASHBOARD_RECENT).entries(),
                reader.recentFailures(DASHBOARD_RECENT),
                reader.agingOutBetween(now, now.plus(AGING_OUT_WINDOW), DASHBOARD_AGING_OUT));
    }
}
