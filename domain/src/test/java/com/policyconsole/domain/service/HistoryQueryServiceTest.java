package com.policyconsole.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.port.in.HistoryQueries;
import com.policyconsole.domain.port.out.HistoryReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HistoryQueryServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final List<String> asked = new ArrayList<>();
    private final HistoryQueryService queries = new HistoryQueryService(new HistoryReader() {
        @Override
        public HistoryPage page(HistoryFilter filter, String cursor, int size) {
            asked.add("page " + size);
            return HistoryPage.empty();
        }

        @Override
        public Optional<HistoryDetail> detail(long id) {
            return Optional.empty();
        }

        @Override
        public void forEach(HistoryFilter filter, Consumer<HistoryEntry> sink) {
        }

        @Override
        public List<HistoryEntry> recentFailures(int n) {
            asked.add("failures " + n);
            return List.of();
        }

        @Override
        public List<HistoryEntry> agingOutBetween(Instant from, Instant until, int n) {
            asked.add("aging out " + from + " " + until + " " + n);
            return List.of();
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void pageSizesStayWithinOneAndTheMaximum() {
        queries.search(HistoryFilter.none(), null, 0);
        queries.search(HistoryFilter.none(), null, 50);
        queries.search(HistoryFilter.none(), null, 10_000);

        assertThat(asked).containsExactly("page 1", "page 50", "page " + HistoryQueries.MAX_PAGE_SIZE);
    }

    @Test
    void theDashboardLooksADayAheadOfTheClock() {
        queries.dashboard();

        assertThat(asked).containsExactly("page 10", "failures 10",
                "aging out 2026-11-22T10:00:00Z 2026-11-23T10:00:00Z 20");
    }
}
