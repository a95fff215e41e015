package com.policyconsole.console.abuse;

import com.policyconsole.console.testing.ConsoleSession;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A seeded generator of posts to the emergency-policy and Config-rule forms (preview and submit) that are each wrong
 * in at least one field: oversized, control characters, homoglyphs, injection strings, malformed IPs, URNs and JSON,
 * wrong enumerations, duplicated or missing fields, broken percent-encoding. Post {@code n} depends only on the seed
 * and {@code n}, so a failure is reproduced by generating that one post again.
 */
final class BadFormPosts {

    /** The console's transport limit per form value ({@code quarkus.http.limits.max-form-attribute-size}). */
    static final int FORM_ATTRIBUTE_LIMIT = 256 * 1024;
    /** Longer than any limit of the console's forms but below the transport limit. */
    static final int LONG = 100_001;
    /** Longer than the transport limit. */
    static final int HUGE = 300 * 1024;

    static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";
    static final String DOMAIN_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    /** Rule names differ per run: a name once sent stays taken in the history, which the guardrails read. */
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    /** One form value as posted: text to be percent-encoded, or bytes already encoded (for encoding faults). */
    record Pair(String name, String value, boolean encoded) {
    }

    /** What makes a post bad: the field, the kind of fault, and the wire paths a refusal may name it by. */
    record Fault(String field, String kind, List<String> reportedAs, Set<String> maskedBy, boolean lateCheck) {

        /**
         * Whether another fault of the post may hide this one: the fields it depends on are spoiled too, or it is
         * found only by the checks that run once the request passes every rule (definition, guardrails).
         */
        boolean maskedIn(List<Fault> all) {
            return all.stream().anyMatch(other -> other != this && (lateCheck || maskedBy.contains(other.field())));
        }
    }

    /** How the console must refuse a post. */
    enum Refusal {
        /** The form again (422) with an error naming each bad field. */
        FIELD_ERRORS,
        /** A value longer than the transport limit: 413 before the form is read. */
        TOO_LARGE,
        /** A value that is not valid percent-encoding: 400 before the form is read, quoting the value. */
        UNDECODABLE
    }

    /** One generated post. */
    record Post(int number, String path, List<Pair> pairs, List<Fault> faults, Refusal refusal) {

        /** The urlencoded body with the CSRF token first. */
        byte[] body(String csrfToken) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, ConsoleSession.CSRF_FIELD + "=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8));
            for (Pair p : pairs) {
                String value = p.encoded() ? p.value() : URLEncoder.encode(p.value(), StandardCharsets.UTF_8);
                out.write('&');
                write(out, URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "=");
                // encoded values may carry raw non-ASCII bytes (one char = one byte)
                out.writeBytes(value.getBytes(p.encoded() ? StandardCharsets.ISO_8859_1 : StandardCharsets.US_ASCII));
            }
            return out.toByteArray();
        }

        /** A short account of the post for a failure message. */
        String describe() {
            return "#" + number + " POST " + path + " " + faults.stream()
                    .map(f -> f.field() + ":" + f.kind()).collect(Collectors.joining(", "));
        }

        private static void write(ByteArrayOutputStream out, String ascii) {
            out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The forms' unspoiled values: each previews without an error. */
    enum Base {
        POLICY("/policies", Map.ofEntries(
                Map.entry("project_id", "3bb27e024693436da46b5f5aaf499060"),
                Map.entry("workspace_id", "sandbox-workspace"),
                Map.entry("secmaster_version", "25.5.0"),
                Map.entry("region_id", "cn-north-7"),
                Map.entry("policy_category", "BLOCK"),
                Map.entry("policy_type", "Source Ip"),
                Map.entry("block_target", "45.67.89.10"),
                Map.entry("ageing", "24h"),
                Map.entry("policy_direction", "INGRESS"),
                Map.entry("connection", CFW),
                Map.entry("description", "abuse test SEC-1"),
                Map.entry("labels", "abuse"))),
        BUILTIN_RULE("/rules", Map.ofEntries(
                Map.entry("domain_id", DOMAIN_ID),
                Map.entry("policy_assignment_type", "builtin"),
                Map.entry("name", "abuse-rule-" + RUN),
                Map.entry("description", "abuse test"),
                Map.entry("policy_definition_id", "5fa265c0aa1e6afc05a0ff07"),
                Map.entry("parameters", "{\"listOfAllowedImages\": [\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}"),
                Map.entry("trigger", "change"),
                Map.entry("f_resource_provider", "ecs"),
                Map.entry("f_resource_type", "cloudservers"),
                Map.entry("tags", "env=test"))),
        CUSTOM_RULE("/rules", Map.ofEntries(
                Map.entry("domain_id", DOMAIN_ID),
                Map.entry("policy_assignment_type", "custom"),
                Map.entry("name", "abuse-custom-" + RUN),
                Map.entry("description", "abuse test"),
                Map.entry("function_urn", "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner:latest"),
                Map.entry("agency_name", "rms_fgs_agency"),
                Map.entry("trigger", "period"),
                Map.entry("period", "Twelve_Hours"),
                Map.entry("tags", "env=test")));

        final String resource;
        final Map<String, String> values;

        Base(String resource, Map<String, String> values) {
            this.resource = resource;
            this.values = values;
        }

        /** The unspoiled form as pairs, in a stable order. */
        List<Pair> pairs() {
            return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new Pair(e.getKey(), e.getValue(), false)).toList();
        }
    }

    /** A way to spoil a field: its name and the values it posts (none: the field is left out). */
    private record Kind(String name, Function<Random, List<Pair>> values, boolean lateCheck) {
        Kind(String name, Function<Random, List<Pair>> values) {
            this(name, values, false);
        }

        /** The same kind, found only by the checks after the rules (policy definition, guardrails). */
        Kind late() {
            return new Kind(name, values, true);
        }
    }

    /** A field that can be spoiled, the forms it is on, and the kinds of fault that apply to it. */
    private record FieldSpec(String name, Set<Base> bases, List<String> reportedAs, Set<String> maskedBy, List<Kind> kinds) {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE request_history;--", "\" OR \"\"=\"", "admin'--", "1 UNION SELECT password FROM console_user",
            "<script>window.__xss=1</script>", "\"><img src=x onerror=window.__xss=1>", "</textarea><svg onload=window.__xss=1>",
            "javascript:window.__xss=1", "{inject:csrf.token}", "{#for x in 1..3}{x}{/for}", "{#include base /}", "${7*7}",
            "#{7*7}", "{{7*7}}", "<%= 7*7 %>", "{config:quarkus.datasource.password}", "../../../../etc/passwd",
            "%00", "%0d%0aSet-Cookie: x=1", "\\u0000", "() { :; }; echo pwned", "$(id)", "`id`");
    private static final List<String> BAD_IPS = BadText.badAddresses("1,2.3.4");
    private static final List<String> BAD_VERSIONS = List.of("v25.5.0", "25", "25.5.0.0.1", "25..5", "25.5.0-beta",
            "25.5.", ".25.5", "25.55555.0", "latest", "25,5,0");
    private static final List<String> BAD_AGEINGS = List.of("tomorrow", "24", "h", "-1h", "1.5h", "24hours", "24H",
            "999999h", "2026-13-01T00:00", "2026-02-30T00:00", "2026-11-23T18:00+25:00",
            "2026-11-23 18:00", "23/11/2026", "+999999999-12-31T23:59", "-999999999-01-01T00:00", "P1D", "1d2h",
            "NaN", "1e3h");
    private static final List<String> BAD_URNS = List.of(
            "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default",
            "urn:fss::" + DOMAIN_ID + ":function:default:check-owner",
            "urn:fss:CN_NORTH:" + DOMAIN_ID + ":function:default:check-owner",
            "urn:fgs:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner",
            "URN:FSS:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner",
            "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner:latest:extra",
            "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner:",
            "urn:fss:cn-north-4:proj-1:function:default:check-owner",
            "urn:fss:cn-north-4:" + DOMAIN_ID + ":func:default:check-owner",
            "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check/../owner",
            "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check owner",
            " urn:fss:cn-north-4: " + DOMAIN_ID + ":function:default:check-owner",
            "arn:aws:lambda:us-east-1:123456789012:function:check-owner",
            "https://functiongraph.example.com/check-owner", "urn:", "urn:fss:::::::");
    private static final List<String> BAD_JSON = List.of("{", "}", "{\"listOfAllowedImages\":}", "[1,2]",
            "\"text\"", "null", "42", "{'listOfAllowedImages': []}", "{\"listOfAllowedImages\": [\"x\"],}",
            "{\"a\":1}{\"b\":2}", "{\"listOfAllowedImages\": [\"\\ud800\"]", "{\"listOfAllowedImages\": NaN}",
            "{\"listOfAllowedImages\": 1e99999", "{\"listOfAllowedImages\": [\"ea0d6e0e\" \"x\"]}",
            "[".repeat(10_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "{\"\\u0000\": 1}",
            "{\"\": [\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}");
    /** Well-formed JSON objects that do not fit the definition's parameter schema. */
    private static final List<String> SCHEMA_MISMATCHES = List.of(
            "{\"listOfAllowedImages\": \"ea0d6e0e-99c3-406d-a873-3bb45462b624\"}",
            "{\"listOfAllowedImages\": []}", "{\"listOfAllowedImages\": [\"EA0D6E0E-99C3-406D-A873-3BB45462B624\"]}",
            "{\"listOfAllowedImages\": [\"<script>window.__xss=1</script>\"]}", "{\"unknownParameter\": 1}",
            "{}");
    private static final List<String> BAD_TAGS = List.of("novalue", "=v", "_sys_owner=x", "k<script>=v",
            "env=<script>window.__xss=1</script>", " env=test", "env =test", "env=test\nenv=prod", "k=v\r\nnovalue",
            "{inject:csrf.token}=1", "env=${7*7}", "k=" + "v".repeat(256), "k".repeat(129) + "=v", "env=te\rst");
    /** Broken percent-encoding: no value can be decoded from it. */
    static final List<String> UNDECODABLE = List.of("ab%zz", "ab%", "ab%2", "%%41", "ab%u0041");
    /** Decodable percent-encoding (or raw bytes) that is not UTF-8: decoded with replacement characters. */
    private static final List<String> NOT_UTF8 = List.of("%e9t%e9", "%ff%fe", "%c0%af", "%ed%a0%80",
            "%f8%88%80%80%80", "ab\u00ffcd", "ab\u00c3(");

    private final long seed;
    private final Map<Base, List<FieldSpec>> fieldsByBase = new LinkedHashMap<>();

    BadFormPosts(long seed) {
        this.seed = seed;
        for (FieldSpec spec : catalog()) {
            for (Base base : spec.bases()) {
                fieldsByBase.computeIfAbsent(base, b -> new ArrayList<>()).add(spec);
            }
        }
    }

    /** Post {@code number}: its own random stream, so it can be generated alone. */
    Post post(int number) {
        Random random = new Random(seed * 1_000_003L + number);
        Base base = Base.values()[random.nextInt(Base.values().length)];
        String path = base.resource + (random.nextBoolean() ? "/preview" : "/submit");
        int faultCount = random.nextInt(100) < 75 ? 1 : random.nextInt(100) < 80 ? 2 : 3;
        List<FieldSpec> fields = new ArrayList<>(fieldsByBase.get(base));
        Map<String, List<Pair>> form = new LinkedHashMap<>();
        base.pairs().forEach(p -> form.put(p.name(), List.of(p)));
        List<Fault> faults = new ArrayList<>();
        boolean tooLarge = false;
        boolean undecodable = false;
        for (int i = 0; i < faultCount; i++) {
            FieldSpec field = fields.remove(random.nextInt(fields.size()));
            Kind kind = field.kinds().get(random.nextInt(field.kinds().size()));
            List<Pair> values = kind.values().apply(random);
            form.remove(field.name());
            if (!values.isEmpty()) {
                form.put(field.name(), values);
            }
            tooLarge |= values.stream().anyMatch(p -> encodedLength(p) > FORM_ATTRIBUTE_LIMIT);
            undecodable |= values.stream().anyMatch(p -> p.encoded() && UNDECODABLE.contains(p.value()));
            List<String> reportedAs = new ArrayList<>(field.reportedAs());
            reportedAs.add(field.name()); // a value too long for the form at all is named as the form names it
            faults.add(new Fault(field.name(), kind.name(), List.copyOf(reportedAs), field.maskedBy(), kind.lateCheck()));
        }
        List<Pair> pairs = form.values().stream().flatMap(List::stream).toList();
        Refusal refusal = tooLarge ? Refusal.TOO_LARGE : undecodable ? Refusal.UNDECODABLE : Refusal.FIELD_ERRORS;
        return new Post(number, path, pairs, List.copyOf(faults), refusal);
    }

    private static List<FieldSpec> catalog() {
        Set<Base> policy = Set.of(Base.POLICY);
        Set<Base> rules = Set.of(Base.BUILTIN_RULE, Base.CUSTOM_RULE);
        Set<Base> builtin = Set.of(Base.BUILTIN_RULE);
        Set<Base> custom = Set.of(Base.CUSTOM_RULE);
        List<FieldSpec> all = new ArrayList<>();
        // --- emergency policy ---
        for (String id : List.of("project_id", "workspace_id")) {
            all.add(new FieldSpec(id, policy, List.of(id), Set.of(), List.of(
                    over(id, 64, "a"), control(id, "sandbox", "workspace"), homoglyph(id, "sandbox-workspace"),
                    injection(id), missing(), longer(id), huge(id), encoding(id), duplicated(id, "bad id", "other/id"))));
        }
        all.add(new FieldSpec("secmaster_version", policy, List.of("x-secmaster-version"), Set.of(), List.of(
                oneOf("secmaster_version", BAD_VERSIONS), control("secmaster_version", "25.5", ".0"),
                homoglyph("secmaster_version", "25.5.0"), injection("secmaster_version"), missing(),
                duplicated("secmaster_version", "v1", "v2"))));
        all.add(new FieldSpec("region_id", policy, List.of("data_object.region_id"), Set.of(), List.of(
                over("region_id", 64, "a"), control("region_id", "cn-north", "-7"), missing(),
                duplicated("region_id", "cn-north-" + "a".repeat(60), "x".repeat(65)))));
        all.add(new FieldSpec("policy_category", policy, List.of("data_object.policy_category"), Set.of(), List.of(
                oneOf("policy_category", List.of("BLACK", "block", "White", "BLOCK,WHITE", "BLOCK;WHITE", "ALLOW", "0")),
                control("policy_category", "BLO", "CK"), homoglyph("policy_category", "BLOCK"),
                injection("policy_category"), missing(), duplicated("policy_category", "BLACK", "GREY"))));
        all.add(new FieldSpec("policy_type", policy, List.of("data_object.policy_type"), Set.of(), List.of(
                oneOf("policy_type", List.of("Source IP", "source ip", "SourceIp", "Mac Address", "Ip", "Source_Ip")),
                control("policy_type", "Source", " Ip"), homoglyph("policy_type", "Source Ip"), injection("policy_type"),
                missing(), duplicated("policy_type", "Mac Address", "Port"))));
        all.add(new FieldSpec("block_target", policy, List.of("data_object.block_target"), Set.of("policy_type"), List.of(
                oneOf("block_target", BAD_IPS),
                new Kind("bad-ip-among-good", r -> single("block_target", "45.67.89.10\n" + pick(r, BAD_IPS) + ", 45.67.89.11")),
                control("block_target", "45.67.", "89.10"), homoglyph("block_target", "45.67.89.10"),
                injection("block_target"), missing(),
                new Kind("501-objects", r -> single("block_target", fiveHundredOne())).late(),
                new Kind("blocks-everything", r -> single("block_target", r.nextBoolean() ? "0.0.0.0/0" : "::/0")).late(),
                longer("block_target"), huge("block_target"), encoding("block_target"),
                duplicated("block_target", "999.1.1.1", "1.2.3.4/33"))));
        all.add(new FieldSpec("ageing", policy, List.of("data_object.block_age"), Set.of(), List.of(
                oneOf("ageing", BAD_AGEINGS), control("ageing", "2", "4h"), injection("ageing"),
                new Kind("in-the-past", r -> single("ageing", "2001-01-01T00:00")).late(),
                duplicated("ageing", "tomorrow", "-1h"))));
        all.add(new FieldSpec("policy_direction", policy, List.of("data_object.policy_direction"), Set.of(), List.of(
                oneOf("policy_direction", List.of("INBOUND", "ingress", "EGRESS,INGRESS", "BOTH", "INGRESS, EGRESS")),
                control("policy_direction", "INGR", "ESS"), homoglyph("policy_direction", "INGRESS"),
                injection("policy_direction"), duplicated("policy_direction", "UP", "DOWN"))));
        for (String scope : List.of("account_scope", "eps_scope", "region_scope")) {
            all.add(new FieldSpec(scope, policy, List.of("data_object." + scope), Set.of(), List.of(
                    over(scope, 255, "a"), control(scope, "3bb27e02", "4693436da46b5f5aaf499060"), longer(scope),
                    duplicated(scope, "a".repeat(256), "b".repeat(300)))));
        }
        all.add(new FieldSpec("description", policy, List.of("data_object.description", "description"), Set.of(), List.of(
                over("description", 1024, "d"), multilineControl("description", "incident\nSEC-", "1"),
                longer("description"), huge("description"))));
        all.add(new FieldSpec("labels", policy, List.of("data_object.labels", "labels"), Set.of(), List.of(
                over("labels", 1024, "l"), control("labels", "abuse", "-label"), longer("labels"), huge("labels"))));
        all.add(new FieldSpec("connection", policy, List.of("data_object.defense_policy_list"), Set.of(), List.of(
                new Kind("unknown-id", r -> single("connection", uuid(r))), homoglyph("connection", CFW),
                injection("connection"), control("connection", CFW.substring(0, 8), CFW.substring(8)),
                new Kind("duplicated", r -> List.of(new Pair("connection", uuid(r), false),
                        new Pair("connection", pick(r, INJECTIONS), false))))));
        for (String suffix : List.of("defense_connection_id", "defense_connection_name", "defense_type",
                "defense_connection_region_id", "defense_connection_region_name", "target_enterprise_id",
                "target_enterprise_name", "target_project_id", "target_project_name")) {
            String field = "m_" + suffix;
            all.add(new FieldSpec(field, policy, List.of("data_object.defense_policy_list[*]." + suffix), Set.of(),
                    List.of(over(field, 255, "m"), control(field, "manual", "-value"))));
        }
        all.add(new FieldSpec("retry_of", policy, List.of("retry_of"), Set.of(), List.of(
                oneOf("retry_of", List.of("abc", "-1", "1e3", "9999999999999999999", "12 34", "0x10", "1.0", "+1")),
                injection("retry_of"), homoglyph("retry_of", "12"), control("retry_of", "1", "2"))));
        // --- Config rule ---
        all.add(new FieldSpec("domain_id", rules, List.of("domain_id"), Set.of(), List.of(
                over("domain_id", 36, "d"), control("domain_id", "0a1b2c3d", "4e5f60718293a4b5c6d7e8f9"),
                homoglyph("domain_id", DOMAIN_ID), injection("domain_id"), missing(), longer("domain_id"),
                huge("domain_id"), encoding("domain_id"), duplicated("domain_id", "a/b", "x".repeat(37)))));
        all.add(new FieldSpec("policy_assignment_type", rules, List.of("policy_assignment_type"), Set.of(), List.of(
                oneOf("policy_assignment_type", List.of("BUILTIN", "Builtin", "CUSTOM", "managed", "builtin,custom")),
                control("policy_assignment_type", "built", "in"), homoglyph("policy_assignment_type", "builtin"),
                injection("policy_assignment_type"), duplicated("policy_assignment_type", "managed", "BUILTIN"))));
        all.add(new FieldSpec("name", rules, List.of("name"), Set.of(), List.of(
                over("name", 64, "n"), control("name", "abuse", "-rule"), homoglyph("name", "abuse-rule"),
                injection("name"), missing(), longer("name"), huge("name"), encoding("name"),
                duplicated("name", "a b", "x".repeat(65)))));
        all.add(new FieldSpec("description", rules, List.of("description"), Set.of(), List.of(
                over("description", 512, "d"), multilineControl("description", "abuse\n", "test"), longer("description"),
                huge("description"))));
        all.add(new FieldSpec("policy_definition_id", builtin, List.of("policy_definition_id"),
                Set.of("policy_assignment_type"), List.of(
                over("policy_definition_id", 36, "5"),
                new Kind("unknown-id", r -> single("policy_definition_id", hex(r, 24))).late(),
                homoglyph("policy_definition_id", "5fa265c0aa1e6afc05a0ff07").late(),
                injection("policy_definition_id").late(),
                control("policy_definition_id", "5fa265c0aa1e", "6afc05a0ff07"), missing(),
                duplicated("policy_definition_id", "nope", "0".repeat(24)).late())));
        all.add(new FieldSpec("parameters", builtin, List.of("parameters"),
                Set.of("policy_definition_id", "policy_assignment_type"), List.of(
                oneOf("parameters", BAD_JSON), new Kind("schema-mismatch", r -> single("parameters",
                        pick(r, SCHEMA_MISMATCHES))).late(),
                new Kind("json-too-long", r -> single("parameters",
                        "{\"listOfAllowedImages\": [\"" + "a".repeat(70_000) + "\"]}")),
                huge("parameters"))));
        all.add(new FieldSpec("function_urn", custom, List.of("custom_policy.function_urn", "custom_policy"),
                Set.of("policy_assignment_type"), List.of(
                oneOf("function_urn", BAD_URNS), over("function_urn", 1024, "u"),
                control("function_urn", "urn:fss:cn-north-4:" + DOMAIN_ID + ":func", "tion:default:check-owner"),
                homoglyph("function_urn", "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner"),
                injection("function_urn"), missing(), longer("function_urn"),
                duplicated("function_urn", "urn:", "urn:fss"))));
        all.add(new FieldSpec("agency_name", custom, List.of("custom_policy.auth_value"), Set.of("policy_assignment_type"),
                List.of(control("agency_name", "rms_fgs", "_agency"), over("agency_name", 64, "g"), longer("agency_name"))));
        all.add(new FieldSpec("trigger", rules, List.of("trigger"), Set.of(), List.of(
                oneOf("trigger", List.of("sometimes", "CHANGE", "Period", "periodic", "any,period")),
                control("trigger", "chan", "ge"), homoglyph("trigger", "change"), injection("trigger"), missing(),
                duplicated("trigger", "never", "always"))));
        all.add(new FieldSpec("period", custom, List.of("period"), Set.of("trigger"), List.of(
                oneOf("period", List.of("12h", "Twelve_hours", "One_hour", "Weekly", "TwentyFour_Hours ,")),
                homoglyph("period", "Twelve_Hours"), control("period", "Twelve", "_Hours"), injection("period"), missing(),
                duplicated("period", "Weekly", "Daily"))));
        Map<String, Integer> filters = new LinkedHashMap<>();
        filters.put("region_id", 128);
        filters.put("resource_provider", 128);
        filters.put("resource_type", 128);
        filters.put("resource_id", 512);
        filters.put("tag_key", 128);
        filters.put("tag_value", 256);
        filters.forEach((name, limit) -> all.add(new FieldSpec("f_" + name, builtin, List.of("policy_filter." + name),
                Set.of("trigger"), List.of(over("f_" + name, limit, "f"), control("f_" + name, "ec", "s")))));
        all.add(new FieldSpec("tags", rules, List.of("tags"), Set.of(), List.of(
                oneOf("tags", BAD_TAGS), control("tags", "en", "v=test"),
                new Kind("21-tags", r -> single("tags", twentyOneTags())), longer("tags"), huge("tags"))));
        return all;
    }

    private static int encodedLength(Pair pair) {
        return pair.encoded() ? pair.value().length() : URLEncoder.encode(pair.value(), StandardCharsets.UTF_8).length();
    }

    // --- kinds ---

    private static Kind over(String field, int limit, String filler) {
        return new Kind("over-" + limit, r -> single(field, filler.repeat(limit + 1)));
    }

    private static Kind longer(String field) {
        return new Kind("longer-than-100000", r -> single(field, "x".repeat(LONG + r.nextInt(50_000))));
    }

    private static Kind huge(String field) {
        // é is six bytes once percent-encoded: 300 KB on the wire either way
        return new Kind("300KB", r -> single(field, r.nextBoolean() ? "x".repeat(HUGE) : "\u00e9".repeat(HUGE / 6 + 1)));
    }

    private static Kind control(String field, String before, String after) {
        return new Kind("control", r -> single(field, before + BadText.CONTROLS.charAt(r.nextInt(BadText.CONTROLS.length())) + after));
    }

    private static Kind multilineControl(String field, String before, String after) {
        return new Kind("control", r -> single(field,
                before + BadText.MULTILINE_CONTROLS.charAt(r.nextInt(BadText.MULTILINE_CONTROLS.length())) + after));
    }

    private static Kind homoglyph(String field, String valid) {
        return new Kind("mixed-script", r -> {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < valid.length(); i++) {
                if (BadText.HOMOGLYPHS.containsKey(valid.charAt(i))) {
                    positions.add(i);
                }
            }
            int at = positions.get(r.nextInt(positions.size()));
            return single(field, valid.substring(0, at) + BadText.HOMOGLYPHS.get(valid.charAt(at)) + valid.substring(at + 1));
        });
    }

    private static Kind injection(String field) {
        return new Kind("injection", r -> single(field, pick(r, INJECTIONS)));
    }

    private static Kind oneOf(String field, List<String> values) {
        return new Kind("malformed", r -> single(field, pick(r, values)));
    }

    private static Kind missing() {
        return new Kind("missing", r -> List.of());
    }

    private static Kind encoding(String field) {
        return new Kind("bad-encoding", r -> List.of(new Pair(field, pick(r, r.nextBoolean() ? UNDECODABLE : NOT_UTF8), true)));
    }

    private static Kind duplicated(String field, String first, String second) {
        return new Kind("duplicated", r -> List.of(new Pair(field, first, false), new Pair(field, second, false)));
    }

    // --- values ---

    private static List<Pair> single(String field, String value) {
        return List.of(new Pair(field, value, false));
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String uuid(Random r) {
        return hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
    }

    private static String hex(Random r, int digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String fiveHundredOne() {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            targets.append("48.").append(100 + i / 250).append('.').append(i % 250).append(".9\n");
        }
        return targets.toString();
    }

    private static String twentyOneTags() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            tags.append("key").append(i).append("=value\n");
        }
        return tags.toString();
    }

    /** Whether an error at {@code path} names a field reported as {@code reportedAs} ({@code [*]}: any index). */
    static boolean names(String path, String reportedAs) {
        String regex = Pattern.quote(reportedAs).replace("[*]", "\\E\\[\\d+\\]\\Q");
        return Pattern.matches(regex + "([.\\[].*)?", path);
    }
}
