package com.policyconsole.domain.model.lifecycle;

import java.util.List;

/**
 * A workspace's policies as SecMaster lists them, each beside what the history knows of it, and the history's policies
 * SecMaster does not list.
 *
 * @param rows SecMaster's policies that match the search, newest first
 * @param notInSecMaster policies the history created and did not remove that SecMaster does not list (drift)
 * @param total how many policies SecMaster lists in all
 */
public record ActiveBlocks(List<Row> rows, List<HistoryPolicy> notInSecMaster, int total) {

    public ActiveBlocks {
        rows = List.copyOf(rows);
        notInSecMaster = List.copyOf(notInSecMaster);
    }

    /**
     * One of SecMaster's policies.
     *
     * @param policy as SecMaster lists it
     * @param known what the history knows of it, null when it was not created through the console (drift)
     */
    public record Row(SecMasterPolicy policy, HistoryPolicy known) {

        public boolean drift() {
            return known == null;
        }
    }

    /** How many of SecMaster's policies the history does not know. */
    public long unknownToHistory() {
        return rows.stream().filter(Row::drift).count();
    }
}
