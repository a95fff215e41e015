package com.policyconsole.domain.model.config;

import java.time.Instant;

/**
 * A rule the history added and has not deleted: who added it and when.
 *
 * @param name the rule's name
 * @param ruleId Config's ID from the add's answer
 * @param entryId the entry that added it
 * @param actor who added it
 * @param addedAt when
 */
public record HistoryRule(String name, String ruleId, long entryId, String actor, Instant addedAt) {
}
