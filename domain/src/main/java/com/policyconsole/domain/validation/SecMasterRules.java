package com.policyconsole.domain.validation;

import static com.policyconsole.domain.validation.RuleSet.check;
import static com.policyconsole.domain.validation.RuleSet.each;
import static com.policyconsole.domain.validation.RuleSet.looksLike;
import static com.policyconsole.domain.validation.RuleSet.matches;
import static com.policyconsole.domain.validation.RuleSet.nested;
import static com.policyconsole.domain.validation.RuleSet.oneOf;
import static com.policyconsole.domain.validation.RuleSet.required;
import static com.policyconsole.domain.validation.RuleSet.text;

import com.policyconsole.domain.model.emergency.ActionType;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.DefenseLayer;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.PolicyDirection;
import com.policyconsole.domain.model.wire.WireEnum;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule of SecMaster's "Creating a Retry Emergency Policy", in the order of the document's tables
 * (Table 1 path parameters … Table 8 policy_type), followed by the cross-field rules of docs/cloud-apis.md (Enums). Put the
 * document beside this file and tick the rows off.
 *
 * <p>The "Type" column is enforced by the Java types of {@link EmergencyPolicyRequest} (String, Boolean,
 * arrays as lists); the checks here cover mandatory fields, enumerations, formats and lengths. Where the
 * document sets no length, the console applies {@link #MAX_ID_LENGTH} and {@link #MAX_TEXT_LENGTH} so that
 * no field is unbounded; these are this project's limits, not the cloud's. The ageing instant is checked
 * against the clock by {@link com.policyconsole.domain.guardrail.EmergencyPolicyGuardrails}, since rules
 * here depend on the request alone.
 */
public final class SecMasterRules {

    /** Longest ID or name this project accepts where the document gives no maximum. */
    public static final int MAX_ID_LENGTH = 255;
    /** Longest description or label text this project accepts where the document gives no maximum. */
    public static final int MAX_TEXT_LENGTH = 1024;

    /** Characters safe in a URL path segment: IDs of projects, workspaces and policies. */
    static final TextFormat PATH_ID = TextFormat.of("[A-Za-z0-9_-]{1,64}", id -> CharClass.ID.containsAll(id, 1, 64));
    static final TextFormat VERSION = TextFormat.of("\\d{1,4}(\\.\\d{1,4}){1,3}", SecMasterRules::isVersion);
    static final TextFormat REGION = TextFormat.of("[a-z]{2,}(-[a-z0-9]+)+", SecMasterRules::isRegion);
    static final TextFormat HEX_ID = TextFormat.of("[0-9a-f]{32}", id -> CharClass.LOWER_HEX.containsAll(id, 32, 32));
    static final TextFormat EPS_ID = TextFormat.of(
            "0|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", SecMasterRules::isEpsId);
    static final TextFormat MILLIS = TextFormat.of("\\d{1,19}", millis -> CharClass.DIGITS.containsAll(millis, 1, 19));

    private static final RuleSet<DefenseConnection> TABLE_7_DEFENSE_CONNECTION = RuleSet.of(
            required("defense_connection_id", DefenseConnection::defenseConnectionId),
            text("defense_connection_id", DefenseConnection::defenseConnectionId, 1, MAX_ID_LENGTH),
            required("defense_connection_name", DefenseConnection::defenseConnectionName),
            text("defense_connection_name", DefenseConnection::defenseConnectionName, 1, MAX_ID_LENGTH),
            required("defense_connection_region_id", DefenseConnection::defenseConnectionRegionId),
            text("defense_connection_region_id", DefenseConnection::defenseConnectionRegionId, 1, MAX_ID_LENGTH),
            required("defense_connection_region_name", DefenseConnection::defenseConnectionRegionName),
            text("defense_connection_region_name", DefenseConnection::defenseConnectionRegionName, 1, MAX_ID_LENGTH),
            required("defense_type", DefenseConnection::defenseType),
            text("defense_type", DefenseConnection::defenseType, 1, MAX_ID_LENGTH),
            check("defense_type names a known defense layer", SecMasterRules::knownDefenseLayer),
            required("target_enterprise_id", DefenseConnection::targetEnterpriseId),
            text("target_enterprise_id", DefenseConnection::targetEnterpriseId, 1, MAX_ID_LENGTH),
            required("target_enterprise_name", DefenseConnection::targetEnterpriseName),
            text("target_enterprise_name", DefenseConnection::targetEnterpriseName, 1, MAX_ID_LENGTH),
            required("target_project_id", DefenseConnection::targetProjectId),
            text("target_project_id", DefenseConnection::targetProjectId, 1, MAX_ID_LENGTH),
            required("target_project_name", DefenseConnection::targetProjectName),
            text("target_project_name", DefenseConnection::targetProjectName, 1, MAX_ID_LENGTH));

    private static final RuleSet<EmergencyPolicyRequest> RULES = RuleSet.of(
            // Table 1 Path Parameters
            required("project_id", r -> r.workspace().projectId()),
            matches("project_id", r -> r.workspace().projectId(), PATH_ID,
                    "must be 1 to 64 letters, digits, '_' or '-' (it goes into the URL path)"),
            required("workspace_id", r -> r.workspace().workspaceId()),
            matches("workspace_id", r -> r.workspace().workspaceId(), PATH_ID,
                    "must be 1 to 64 letters, digits, '_' or '-' (it goes into the URL path)"),

            // Table 2 Query Parameters
            required("action_type", EmergencyPolicyRequest::actionType),
            oneOf("action_type", EmergencyPolicyRequest::actionType, WireEnum.wireNames(ActionType.class)),

            // Table 3 Request header parameters (X-Auth-Token and content-type are set by the adapter)
            required("x-secmaster-version", EmergencyPolicyRequest::secmasterVersion),
            matches("x-secmaster-version", EmergencyPolicyRequest::secmasterVersion, VERSION,
                    "must be a version such as 25.5.0"),

            // Table 4 Request body parameters: data_object is optional in the table, but every field the
            // call needs lives in it (block_target, block_age …, or retry_list), so a call without it does nothing.
            required("data_object", EmergencyPolicyRequest::policy),

            // Table 5 data_object
            each("data_object.retry_list", EmergencyPolicyRequest::retryList,
                    required("", (String id) -> id),
                    matches("", (String id) -> id, PATH_ID, "must be a policy ID: 1 to 64 letters, digits, '_' or '-'")),
            nested("data_object", EmergencyPolicyRequest::policy,
                    required("block_age", EmergencyPolicy::blockAge),
                    // Table 6 block_age
                    nested("block_age", EmergencyPolicy::blockAge,
                            required("is_block_ageing", BlockAge::isBlockAgeing),
                            matches("block_ageing", BlockAge::blockAgeing, MILLIS,
                                    "must be a timestamp in milliseconds since 1970-01-01T00:00:00Z")),
                    required("block_target", EmergencyPolicy::blockTarget),
                    check("each object of block_target matches policy_type", SecMasterRules::targetsMatchType),
                    required("defense_policy_list", EmergencyPolicy::defensePolicyList),
                    // Table 7 defense_policy_list
                    each("defense_policy_list", EmergencyPolicy::defensePolicyList, TABLE_7_DEFENSE_CONNECTION),
                    // one line, as labels: the same character rules for every free-text field of the console
                    text("description", EmergencyPolicy::description, 0, MAX_TEXT_LENGTH),
                    text("labels", EmergencyPolicy::labels, 0, MAX_TEXT_LENGTH),
                    required("policy_category", EmergencyPolicy::policyCategory),
                    oneOf("policy_category", EmergencyPolicy::policyCategory, WireEnum.wireNames(PolicyCategory.class)),
                    // Table 8 policy_type (policy_type is an object holding one field of the same name)
                    required("policy_type.policy_type", EmergencyPolicy::policyType),
                    oneOf("policy_type.policy_type", EmergencyPolicy::policyType, WireEnum.wireNames(BlockType.class)),
                    required("region_id", EmergencyPolicy::regionId),
                    text("region_id", EmergencyPolicy::regionId, 1, 64),
                    looksLike("region_id", EmergencyPolicy::regionId, REGION, "does not look like a region ID such as cn-north-4"),
                    oneOf("policy_direction", EmergencyPolicy::policyDirection, WireEnum.wireNames(PolicyDirection.class)),
                    text("account_scope", EmergencyPolicy::accountScope, 0, MAX_ID_LENGTH),
                    looksLike("account_scope", EmergencyPolicy::accountScope, HEX_ID, "does not look like an account ID (32 hex digits)"),
                    text("eps_scope", EmergencyPolicy::epsScope, 0, MAX_ID_LENGTH),
                    looksLike("eps_scope", EmergencyPolicy::epsScope, EPS_ID, "does not look like an enterprise project ID (a UUID, or 0)"),
                    text("region_scope", EmergencyPolicy::regionScope, 0, MAX_ID_LENGTH),
                    looksLike("region_scope", EmergencyPolicy::regionScope, HEX_ID, "does not look like a region-scope ID (32 hex digits)"),

                    // Cross-field rules (docs/cloud-apis.md, Enums)
                    check("block_ageing goes with is_block_ageing", SecMasterRules::ageingInstantMatchesFlag),
                    check("WHITE is not for user names", SecMasterRules::whiteNotForUserNames),
                    check("defense layers enforce the block type", SecMasterRules::layersEnforceBlockType),
                    check("each operation connection appears once", SecMasterRules::connectionsUnique)),
            check("action_type=retry needs retry_list, create has none", SecMasterRules::retryListMatchesAction));

    private SecMasterRules() {
    }

    /** Validates a whole request against every row of the document and the cross-field rules. */
    public static Violations validate(EmergencyPolicyRequest request) {
        return RULES.validate(request);
    }

    /** The rules, in document order. */
    public static RuleSet<EmergencyPolicyRequest> rules() {
        return RULES;
    }

    /** docs/cloud-apis.md, Enums: for {@code retry}, {@code retry_list} carries the IDs; a create carries none. */
    private static void retryListMatchesAction(EmergencyPolicyRequest r, String prefix, List<Violation> out) {
        Optional<ActionType> action = r.action();
        boolean hasList = r.retryList() != null && !r.retryList().isEmpty();
        if (action.orElse(null) == ActionType.RETRY && !hasList) {
            out.add(Violation.error("data_object.retry_list", ViolationCode.RETRY_LIST_REQUIRED,
                    "retry_list must name at least one policy ID when action_type is retry"));
        } else if (action.orElse(null) == ActionType.CREATE && hasList) {
            out.add(Violation.error("data_object.retry_list", ViolationCode.RETRY_LIST_NOT_ALLOWED,
                    "retry_list is only sent with action_type=retry"));
        }
    }

    /** Table 6 and docs/cloud-apis.md, Enums: with ageing, {@code block_ageing} holds the instant; without, it is null. */
    private static void ageingInstantMatchesFlag(EmergencyPolicy p, String prefix, List<Violation> out) {
        BlockAge age = p.blockAge();
        if (age == null || age.isBlockAgeing() == null) {
            return;
        }
        boolean hasInstant = age.blockAgeing() != null && !age.blockAgeing().isEmpty();
        String path = Rule.path(prefix, "block_age.block_ageing");
        if (age.ages() && !hasInstant) {
            out.add(Violation.error(path, ViolationCode.AGEING_INSTANT_REQUIRED,
                    "block_ageing must give the moment the block ages out when is_block_ageing is true"));
        } else if (!age.ages() && hasInstant) {
            out.add(Violation.error(path, ViolationCode.AGEING_INSTANT_WITHOUT_AGEING,
                    "block_ageing must be empty when is_block_ageing is false"));
        } else if (hasInstant && MILLIS.matches(age.blockAgeing()) && age.ageingInstant().isEmpty()) {
            // 19 digits above the largest 64-bit number: no instant, so no guardrail could check it
            out.add(Violation.error(path, ViolationCode.BAD_FORMAT,
                    "block_ageing is larger than any timestamp in milliseconds (at most 9223372036854775807)"));
        }
    }

    /**
     * SecMaster user guide, "Adding an Emergency Policy"; docs/cloud-apis.md, Enums: {@code block_target}
     * holds one or more objects of the block type, separated by commas.
     */
    private static void targetsMatchType(EmergencyPolicy p, String prefix, List<Violation> out) {
        Optional<BlockType> type = p.blockType();
        if (type.isEmpty() || p.blockTarget() == null || p.blockTarget().isBlank()) {
            return;
        }
        String path = Rule.path(prefix, "block_target");
        List<String> targets = p.targets();
        String[] raw = p.blockTarget().split(",", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            if (i < raw.length && !raw[i].equals(target)) {
                // what is checked is what is sent: " 1.2.3.4" or "1.2.3.4\n" would go to SecMaster as it is
                out.add(Violation.error(path, ViolationCode.SURROUNDING_WHITESPACE, "'" + abbreviate(target) + "'"
                        + position(targets, i) + " has whitespace or a line break around it: send the objects"
                        + " separated by commas alone"));
                continue;
            }
            if (target.isEmpty()) {
                out.add(Violation.error(path, ViolationCode.REQUIRED,
                        "block_target has an empty object" + position(targets, i) + "; remove the extra comma"));
                continue;
            }
            String problem = BlockTargetParser.problem(type.get(), target);
            if (problem != null) {
                out.add(Violation.error(path, ViolationCode.TARGET_DOES_NOT_MATCH_TYPE,
                        "'" + abbreviate(target) + "'" + position(targets, i) + " is not " + problem));
            } else if (!seen.add(target.toLowerCase(Locale.ROOT))) {
                out.add(Violation.warning(path, ViolationCode.DUPLICATE_TARGET,
                        "'" + abbreviate(target) + "'" + position(targets, i) + " is listed more than once"));
            }
        }
    }

    /** Where object {@code i} is in a message: nothing for a single object, else " (object i+1)". */
    private static String position(List<String> targets, int i) {
        return targets.size() == 1 ? "" : " (object " + (i + 1) + ")";
    }

    /**
     * SecMaster user guide, "Adding an Emergency Policy"; docs/cloud-apis.md, Enums: whitelisting (WHITE)
     * applies to IPs and domain names, not to user names.
     */
    private static void whiteNotForUserNames(EmergencyPolicy p, String prefix, List<Violation> out) {
        if (p.category().orElse(null) == PolicyCategory.WHITE && p.blockType().orElse(null) == BlockType.USER_NAME) {
            out.add(Violation.error(Rule.path(prefix, "policy_category"), ViolationCode.WHITE_NOT_FOR_USER_NAMES,
                    "user names cannot be whitelisted; use BLOCK, or whitelist an IP or domain name"));
        }
    }

    /** docs/cloud-apis.md, Enums: IAM is the layer for user names; IPs and domains go to CFW, WAF or VPC. */
    private static void layersEnforceBlockType(EmergencyPolicy p, String prefix, List<Violation> out) {
        Optional<BlockType> type = p.blockType();
        if (type.isEmpty() || p.defensePolicyList() == null) {
            return;
        }
        for (int i = 0; i < p.defensePolicyList().size(); i++) {
            DefenseConnection c = p.defensePolicyList().get(i);
            if (c == null) {
                continue;
            }
            Optional<DefenseLayer> layer = c.layer();
            if (layer.isPresent() && !layer.get().enforces(type.get())) {
                out.add(Violation.warning(Rule.path(prefix, "defense_policy_list[" + i + "].defense_type"),
                        ViolationCode.DEFENSE_LAYER_MISMATCH,
                        layer.get() + " does not enforce " + type.get().wireName() + " objects"));
            }
        }
    }

    private static void knownDefenseLayer(DefenseConnection c, String prefix, List<Violation> out) {
        if (c.defenseType() != null && !c.defenseType().isBlank() && c.layer().isEmpty()) {
            out.add(Violation.warning(Rule.path(prefix, "defense_type"), ViolationCode.UNKNOWN_DEFENSE_LAYER,
                    "defense_type '" + abbreviate(c.defenseType()) + "' is not a known defense layer "
                            + WireEnum.wireNames(DefenseLayer.class).stream().sorted().toList()));
        }
    }

    private static void connectionsUnique(EmergencyPolicy p, String prefix, List<Violation> out) {
        if (p.defensePolicyList() == null || p.defensePolicyList().size() < 2) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < p.defensePolicyList().size(); i++) {
            DefenseConnection c = p.defensePolicyList().get(i);
            if (c != null && c.defenseConnectionId() != null && !seen.add(c.defenseConnectionId())) {
                out.add(Violation.warning(Rule.path(prefix, "defense_policy_list[" + i + "].defense_connection_id"),
                        ViolationCode.DUPLICATE_CONNECTION,
                        "operation connection " + abbreviate(c.defenseConnectionId()) + " is listed more than once"));
            }
        }
    }

    /** {@link #VERSION}: two to four groups of one to four digits, separated by dots. */
    private static boolean isVersion(String text) {
        int groups = 1;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 4) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 4) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups >= 2 && digits > 0;
    }

    /** {@link #REGION}: two or more lowercase letters, then one or more groups of a hyphen and lowercase letters or digits. */
    private static boolean isRegion(String text) {
        int i = 0;
        while (i < text.length() && CharClass.LOWER_LETTERS.contains(text.charAt(i))) {
            i++;
        }
        if (i < 2 || i == text.length()) {
            return false;
        }
        while (i < text.length()) {
            if (text.charAt(i++) != '-') {
                return false;
            }
            int start = i;
            while (i < text.length() && CharClass.LOWER_ALPHANUMERIC.contains(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return true;
    }

    /** {@link #EPS_ID}: {@code 0}, or a UUID in lowercase hex digits. */
    private static boolean isEpsId(String text) {
        if (text.equals("0")) {
            return true;
        }
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : CharClass.LOWER_HEX.contains(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Shortens user text quoted in a message. */
    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
