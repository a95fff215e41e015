package com.policyconsole.bench.validation.annotated;

/**
 * The regular expressions the annotated beans use: the domain's own patterns, spelled as compile-time
 * constants because annotation values must be, plus the enumerations and character rules as patterns.
 *
 * <p>The domain checks a pattern only on non-empty text and an enumeration only on non-blank text, leaving
 * empty values to its "required" rules; the {@code OPTIONAL_…} forms accept exactly what the domain skips, so
 * that an optional field is valid on both sides for the same values.
 */
public final class WireFormats {

    // SecMasterRules
    public static final String PATH_ID = "[A-Za-z0-9_-]{1,64}";
    public static final String VERSION = "\\d{1,4}(\\.\\d{1,4}){1,3}";
    public static final String REGION = "[a-z]{2,}(-[a-z0-9]+)+";
    public static final String HEX_ID = "[0-9a-f]{32}";
    public static final String EPS_ID = "0|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final String MILLIS = "\\d{1,19}";

    // ConfigRules
    public static final String DOMAIN_ID = "[A-Za-z0-9_-]+";
    public static final String RULE_NAME = "[A-Za-z0-9_-]+";
    public static final String TAG_KEY = "[\\p{L}\\p{N}_.:=+\\-@]([\\p{L}\\p{N} _.:=+\\-@]*[\\p{L}\\p{N}_.:=+\\-@])?";
    public static final String TAG_VALUE = "[\\p{L}\\p{N} _.:/=+\\-@]*";
    public static final String FUNCTION_URN =
            "urn:fss:[a-z0-9-]+:[A-Za-z0-9]+:function:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(:[A-Za-z0-9_.!-]+)?";
    /** ConfigRules: tag keys must not start with {@code _sys_}. */
    public static final String NOT_RESERVED_TAG_KEY = "(?s)(?!_sys_).*";

    /**
     * Rule.Text, single line: no ISO control character (general category Cc: U+0000–U+001F, U+007F–U+009F), no
     * line or paragraph separator (U+2028, U+2029) and no bidirectional embedding, override or isolate (U+202A–U+202E,
     * U+2066–U+2069). {@code \p{Cc}} and merged ranges are the fastest faithful spelling for java.util.regex (several
     * times faster than listing the ranges), so Hibernate Validator gets its best case.
     */
    public static final String SINGLE_LINE = "[^\\p{Cc}\\u2028-\\u202E\\u2066-\\u2069]*";
    /** Rule.Text, multi-line: as {@link #SINGLE_LINE} but tab, line feed and carriage return are allowed. */
    public static final String MULTI_LINE = "[\\t\\n\\r[^\\p{Cc}\\u2028-\\u202E\\u2066-\\u2069]]*";

    // Enumerations (WireEnum.wireNames); mandatory ones are also @NotBlank.
    public static final String ACTION_TYPE = "create|retry";
    public static final String POLICY_CATEGORY = "WHITE|BLOCK";
    public static final String BLOCK_TYPE = "Source Ip|User Name|Domain Name";
    public static final String AUTH_TYPE = "agency";
    private static final String BLANK = "\\p{javaWhitespace}*";
    public static final String OPTIONAL_POLICY_DIRECTION = BLANK + "|INGRESS|EGRESS|INGRESS,EGRESS";
    public static final String OPTIONAL_DEFENSE_LAYER = BLANK + "|CFW|WAF|VPC|IAM";
    public static final String OPTIONAL_ASSIGNMENT_TYPE = BLANK + "|builtin|custom";
    public static final String OPTIONAL_PERIOD = BLANK + "|One_Hour|Three_Hours|Six_Hours|Twelve_Hours|TwentyFour_Hours";

    // Optional formats: empty, or the domain's pattern.
    public static final String OPTIONAL_MILLIS = "(?:" + MILLIS + ")?";
    public static final String OPTIONAL_HEX_ID = "(?:" + HEX_ID + ")?";
    public static final String OPTIONAL_EPS_ID = "(?:" + EPS_ID + ")?";

    private WireFormats() {
    }
}
