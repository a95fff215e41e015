package com.policyconsole.domain.model.config;

import java.time.Instant;

/**
 * A rule as Config returns it (Table 8): the rule's fields plus its ID, state, timestamps and creator.
 *
 * @param id {@code id}
 * @param rule the fields the rule was created with
 * @param state {@code state}: Enabled, Disabled or Evaluating
 * @param created {@code created}
 * @param updated {@code updated}
 * @param createdBy {@code created_by}
 * @param targetType {@code target_type}, reserved, null today
 * @param targetId {@code target_id}, reserved, null today
 */
public record PolicyAssignment(
        String id,
        ConfigRule rule,
        String state,
        Instant created,
        Instant updated,
        String createdBy,
        String targetType,
        String targetId) {
}
