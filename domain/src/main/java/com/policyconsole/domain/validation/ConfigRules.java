package com.policyconsole.domain.validation;

import static com.policyconsole.domain.validation.RuleSet.check;
import static com.policyconsole.domain.validation.RuleSet.each;
import static com.policyconsole.domain.validation.RuleSet.matches;
import static com.policyconsole.domain.validation.RuleSet.nested;
import static com.policyconsole.domain.validation.RuleSet.oneOf;
import static com.policyconsole.domain.validation.RuleSet.present;
import static com.policyconsole.domain.validation.RuleSet.required;
import static com.policyconsole.domain.validation.RuleSet.text;

import com.policyconsole.domain.model.config.AuthType;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.domain.model.wire.WireEnum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule of Config's "Adding a Rule", in the order of the document's tables (Table 1 path
 * parameters … Table 7 ResourceTag), followed by the cross-field rules of docs/cloud-apis.md (Limits, Enums); and the check of a
 * rule's parameters against its built-in policy definition. Put the document beside this file and tick
 * the rows off.
 *
 * <p>The "Type" column is enforced by the Java types of {@link ConfigRule} (String, maps, lists, and
 * {@link JsonValue} for "Object"); the checks here cover mandatory fields, enumerations, formats and lengths.
 */
public final class ConfigRules {

    /** docs/cloud-apis.md, Limits: at most 20 tags per rule. */
    public static final int MAX_TAGS = 20;

    private static final CharClass TAG_KEY_CHARACTERS = CharClass.of(" _.:=+-@").plusLetters().plusNumbers();
    private static final CharClass TAG_VALUE_CHARACTERS = TAG_KEY_CHARACTERS.plusRange('/', '/');

    static final TextFormat DOMAIN_ID = TextFormat.of("[A-Za-z0-9_-]+", id -> CharClass.ID.containsAll(id, 1, Integer.MAX_VALUE));
    /** docs/cloud-apis.md, Limits: letters, digits, {@code _} and {@code -}. */
    static final TextFormat RULE_NAME = TextFormat.of("[A-Za-z0-9_-]+", name -> CharClass.ID.containsAll(name, 1, Integer.MAX_VALUE));
    /** docs/cloud-apis.md, Limits: letters, digits, spaces and {@code _ . : = + - @}; not starting or ending with a space. */
    static final TextFormat TAG_KEY = TextFormat.of(
            "[\\p{L}\\p{N}_.:=+\\-@]([\\p{L}\\p{N} _.:=+\\-@]*[\\p{L}\\p{N}_.:=+\\-@])?", ConfigRules::isTagKey);
    /** docs/cloud-apis.md, Limits: letters, digits, spaces and {@code _ . : / = + - @}. */
    static final TextFormat TAG_VALUE = TextFormat.of("[\\p{L}\\p{N} _.:/=+\\-@]*", TAG_VALUE_CHARACTERS::containsAll);
    /** FunctionGraph URN: {@code urn:fss:<region>:<project>:function:<package>:<name>[:<version or alias>]}. */
    static final TextFormat FUNCTION_URN = TextFormat.regex(
            "urn:fss:[a-z0-9-]+:[A-Za-z0-9]+:function:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(:[A-Za-z0-9_.!-]+)?");
    static final String RESERVED_TAG_PREFIX = "_sys_";
    /** IAM's longest agency name (docs/cloud-apis.md, Limits). */
    static final int MAX_AGENCY_NAME_LENGTH = 64;

    private static final RuleSet<ConfigRuleRequest> RULES = RuleSet.of(
            // Table 1 Path Parameters
            required("domain_id", ConfigRuleRequest::domainId),
            text("domain_id", ConfigRuleRequest::domainId, 1, 36),
            matches("domain_id", ConfigRuleRequest::domainId, DOMAIN_ID,
                    "must be letters, digits, '_' or '-' (it goes into the URL path)"),

            // Table 2 Request header parameters (X-Auth-Token, X-Security-Token) are set by the adapter.

            // Table 3 Request body parameters
            required("body", ConfigRuleRequest::rule),
            nested("", ConfigRuleRequest::rule,
                    oneOf("policy_assignment_type", ConfigRule::policyAssignmentType,
                            WireEnum.wireNames(PolicyAssignmentType.class)),
                    required("name", ConfigRule::name),
                    text("name", ConfigRule::name, 1, 64),
                    matches("name", ConfigRule::name, RULE_NAME, "may contain only letters, digits, '_' and '-'"),
                    text("description", ConfigRule::description, 0, 512),
                    oneOf("period", ConfigRule::period, WireEnum.wireNames(Period.class)),
                    // Table 4 PolicyFilterDefinition
                    nested("policy_filter", ConfigRule::policyFilter,
                            text("region_id", PolicyFilter::regionId, 0, 128),
                            text("resource_provider", PolicyFilter::resourceProvider, 0, 128),
                            text("resource_type", PolicyFilter::resourceType, 0, 128),
                            text("resource_id", PolicyFilter::resourceId, 0, 512),
                            text("tag_key", PolicyFilter::tagKey, 0, 128),
                            text("tag_value", PolicyFilter::tagValue, 0, 256),
                            check("tag_value needs tag_key", ConfigRules::tagValueNeedsKey)),
                    text("policy_definition_id", ConfigRule::policyDefinitionId, 0, 36),
                    // Table 5 CustomPolicy
                    nested("custom_policy", ConfigRule::customPolicy,
                            required("function_urn", CustomPolicy::functionUrn),
                            text("function_urn", CustomPolicy::functionUrn, 1, 1024),
                            matches("function_urn", CustomPolicy::functionUrn, FUNCTION_URN,
                                    "must be a FunctionGraph URN: urn:fss:<region>:<project>:function:<package>:<name>[:<version>]"),
                            required("auth_type", CustomPolicy::authType),
                            oneOf("auth_type", CustomPolicy::authType, WireEnum.wireNames(AuthType.class)),
                            check("auth_value names the agency", ConfigRules::agencyNamed)),
                    // Table 6 PolicyParameterValue: "value" is any Object; names must be usable.
                    check("parameter names are present", ConfigRules::parameterNames),
                    check("texts inside parameters and auth_value are printable", ConfigRules::objectTextsPrintable),
                    // Table 7 ResourceTag
                    each("tags", ConfigRule::tags,
                            required("key", ResourceTag::key),
                            text("key", ResourceTag::key, 1, 128),
                            matches("key", ResourceTag::key, TAG_KEY,
                                    "may contain letters, digits, spaces and _ . : = + - @, and must not start or end with a space"),
                            check("tag keys do not start with _sys_", ConfigRules::tagKeyNotReserved),
                            present("value", ResourceTag::value),
                            text("value", ResourceTag::value, 0, 255),
                            matches("value", ResourceTag::value, TAG_VALUE,
                                    "may contain letters, digits, spaces and _ . : / = + - @")),

                    // Cross-field rules (docs/cloud-apis.md, Enums and Limits)
                    check("custom goes with custom_policy, builtin with policy_definition_id", ConfigRules::typeMatchesPolicy),
                    check("period and policy_filter exclude each other", ConfigRules::periodXorFilter),
                    check("at most 20 tags, keys unique", ConfigRules::tagLimits)));

    private ConfigRules() {
    }

    /** Validates a whole request against every row of the document and the cross-field rules. */
    public static Violations validate(ConfigRuleRequest request) {
        return RULES.validate(request);
    }

    /** The rules, in document order. */
    public static RuleSet<ConfigRuleRequest> rules() {
        return RULES;
    }

    /**
     * Checks a built-in rule's parameters against its policy definition (docs/cloud-apis.md, Enums: a rule's parameters can be
     * checked against the definition's schemas): unknown names, missing parameters without a default, and each value's type
     * and bounds; and warns when the trigger does not suit the definition's {@code trigger_type}.
     */
    public static Violations validateParameters(ConfigRule rule, PolicyDefinition definition) {
        List<Violation> out = new ArrayList<>();
        Map<String, JsonValue> given = rule.parameters() == null ? Map.of() : rule.parameters();
        for (Map.Entry<String, JsonValue> e : given.entrySet()) {
            ParameterSchema schema = definition.parameters().get(e.getKey());
            String path = "parameters." + e.getKey() + ".value";
            if (schema == null) {
                out.add(Violation.error("parameters." + e.getKey(), ViolationCode.PARAMETER_UNKNOWN,
                        "'" + e.getKey() + "' is not a parameter of " + definition.name()
                                + "; it takes " + definition.parameters().keySet()));
                continue;
            }
            for (String problem : schema.problems(e.getValue())) {
                out.add(Violation.error(path, ViolationCode.PARAMETER_MISMATCH, e.getKey() + " " + problem));
            }
        }
        definition.parameters().forEach((name, schema) -> {
            if (!given.containsKey(name) && !schema.isOptional()) {
                out.add(Violation.error("parameters." + name + ".value", ViolationCode.REQUIRED,
                        name + " is required by " + definition.name()));
            }
        });
        boolean periodic = rule.period() != null;
        if ("period".equalsIgnoreCase(definition.triggerType()) && !periodic) {
            out.add(Violation.warning("period", ViolationCode.PARAMETER_MISMATCH,
                    definition.name() + " is meant to run periodically; choose a period"));
        } else if ("resource".equalsIgnoreCase(definition.triggerType()) && periodic) {
            out.add(Violation.warning("period", ViolationCode.PARAMETER_MISMATCH,
                    definition.name() + " is meant to run on configuration change; leave period empty"));
        }
        return Violations.of(out);
    }

    /** docs/cloud-apis.md, Enums: custom_policy goes with custom; policy_definition_id with builtin (the default). */
    private static void typeMatchesPolicy(ConfigRule r, String prefix, List<Violation> out) {
        if (r.policyAssignmentType() != null && r.policyAssignmentType().isBlank()) {
            // absent means builtin; a blank type on the wire is neither, and Config refuses it
            out.add(Violation.error("policy_assignment_type", ViolationCode.NOT_ALLOWED, "policy_assignment_type must"
                    + " be one of " + WireEnum.wireNames(PolicyAssignmentType.class).stream().sorted().toList()
                    + " or absent (is blank)"));
            return;
        }
        PolicyAssignmentType type = r.assignmentType().orElse(null);
        boolean hasDefinition = r.policyDefinitionId() != null && !r.policyDefinitionId().isBlank();
        if (type == PolicyAssignmentType.CUSTOM) {
            if (r.customPolicy() == null) {
                out.add(Violation.error("custom_policy", ViolationCode.CUSTOM_REQUIRES_CUSTOM_POLICY,
                        "a custom rule needs custom_policy with the function URN"));
            }
            if (hasDefinition) {
                out.add(Violation.error("policy_definition_id", ViolationCode.DEFINITION_NOT_FOR_CUSTOM,
                        "policy_definition_id is only for builtin rules"));
            }
        } else if (type == PolicyAssignmentType.BUILTIN) {
            if (!hasDefinition) {
                out.add(Violation.error("policy_definition_id", ViolationCode.BUILTIN_REQUIRES_DEFINITION,
                        "a builtin rule needs policy_definition_id"));
            }
            if (r.customPolicy() != null) {
                out.add(Violation.error("custom_policy", ViolationCode.CUSTOM_POLICY_REQUIRES_CUSTOM_TYPE,
                        "custom_policy needs policy_assignment_type custom"));
            }
        }
    }

    /** docs/cloud-apis.md, Enums: a rule is periodic or triggered by configuration change, not both. */
    private static void periodXorFilter(ConfigRule r, String prefix, List<Violation> out) {
        if (r.period() != null && !r.period().isBlank() && r.policyFilter() != null) {
            out.add(Violation.error("period", ViolationCode.PERIOD_AND_FILTER,
                    "choose either period (periodic) or policy_filter (on configuration change), not both"));
        }
    }

    /** docs/cloud-apis.md, Enums: {@code policy_filter.tag_value} only makes sense with {@code tag_key}. */
    private static void tagValueNeedsKey(PolicyFilter f, String prefix, List<Violation> out) {
        boolean hasValue = f.tagValue() != null && !f.tagValue().isEmpty();
        boolean hasKey = f.tagKey() != null && !f.tagKey().isEmpty();
        if (hasValue && !hasKey) {
            out.add(Violation.error(Rule.path(prefix, "tag_value"), ViolationCode.TAG_VALUE_WITHOUT_KEY,
                    "tag_value needs tag_key"));
        }
    }

    /** docs/cloud-apis.md, Enums: auth_value is e.g. {"agency_name": "…"}; without it the function cannot be called. */
    private static void agencyNamed(CustomPolicy p, String prefix, List<Violation> out) {
        if (!AuthType.AGENCY.wireName().equals(p.authType())) {
            return;
        }
        JsonValue agency = p.authValue() == null ? null : p.authValue().get("agency_name");
        String path = Rule.path(prefix, "auth_value.agency_name");
        if (!(agency instanceof JsonValue.JsonString s) || s.value().isBlank()) {
            out.add(Violation.warning(path, ViolationCode.REQUIRED,
                    "auth_type agency usually needs auth_value.agency_name, the agency Config uses to call the function"));
        } else if (s.value().codePointCount(0, s.value().length()) > MAX_AGENCY_NAME_LENGTH) {
            out.add(Violation.error(path, ViolationCode.TOO_LONG,
                    "agency_name must be at most " + MAX_AGENCY_NAME_LENGTH + " characters"));
        } else if (Rule.Text.firstControlCharacter(s.value(), false) >= 0) {
            out.add(Violation.error(path, ViolationCode.CONTROL_CHARACTER, "agency_name contains a control character"));
        }
    }

    /**
     * The texts inside "Object" values — rule parameters and custom-policy auth values — are read by people in the
     * console and in Config, so they hold no control characters or bidirectional controls, as every text field.
     */
    private static void objectTextsPrintable(ConfigRule r, String prefix, List<Violation> out) {
        if (r.parameters() != null) {
            r.parameters().forEach((name, value) -> printable(Rule.path(prefix, "parameters." + name), value, out));
        }
        if (r.customPolicy() != null && r.customPolicy().authValue() != null) {
            r.customPolicy().authValue().forEach((name, value) ->
                    printable(Rule.path(prefix, "custom_policy.auth_value." + name), value, out));
        }
    }

    private static void printable(String path, JsonValue value, List<Violation> out) {
        if (value instanceof JsonValue.JsonString s) {
            int bad = Rule.Text.firstControlCharacter(s.value(), true);
            if (bad >= 0) {
                out.add(Violation.error(path, ViolationCode.CONTROL_CHARACTER, path + " contains a control character (U+"
                        + String.format("%04X", bad) + ") that makes text read differently from what it is"));
            }
        } else if (value instanceof JsonValue.JsonArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                printable(path + "[" + i + "]", a.items().get(i), out);
            }
        } else if (value instanceof JsonValue.JsonObject o) {
            o.members().forEach((name, member) -> printable(path + "." + name, member, out));
        }
    }

    private static void parameterNames(ConfigRule r, String prefix, List<Violation> out) {
        if (r.parameters() == null) {
            return;
        }
        for (String name : r.parameters().keySet()) {
            if (name == null || name.isBlank() || name.length() > 128
                    || Rule.Text.firstControlCharacter(name, false) >= 0) {
                out.add(Violation.error("parameters", ViolationCode.BAD_FORMAT,
                        "parameter names must be 1 to 128 printable characters"));
            }
        }
    }

    /** {@link #TAG_KEY}: tag key characters and spaces, not starting or ending with a space. */
    private static boolean isTagKey(String key) {
        return !key.isEmpty() && key.charAt(0) != ' ' && key.charAt(key.length() - 1) != ' '
                && TAG_KEY_CHARACTERS.containsAll(key);
    }

    private static void tagKeyNotReserved(ResourceTag t, String prefix, List<Violation> out) {
        if (t.key() != null && t.key().startsWith(RESERVED_TAG_PREFIX)) {
            out.add(Violation.error(Rule.path(prefix, "key"), ViolationCode.RESERVED_TAG_PREFIX,
                    "tag keys must not start with " + RESERVED_TAG_PREFIX + " (reserved for the system)"));
        }
    }

    /** docs/cloud-apis.md, Limits: at most 20 tags per rule; a key can appear once. */
    private static void tagLimits(ConfigRule r, String prefix, List<Violation> out) {
        if (r.tags() == null) {
            return;
        }
        if (r.tags().size() > MAX_TAGS) {
            out.add(Violation.error("tags", ViolationCode.TOO_MANY_TAGS,
                    "at most " + MAX_TAGS + " tags per rule (has " + r.tags().size() + ")"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < r.tags().size(); i++) {
            ResourceTag t = r.tags().get(i);
            if (t != null && t.key() != null && !keys.add(t.key())) {
                out.add(Violation.error("tags[" + i + "].key", ViolationCode.DUPLICATE_TAG_KEY,
                        "tag key '" + SecMasterRules.abbreviate(t.key()) + "' is used more than once"));
            }
        }
    }
}
