package com.policyconsole.domain.model.config;

import java.util.List;

/**
 * The account's rules as Config lists them, beside the history: each with the entry that added it, if any, and the
 * rules the history added that Config no longer lists.
 *
 * @param rows the rules Config lists, newest first
 * @param notInConfig rules the console added that Config no longer has (deleted elsewhere)
 */
public record RuleList(List<Row> rows, List<HistoryRule> notInConfig) {

    public RuleList {
        rows = List.copyOf(rows);
        notInConfig = List.copyOf(notInConfig);
    }

    /** How many listed rules the history does not know (added elsewhere). */
    public long unknownToHistory() {
        return rows.stream().filter(r -> r.known() == null).count();
    }

    /**
     * One rule Config lists.
     *
     * @param rule the rule
     * @param known the entry that added it, null when the history does not know it
     */
    public record Row(PolicyAssignment rule, HistoryRule known) {
    }
}
