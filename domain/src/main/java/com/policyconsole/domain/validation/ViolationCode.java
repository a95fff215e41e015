package com.policyconsole.domain.validation;

/**
 * Stable, machine-readable identifiers of every rule and guardrail; the string form never changes.
 */
public enum ViolationCode {
    // Rows of the documents' tables.
    REQUIRED("required"),
    TOO_SHORT("too_short"),
    TOO_LONG("too_long"),
    NOT_ALLOWED("not_allowed"),
    BAD_FORMAT("bad_format"),
    CONTROL_CHARACTER("control_character"),
    SURROUNDING_WHITESPACE("surrounding_whitespace"),

    // Cross-field rules (docs/cloud-apis.md, Enums and Limits).
    RETRY_LIST_REQUIRED("retry_list_required"),
    RETRY_LIST_NOT_ALLOWED("retry_list_not_allowed"),
    AGEING_INSTANT_REQUIRED("ageing_instant_required"),
    AGEING_INSTANT_WITHOUT_AGEING("ageing_instant_without_ageing"),
    AGEING_IN_PAST("ageing_in_past"),
    AGEING_VERY_SOON("ageing_very_soon"),
    WHITE_NOT_FOR_USER_NAMES("white_not_for_user_names"),
    TARGET_DOES_NOT_MATCH_TYPE("target_does_not_match_type"),
    DUPLICATE_TARGET("duplicate_target"),
    DUPLICATE_CONNECTION("duplicate_connection"),
    DEFENSE_LAYER_MISMATCH("defense_layer_mismatch"),
    UNKNOWN_DEFENSE_LAYER("unknown_defense_layer"),
    UNUSUAL_ID_FORMAT("unusual_id_format"),
    CUSTOM_REQUIRES_CUSTOM_POLICY("custom_requires_custom_policy"),
    CUSTOM_POLICY_REQUIRES_CUSTOM_TYPE("custom_policy_requires_custom_type"),
    BUILTIN_REQUIRES_DEFINITION("builtin_requires_definition"),
    DEFINITION_NOT_FOR_CUSTOM("definition_not_for_custom"),
    PERIOD_AND_FILTER("period_and_filter"),
    TAG_VALUE_WITHOUT_KEY("tag_value_without_key"),
    TOO_MANY_TAGS("too_many_tags"),
    DUPLICATE_TAG_KEY("duplicate_tag_key"),
    RESERVED_TAG_PREFIX("reserved_tag_prefix"),
    PARAMETER_UNKNOWN("parameter_unknown"),
    PARAMETER_MISMATCH("parameter_mismatch"),
    UNKNOWN_POLICY_DEFINITION("unknown_policy_definition"),
    NOT_CHECKED("not_checked"),

    // Guardrails.
    BLOCKS_EVERYTHING("blocks_everything"),
    VERY_BROAD_RANGE("very_broad_range"),
    RESERVED_RANGE("reserved_range"),
    OVERLAPS_OPPOSITE_CATEGORY("overlaps_opposite_category"),
    ALREADY_ACTIVE("already_active"),
    TOO_MANY_OBJECTS("too_many_objects"),
    AGEING_QUOTA_EXCEEDED("ageing_quota_exceeded"),
    POLICY_QUOTA_EXCEEDED("policy_quota_exceeded"),
    RULE_NAME_TAKEN("rule_name_taken"),
    RULE_QUOTA_EXCEEDED("rule_quota_exceeded"),
    // Bulk batches.
    BATCH_TOO_LARGE("batch_too_large"),
    NOT_A_TEXT_FILE("not_a_text_file"),
    NO_OBJECT_COLUMN("no_object_column"),
    EMPTY_BATCH("empty_batch"),
    OTHER_OBJECT_TYPE("other_object_type"),
    // The life of a policy.
    POLICY_NOT_FOUND("policy_not_found"),
    NO_POLICY_CHOSEN("no_policy_chosen"),
    // The life of a Config rule.
    RULE_NOT_FOUND("rule_not_found"),
    RULE_ALREADY_IN_STATE("rule_already_in_state"),
    RULE_EVALUATING("rule_evaluating"),
    RULE_DISABLED("rule_disabled"),
    RULE_NAME_CHANGED("rule_name_changed"),
    RULE_TYPE_CHANGED("rule_type_changed"),
    DISABLES_FIRST("disables_first");

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    /** The stable string form, e.g. {@code too_long}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
