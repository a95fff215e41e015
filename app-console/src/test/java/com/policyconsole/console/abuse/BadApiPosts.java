package com.policyconsole.console.abuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.api.ApiJson;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A seeded generator of bad requests to the JSON API's write routes under {@code /api/v1}: malformed, truncated and
 * duplicated JSON, bodies that are not objects, nested too deep or with numbers too long, oversized bodies (over the
 * 256 KiB the forms and the API read), invalid UTF-8, unknown fields at the top and inside, fields of the wrong JSON
 * type, missing fields, garbage, script payloads, control characters and look-alike letters in checked fields, huge
 * numbers; bad, absent, revoked and expired bearer tokens, a token without the operator role, a session cookie instead
 * of a token; wrong or missing Content-Type; malformed and reused Idempotency-Keys; unknown sub-routes. Each request
 * knows how the code refuses it (status, problem type, the wire paths its violations name), read from the resources
 * ({@code EmergencyPoliciesApi}, {@code ConfigRulesApi}, {@code BlocksApi}), {@code ApiJson}, {@code WireBodies},
 * {@code Idempotency} and the domain's rules. Request {@code n} depends only on the seed and {@code n}, so a failure is
 * reproduced by generating that one request again ({@code new BadApiPosts(SEED).post(n)}).
 *
 * <p>No request can be sent to the cloud: every one carries at least one fault that the API or the domain answers with
 * an error or a warning, and none acknowledges warnings ({@code acknowledge_warnings} is never {@code true}).
 */
final class BadApiPosts {

    /** The largest body the API reads ({@code ApiJson.MAX_BODY_BYTES}, the forms' 256K per field). */
    static final int BODY_LIMIT = ApiJson.MAX_BODY_BYTES;

    static final String PROJECT_ID = "3bb27e024693436da46b5f5aaf499060";
    static final String WORKSPACE_ID = "sandbox-workspace";
    static final String VERSION = "25.5.0";
    static final String REGION = "cn-north-7";
    static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";
    static final String DOMAIN_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String IMAGES_DEFINITION = "5fa265c0aa1e6afc05a0ff07";
    static final String STANDARD_IMAGE = "ea0d6e0e-99c3-406d-a873-3bb45462b624";
    /** The object the emergency-policy bodies block: in 58.x, which no other test uses, and never sent. */
    static final String TARGET = "58.1.2.3";
    /** A rule ID that is never reached (every request to a rule's routes is refused before the rule is read). */
    static final String ABSENT_RULE = "0abc0abc0abc0abc0abc0abc";
    /** The Idempotency-Key each keyed token used once, for a create that was sent, before the bad requests. */
    static final String SETUP_KEY = "abuse-setup-key";
    /** Rule names differ per run: a name once sent stays taken in the history, which the guardrails read. */
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    /** Tokens of each kind the test makes; enough that no token reaches the rate limit (300 calls a minute). */
    static final int MAIN_TOKENS = 48;
    static final int KEYED_TOKENS = 4;
    static final int READER_TOKENS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Inside a string value: replaced by invalid UTF-8 bytes once the body is written. */
    private static final String BAD_UTF8 = "@@BADUTF8@@";
    private static final Pattern RAW = Pattern.compile("\"@@RAW:([^\"@]*)@@\"");
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xff}, {(byte) 0xfe, (byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xc3, (byte) 0x28},
            {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xc1, (byte) 0xbf}};

    /** The order in which the API reads a request: a request is refused at its earliest faulty stage. */
    enum Stage {
        /** Token, role, Content-Type, Idempotency-Key, sub-route: before the body is read. */
        TRANSPORT,
        /** Over {@link #BODY_LIMIT} bytes: 413. */
        SIZE,
        /** Not one well-formed JSON object: 400 malformed-json. */
        SYNTAX,
        /** A top-level field the route does not take: 400 unknown-field naming each. */
        TOP_UNKNOWN,
        /** A top-level field of the wrong type (read one by one): 422 naming the first. */
        TOP_TYPE,
        /** {@code rule} missing or not an object: 422 naming {@code rule}. */
        RULE_SHAPE,
        /** A field inside SecMaster's or Config's body that the document does not define: 400 naming each. */
        NESTED_UNKNOWN,
        /** A field inside that body of the wrong JSON type: 422 naming the first. */
        NESTED_TYPE,
        /** {@code acknowledge_warnings} of the wrong type where it is read after the body (rules, blocks). */
        ACK_TYPE,
        /** The document's rules: every finding at once (422 / preview 200; warnings only: 409 / preview sendable). */
        RULES,
        /** Checks that run only once the rules pass: guardrails, the policy definition and its parameters. */
        LATE
    }

    /** Whether a finding stops the request or only asks to be acknowledged. */
    enum Severity { ERROR, WARNING }

    /** Who a request is sent as. */
    enum Credential {
        /** An operator token of the main pool. */
        MAIN,
        /** An operator token that sent one create with {@link #SETUP_KEY}. */
        KEYED,
        /** A token with only the auditor role, whose user is an operator too. */
        READER,
        /** The literal {@link ApiPost#authorization()} (null: no Authorization header). */
        LITERAL,
        /** A main token with one character changed. */
        TAMPERED,
        REVOKED,
        EXPIRED,
        /** No token, the session cookie of a logged-in operator. */
        SESSION
    }

    /** The body a route takes. */
    enum Shape { POLICY, BUILTIN, CUSTOM, UPDATE, OPERATION, REMOVAL, AGEING }

    /** The API's write routes. */
    enum Route {
        POLICY_CREATE("POST", "/api/v1/emergency-policies", Shape.POLICY, true, true, false),
        POLICY_PREVIEW("POST", "/api/v1/emergency-policies/preview", Shape.POLICY, true, false, true),
        BUILTIN_CREATE("POST", "/api/v1/config-rules", Shape.BUILTIN, true, true, false),
        BUILTIN_PREVIEW("POST", "/api/v1/config-rules/preview", Shape.BUILTIN, true, false, true),
        CUSTOM_CREATE("POST", "/api/v1/config-rules", Shape.CUSTOM, true, true, false),
        CUSTOM_PREVIEW("POST", "/api/v1/config-rules/preview", Shape.CUSTOM, true, false, true),
        RULE_UPDATE("PUT", "/api/v1/config-rules/" + ABSENT_RULE, Shape.UPDATE, true, true, false),
        RULE_UPDATE_PREVIEW("POST", "/api/v1/config-rules/" + ABSENT_RULE + "/update/preview", Shape.UPDATE, false, false,
                true),
        RULE_DISABLE("POST", "/api/v1/config-rules/" + ABSENT_RULE + "/disable", Shape.OPERATION, false, true, false),
        RULE_DELETE_PREVIEW("POST", "/api/v1/config-rules/" + ABSENT_RULE + "/delete/preview", Shape.OPERATION, false,
                false, true),
        BLOCKS_REMOVE("POST", "/api/v1/blocks/remove", Shape.REMOVAL, true, true, false),
        BLOCKS_REMOVE_PREVIEW("POST", "/api/v1/blocks/remove/preview", Shape.REMOVAL, true, false, true),
        BLOCKS_AGEING("POST", "/api/v1/blocks/ageing", Shape.AGEING, true, true, false),
        BLOCKS_AGEING_PREVIEW("POST", "/api/v1/blocks/ageing/preview", Shape.AGEING, true, false, true);

        final String method;
        final String path;
        final Shape shape;
        /** Declares {@code @Consumes(application/json)}: another Content-Type is 415. */
        final boolean consumesJson;
        /** Goes through {@code Idempotency.once}: the Idempotency-Key is checked. */
        final boolean takesKey;
        /** A preview: sends nothing, answers 200 with the findings once the body is read. */
        final boolean preview;

        Route(String method, String path, Shape shape, boolean consumesJson, boolean takesKey, boolean preview) {
            this.method = method;
            this.path = path;
            this.shape = shape;
            this.consumesJson = consumesJson;
            this.takesKey = takesKey;
            this.preview = preview;
        }

        /** The routes that check a whole body of SecMaster's or Config's, field by field. */
        boolean checksContent() {
            return shape == Shape.POLICY || shape == Shape.BUILTIN || shape == Shape.CUSTOM;
        }
    }

    /**
     * What makes a request bad: the field, the kind of fault, the stage that finds it, and the wire paths a refusal may
     * name it by ({@link BadFormPosts#names}: a path equal to one or below it).
     */
    record Fault(String field, String kind, Stage stage, Severity severity, List<String> reportedAs,
                 Set<String> maskedBy) {

        /**
         * Whether another fault of the request may hide this one from the checks: it is found only once the rules pass
         * and another fault is an error of the rules, or it depends on a field that is spoiled too.
         */
        boolean maskedIn(List<Fault> all) {
            return all.stream().anyMatch(other -> other != this && (maskedBy.contains(other.field())
                    || stage == Stage.LATE && other.stage() == Stage.RULES && other.severity() == Severity.ERROR));
        }
    }

    /**
     * How the API must answer.
     *
     * @param status the HTTP status
     * @param problemType the problem's {@code type}, or null for a preview's 200 with findings
     * @param sendable for a preview's 200: whether it says the request could be sent (only warnings)
     * @param named the faults whose paths the violations must name (every one)
     * @param oneOf the faults one of which the single violation names (type errors are reported one at a time)
     */
    record Expected(int status, String problemType, Boolean sendable, List<Fault> named, List<Fault> oneOf) {
    }

    /** One generated request. */
    record ApiPost(int number, Route route, String method, String path, Credential credential, int slot,
                   String authorization, String contentType, String idempotencyKey, byte[] body, List<Fault> faults,
                   Expected expected) {

        /** A short account of the request for a failure message. */
        String describe() {
            return "#" + number + " " + method + " " + path + " as " + credential
                    + (contentType == null ? " (no Content-Type)" : "") + " [" + faults.stream()
                    .map(f -> f.field() + ":" + f.kind() + "@" + f.stage()).collect(Collectors.joining(", "))
                    + "] " + body.length + " bytes";
        }
    }

    /** A change to the body tree: set the value at a path (adding the field) or remove the field. */
    private record Edit(String path, JsonNode value, boolean remove) {
    }

    /** A way to spoil a field. */
    private record Kind(String name, Stage stage, Severity severity, boolean exclusive, List<String> reportedAs,
                        Function<Random, List<Edit>> edits) {
    }

    /** A field that can be spoiled, the fields whose faults can hide its own, and its kinds of fault. */
    private record FieldSpec(String name, Set<String> maskedBy, List<Kind> kinds) {
    }

    private final long seed;
    private final Map<Shape, List<FieldSpec>> catalog = new LinkedHashMap<>();
    private final Map<Shape, ObjectNode> bases = new LinkedHashMap<>();

    BadApiPosts(long seed) {
        this.seed = seed;
        for (Shape shape : Shape.values()) {
            bases.put(shape, base(shape));
            catalog.put(shape, specs(shape));
        }
    }

    /** The unspoiled body of a shape (a copy): for POLICY, BUILTIN and CUSTOM it previews without any finding. */
    ObjectNode base(Shape shape) {
        ObjectNode kept = bases.get(shape);
        if (kept != null) {
            return kept.deepCopy();
        }
        try {
            return switch (shape) {
                case POLICY -> (ObjectNode) JSON.readTree("""
                        {"project_id":"%s","workspace_id":"%s","secmaster_version":"%s","data_object":{
                        "region_id":"%s","block_target":"%s","policy_category":"BLOCK","description":"api abuse SEC-3",
                        "labels":"abuse","block_age":{"is_block_ageing":false,"block_ageing":null},
                        "policy_type":{"policy_type":"Source Ip"},"defense_policy_list":[{"defense_connection_id":"%s",
                        "defense_connection_name":"CFW authentication token.","defense_type":"CFW",
                        "target_enterprise_id":"0","target_enterprise_name":"default","target_project_id":"%s",
                        "target_project_name":"cn-north-7","defense_connection_region_id":"cn-north-7",
                        "defense_connection_region_name":"CN North-Ulanqab1"}],"policy_direction":"INGRESS"}}"""
                        .formatted(PROJECT_ID, WORKSPACE_ID, VERSION, REGION, TARGET, CFW, PROJECT_ID));
                case BUILTIN -> (ObjectNode) JSON.readTree("""
                        {"domain_id":"%s","rule":{"policy_assignment_type":"builtin","name":"api-abuse-%s",
                        "description":"api abuse test","policy_filter":{"resource_provider":"ecs",
                        "resource_type":"cloudservers"},"policy_definition_id":"%s",
                        "parameters":{"listOfAllowedImages":{"value":["%s"]}},"tags":[{"key":"env","value":"test"}]}}"""
                        .formatted(DOMAIN_ID, RUN, IMAGES_DEFINITION, STANDARD_IMAGE));
                case CUSTOM -> (ObjectNode) JSON.readTree("""
                        {"domain_id":"%s","rule":{"policy_assignment_type":"custom","name":"api-abuse-custom-%s",
                        "description":"api abuse test","period":"Twelve_Hours","custom_policy":{
                        "function_urn":"urn:fss:cn-north-4:%s:function:default:check-owner:latest","auth_type":"agency",
                        "auth_value":{"agency_name":"rms_fgs_agency"}},"tags":[{"key":"env","value":"test"}]}}"""
                        .formatted(DOMAIN_ID, RUN, DOMAIN_ID));
                case UPDATE -> {
                    ObjectNode update = NODES.objectNode();
                    update.set("rule", base(Shape.BUILTIN).get("rule"));
                    yield update;
                }
                case OPERATION -> (ObjectNode) JSON.readTree("{\"acknowledge_warnings\":false}");
                case REMOVAL -> (ObjectNode) JSON.readTree("{\"policy_ids\":[\"abuse-policy-1\"]}");
                case AGEING -> (ObjectNode) JSON.readTree("{\"policy_id\":\"abuse-policy-1\",\"ageing\":\"24h\"}");
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Request {@code number}: its own random stream, so it can be generated alone. */
    ApiPost post(int number) {
        Random r = new Random(seed * 1_000_003L + number);
        int category = r.nextInt(100);
        Route route = route(r);
        Credential credential = Credential.MAIN;
        int slot = number;
        String authorization = null;
        String contentType = "application/json";
        String key = route.takesKey && r.nextInt(100) < 30 ? "abuse-" + number + "-" + Long.toString(seed, 36) : null;
        String path = route.path;
        List<Fault> faults = new ArrayList<>();
        ObjectNode tree = base(route.shape);
        byte[] body;

        if (category < 7) {
            // before the body is read: the body carries a fault of its own on a route that could send (hidden), and is
            // the unspoiled one on a preview, so that only the transport check stands between it and an answer
            // (a small body: the answer comes before the body is read, and a large one would still be on its way)
            for (int attempt = 0; !route.preview && attempt < 10; attempt++) {
                tree = base(route.shape);
                faults.clear();
                addFieldFaults(r, route, tree, faults, 1);
                if (writeText(tree).length() <= 16_384) {
                    break;
                }
            }
            Fault transport;
            int which = r.nextInt(route.takesKey ? 5 : route.consumesJson ? 4 : 3);
            switch (which) {
                case 0, 1 -> {
                    String[] auth = authorizationFault(r);
                    credential = Credential.valueOf(auth[0]);
                    authorization = auth[1];
                    transport = transport("token", auth[2]);
                }
                case 2 -> {
                    credential = Credential.READER;
                    transport = transport("token", "auditor-only");
                }
                case 3 -> {
                    if (route.consumesJson) {
                        contentType = pick(r, BAD_CONTENT_TYPES);
                        transport = transport("content-type", "not-json");
                    } else {
                        key = pick(r, BAD_KEYS).replace("LONG", "k".repeat(129));
                        transport = transport("idempotency-key", "malformed");
                    }
                }
                default -> {
                    if (r.nextBoolean()) {
                        key = pick(r, BAD_KEYS).replace("LONG", "k".repeat(129));
                        transport = transport("idempotency-key", "malformed");
                    } else {
                        credential = Credential.KEYED;
                        key = SETUP_KEY;
                        transport = transport("idempotency-key", "reused-with-another-body");
                    }
                }
            }
            faults.add(0, transport);
            body = write(r, tree);
        } else if (category < 9) {
            String[] sub = subRoute(r);
            route = Route.valueOf(sub[0]);
            path = sub[1];
            key = null;
            tree = base(route.shape);
            faults.add(transport("route", sub[2]));
            body = write(r, tree);
        } else if (category < 17) {
            body = syntaxFault(r, route, tree, faults);
        } else if (category < 22) {
            body = sizeFault(r, route, tree, faults);
        } else {
            int count = r.nextInt(100) < 75 ? 1 : r.nextInt(100) < 80 ? 2 : 3;
            addFieldFaults(r, route, tree, faults, count);
            body = write(r, tree);
        }
        if (route.consumesJson && contentType != null && contentType.equals("application/json")
                && r.nextInt(100) < 5) {
            contentType = null; // no Content-Type at all: the body is read as JSON all the same
        }
        return new ApiPost(number, route, route.method, path, credential, slot, authorization, contentType, key, body,
                List.copyOf(faults), expect(route, faults));
    }

    // --- checking an answer ---

    /**
     * Why {@code answer} is not the refusal {@code post} must get, or null when it is: never a 5xx, never accepted (no
     * 2xx on a route that sends), the expected status, {@code application/problem+json} with the expected {@code type}
     * and {@code status} for a refusal (a preview's findings as JSON with {@code sendable}), and the violations naming
     * the wire paths of the faults (every fault the code reaches; for type errors, reported one at a time, one of them).
     */
    static String verdict(ApiPost post, int status, String contentType, String wwwAuthenticate, String retryAfter,
                          String answer) {
        Expected expected = post.expected();
        if (status >= 500) {
            return "server error " + status + " " + abbreviate(answer);
        }
        if (status == 429) {
            return "rate limited (Retry-After " + retryAfter + "): the test's token pool is too small for the limit";
        }
        if (!post.route().preview && status >= 200 && status < 300) {
            return "ACCEPTED with " + status + ": it was recorded or sent " + abbreviate(answer);
        }
        if (status != expected.status()) {
            return "expected " + expected.status() + " " + (expected.problemType() == null ? "findings"
                    : expected.problemType()) + ", got " + status + " " + abbreviate(answer);
        }
        JsonNode node;
        try {
            node = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            return "not JSON: " + abbreviate(answer);
        }
        String type = contentType == null ? "" : contentType;
        if (expected.problemType() != null) {
            if (!type.startsWith("application/problem+json")) {
                return "expected application/problem+json, got " + type;
            }
            if (!expected.problemType().equals(node.path("type").asText()) || node.path("status").asInt() != status) {
                return "expected problem " + expected.problemType() + ", got " + abbreviate(answer);
            }
            if (status == 401 && (wwwAuthenticate == null || !wwwAuthenticate.startsWith("Bearer"))) {
                return "401 without WWW-Authenticate: Bearer";
            }
        } else {
            if (!type.startsWith("application/json")) {
                return "expected application/json findings, got " + type;
            }
            if (node.path("sendable").asBoolean(!expected.sendable()) != expected.sendable()) {
                return "expected sendable " + expected.sendable() + ", got " + abbreviate(answer);
            }
        }
        List<String> paths = new ArrayList<>();
        node.path("violations").forEach(v -> paths.add(v.path("path").asText()));
        for (Fault fault : expected.named()) {
            if (!named(paths, fault)) {
                return "no violation names " + fault.field() + ":" + fault.kind() + " " + fault.reportedAs()
                        + "; violations: " + paths;
            }
        }
        if (!expected.oneOf().isEmpty()
                && (paths.size() != 1 || expected.oneOf().stream().noneMatch(f -> named(paths, f)))) {
            return "expected one violation naming one of " + expected.oneOf().stream().map(Fault::reportedAs).toList()
                    + ", got " + paths;
        }
        return null;
    }

    private static boolean named(List<String> paths, Fault fault) {
        return paths.stream().anyMatch(p -> fault.reportedAs().stream().anyMatch(r -> BadFormPosts.names(p, r)));
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }

    // --- what the API answers ---

    /** How the API answers a request to {@code route} with {@code faults}, from the code's order of checks. */
    static Expected expect(Route route, List<Fault> faults) {
        Stage first = faults.stream().map(Fault::stage).min(Enum::compareTo).orElseThrow();
        List<Fault> atFirst = faults.stream().filter(f -> f.stage() == first).toList();
        switch (first) {
            case TRANSPORT -> {
                Fault t = atFirst.get(0);
                return switch (t.field() + ":" + t.kind()) {
                    case "token:auditor-only" -> problem(403, "forbidden");
                    case "content-type:not-json" -> problem(415, "http-415");
                    case "idempotency-key:malformed" -> problem(400, "bad-idempotency-key");
                    case "idempotency-key:reused-with-another-body" -> problem(422, "idempotency-key-reused");
                    default -> t.field().equals("route") ? problem(404, "not-found") : problem(401, "unauthenticated");
                };
            }
            case SIZE -> {
                return problem(413, "body-too-large");
            }
            case SYNTAX -> {
                return problem(400, "malformed-json");
            }
            case TOP_UNKNOWN, NESTED_UNKNOWN -> {
                return new Expected(400, "urn:policy-console:problem:unknown-field", null, atFirst, List.of());
            }
            case TOP_TYPE, RULE_SHAPE, NESTED_TYPE, ACK_TYPE -> {
                return new Expected(422, "urn:policy-console:problem:invalid-request", null, List.of(), atFirst);
            }
            default -> {
                List<Fault> checked = faults.stream().filter(f -> !f.maskedIn(faults)).toList();
                boolean errors = faults.stream().anyMatch(f -> f.stage() == Stage.LATE || f.severity() == Severity.ERROR);
                if (route.preview) {
                    return new Expected(200, null, !errors, checked, List.of());
                }
                return new Expected(errors ? 422 : 409, "urn:policy-console:problem:"
                        + (errors ? "invalid-request" : "unacknowledged-warnings"), null, checked, List.of());
            }
        }
    }

    private static Expected problem(int status, String kind) {
        return new Expected(status, "urn:policy-console:problem:" + kind, null, List.of(), List.of());
    }

    private static Fault transport(String field, String kind) {
        return new Fault(field, kind, Stage.TRANSPORT, Severity.ERROR, List.of(), Set.of());
    }

    // --- choosing ---

    private static Route route(Random r) {
        int n = r.nextInt(100);
        if (n < 86) {
            return List.of(Route.POLICY_CREATE, Route.POLICY_PREVIEW, Route.POLICY_CREATE, Route.POLICY_PREVIEW,
                    Route.BUILTIN_CREATE, Route.BUILTIN_PREVIEW, Route.CUSTOM_CREATE, Route.CUSTOM_PREVIEW)
                    .get(r.nextInt(8));
        }
        List<Route> others = List.of(Route.RULE_UPDATE, Route.RULE_UPDATE_PREVIEW, Route.RULE_DISABLE,
                Route.RULE_DELETE_PREVIEW, Route.BLOCKS_REMOVE, Route.BLOCKS_REMOVE_PREVIEW, Route.BLOCKS_AGEING,
                Route.BLOCKS_AGEING_PREVIEW);
        return others.get(r.nextInt(others.size()));
    }

    /** {credential, Authorization header or null, fault kind}. */
    private static String[] authorizationFault(Random r) {
        return switch (r.nextInt(11)) {
            case 0 -> new String[] {"LITERAL", null, "absent"};
            case 1 -> new String[] {"LITERAL", pick(r, List.of("Basic YWRtaW46YWRtaW4=", "Token pc_1_x", "Digest x",
                    "pc_1_" + "A".repeat(43), "Bearer", "Bearer ")), "not-bearer"};
            case 2 -> new String[] {"LITERAL", "Bearer " + pick(r, GARBAGE_TOKENS).replace("LONG", "x".repeat(6000)),
                    "garbage"};
            case 3, 4 -> new String[] {"LITERAL", "Bearer pc_" + (900_000_000 + r.nextInt(99_999_999)) + "_"
                    + urlSafe(r, 43), "unknown-well-formed"};
            case 5 -> new String[] {"TAMPERED", null, "tampered"};
            case 6, 7 -> new String[] {"REVOKED", null, "revoked"};
            case 8, 9 -> new String[] {"EXPIRED", null, "expired"};
            default -> new String[] {"SESSION", null, "session-cookie-instead"};
        };
    }

    /** {route whose shape the body has, path, kind}: sub-routes that do not exist, answered 404 before the body. */
    private static String[] subRoute(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new String[] {"POLICY_CREATE", "/api/v1/emergency-policies/" + pick(r, BAD_ENTRIES) + "/retry",
                    "retry-of-no-entry"};
            case 1 -> new String[] {"RULE_DISABLE", "/api/v1/config-rules/" + ABSENT_RULE + "/" + pick(r, BAD_ACTIONS),
                    "no-such-action"};
            case 2 -> new String[] {"RULE_DELETE_PREVIEW", "/api/v1/config-rules/" + ABSENT_RULE + "/"
                    + pick(r, BAD_ACTIONS) + "/preview", "no-such-action-preview"};
            default -> new String[] {"BLOCKS_REMOVE_PREVIEW", "/api/v1/blocks/" + pick(r, BAD_CHANGES) + "/preview",
                    "no-such-change"};
        };
    }

    private void addFieldFaults(Random r, Route route, ObjectNode tree, List<Fault> faults, int count) {
        List<FieldSpec> fields = new ArrayList<>(catalog.get(route.shape));
        List<List<String>> edited = new ArrayList<>();
        for (int i = 0; i < count && !fields.isEmpty(); i++) {
            FieldSpec field = fields.remove(r.nextInt(fields.size()));
            Kind kind = field.kinds().get(r.nextInt(field.kinds().size()));
            if (kind.exclusive() && i > 0) {
                break;
            }
            List<Edit> edits = kind.edits().apply(r);
            // a fault that would overwrite another one's field (or the object holding it, or a part of it) is left out
            if (edits.stream().map(e -> steps(e.path())).anyMatch(p -> edited.stream().anyMatch(q -> overlap(p, q)))) {
                continue;
            }
            edits.forEach(e -> edited.add(steps(e.path())));
            if (apply(tree, edits)) {
                faults.add(new Fault(field.name(), kind.name(), kind.stage(), kind.severity(), kind.reportedAs(),
                        field.maskedBy()));
            }
            if (kind.exclusive()) {
                break;
            }
        }
        if (faults.isEmpty()) {
            throw new IllegalStateException("no fault applied to " + route);
        }
    }

    // --- syntax and size ---

    private byte[] syntaxFault(Random r, Route route, ObjectNode tree, List<Fault> faults) {
        String text = writeText(tree);
        String kind;
        String out;
        switch (r.nextInt(9)) {
            case 0 -> {
                kind = "truncated";
                out = text.substring(0, 1 + r.nextInt(text.length() - 1));
            }
            case 1, 2 -> {
                kind = "malformed";
                out = malformed(r, text);
            }
            case 3 -> {
                kind = "duplicate-key";
                String firstKey = tree.fieldNames().next();
                String nested = switch (route.shape) {
                    case POLICY -> "\"data_object\":{";
                    case BUILTIN, CUSTOM, UPDATE -> "\"rule\":{";
                    default -> null;
                };
                out = nested != null && r.nextBoolean()
                        ? text.replace(nested, nested + "\"description\":\"twice\",\"description\":\"thrice\",")
                        : text.substring(0, text.length() - 1) + ",\"" + firstKey + "\":null}";
            }
            case 4 -> {
                kind = "too-deep";
                int depth = 1_001 + r.nextInt(3_000);
                String deep = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                out = r.nextBoolean() ? deep : "{\"deep\":" + deep + "," + text.substring(1);
            }
            case 5 -> {
                kind = "number-too-long";
                out = "{\"n\":" + (r.nextBoolean() ? "-" : "") + "9".repeat(1_001 + r.nextInt(2_000)) + ","
                        + text.substring(1);
            }
            case 6 -> {
                kind = "not-an-object";
                List<String> values = new ArrayList<>(List.of("[]", "[" + text + "]", "\"" + text.replace("\"", "'")
                        + "\"", "42", "null", "true", "-0.5e3"));
                if (route.shape != Shape.OPERATION) {
                    values.add(""); // a blank body is an empty operation there, which is not a fault
                    values.add("  ");
                }
                out = pick(r, values);
            }
            case 7 -> {
                kind = "invalid-utf8-between-tokens";
                faults.add(new Fault("body", kind, Stage.SYNTAX, Severity.ERROR, List.of(), Set.of()));
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                int at = r.nextBoolean() ? 1 : bytes.length - 1;
                b.write(bytes, 0, at);
                b.writeBytes(INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
                b.write(bytes, at, bytes.length - at);
                return b.toByteArray();
            }
            default -> {
                kind = "raw-control-character";
                int quote = text.indexOf('"');
                out = text.substring(0, quote + 1) + (char) (1 + r.nextInt(31)) + text.substring(quote + 1);
            }
        }
        faults.add(new Fault("body", kind, Stage.SYNTAX, Severity.ERROR, List.of(), Set.of()));
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String malformed(Random r, String text) {
        return switch (r.nextInt(14)) {
            case 0 -> text.replaceFirst(":", "=");
            case 1 -> text.replaceFirst("\"([^\"]*)\":", "'$1':");
            case 2 -> text.substring(0, text.length() - 1) + ",}";
            case 3 -> text.contains(",") ? text.replaceFirst(",", "") : text.replaceFirst(":", " ");
            case 4 -> text.replaceFirst("\"([A-Za-z_]+)\":", "$1:");
            case 5 -> "{/* abuse */" + text.substring(1);
            case 6 -> "]" + text;
            case 7 -> "{\"a\":undefined," + text.substring(1);
            case 8 -> "{\"a\":NaN," + text.substring(1);
            case 9 -> "{\"a\":0x10," + text.substring(1);
            case 10 -> "{\"a\":012," + text.substring(1);
            case 11 -> "{" + text;
            case 12 -> text.substring(0, text.length() - 1);
            default -> text.replace("\"", "'");
        };
    }

    private byte[] sizeFault(Random r, Route route, ObjectNode tree, List<Fault> faults) {
        String padding = switch (route.shape) {
            case POLICY -> "data_object.description";
            case BUILTIN, CUSTOM, UPDATE -> "rule.description";
            default -> "padding";
        };
        int choice = r.nextInt(route.checksContent() ? 6 : 5);
        if (choice == 5) {
            // exactly the limit: read, and refused for the long description only
            byte[] exact = padded(tree, padding, BODY_LIMIT, false);
            faults.add(new Fault("description", "at-the-size-limit", Stage.RULES, Severity.ERROR,
                    List.of(route.shape == Shape.POLICY ? "data_object.description" : "description"), Set.of()));
            return exact;
        }
        String kind;
        int target;
        boolean multibyte = false;
        switch (choice) {
            case 0 -> {
                kind = "one-byte-over";
                target = BODY_LIMIT + 1;
            }
            case 1 -> {
                kind = "over";
                target = BODY_LIMIT + 1 + r.nextInt(60_000);
            }
            case 2 -> {
                kind = "far-over";
                target = 400_000 + r.nextInt(600_000);
            }
            case 3 -> {
                kind = "over-in-bytes-not-characters";
                target = BODY_LIMIT + 1 + r.nextInt(2_000);
                multibyte = true;
            }
            default -> {
                kind = "over-with-a-fault-inside";
                addFieldFaults(r, route, tree, faults, 1);
                faults.clear();
                target = BODY_LIMIT + 1 + r.nextInt(10_000);
            }
        }
        faults.add(new Fault("body", kind, Stage.SIZE, Severity.ERROR, List.of(), Set.of()));
        return padded(tree, padding, target, multibyte);
    }

    /** The body with the field at {@code path} padded so that the body is {@code target} bytes (at least, multibyte). */
    private byte[] padded(ObjectNode tree, String path, int target, boolean multibyte) {
        if (!apply(tree, List.of(new Edit(path, NODES.textNode(""), false)))) {
            apply(tree, List.of(new Edit("padding", NODES.textNode(""), false)));
            path = "padding";
        }
        int empty = writeText(tree).getBytes(StandardCharsets.UTF_8).length;
        String fill = multibyte ? "\u00e9".repeat((target - empty + 1) / 2) : "d".repeat(target - empty);
        apply(tree, List.of(new Edit(path, NODES.textNode(fill), false)));
        return writeText(tree).getBytes(StandardCharsets.UTF_8);
    }

    // --- writing ---

    /** The body as sent: raw values put in, invalid UTF-8 put where marked. */
    private static byte[] write(Random r, ObjectNode tree) {
        byte[] bytes = writeText(tree).getBytes(StandardCharsets.UTF_8);
        byte[] marker = BAD_UTF8.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == marker[0] && i + marker.length <= bytes.length
                    && Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                out.writeBytes(INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
                i += marker.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static String writeText(ObjectNode tree) {
        try {
            Matcher raw = RAW.matcher(JSON.writeValueAsString(tree));
            return raw.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies the edits; false when a field's parent is not an object or array of the body (so nothing was spoiled). */
    private static boolean apply(ObjectNode root, List<Edit> edits) {
        for (Edit edit : edits) {
            List<String> steps = steps(edit.path());
            JsonNode parent = root;
            for (int i = 0; i < steps.size() - 1 && parent != null; i++) {
                parent = child(parent, steps.get(i));
            }
            String last = steps.get(steps.size() - 1);
            if (parent instanceof ObjectNode o && !last.startsWith("[")) {
                if (edit.remove()) {
                    o.remove(last);
                } else {
                    o.set(last, edit.value());
                }
            } else if (parent instanceof ArrayNode a && last.startsWith("[")) {
                int index = Integer.parseInt(last.substring(1, last.length() - 1));
                if (index >= a.size()) {
                    return false;
                }
                if (edit.remove()) {
                    a.remove(index);
                } else {
                    a.set(index, edit.value());
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** Whether one path is the other or inside it. */
    private static boolean overlap(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        return a.subList(0, n).equals(b.subList(0, n));
    }

    private static JsonNode child(JsonNode parent, String step) {
        if (step.startsWith("[")) {
            int index = Integer.parseInt(step.substring(1, step.length() - 1));
            return parent.isArray() && index < parent.size() ? parent.get(index) : null;
        }
        return parent.isObject() ? parent.get(step) : null;
    }

    /** {@code a.b[0].c} → a, b, [0], c. */
    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                if (bracket > 0) {
                    steps.add(part.substring(0, bracket));
                }
                Matcher m = Pattern.compile("\\[\\d+]").matcher(part.substring(bracket));
                while (m.find()) {
                    steps.add(m.group());
                }
            }
        }
        return steps;
    }

    // --- the catalogue ---

    private static List<FieldSpec> specs(Shape shape) {
        return switch (shape) {
            case POLICY -> policySpecs();
            case BUILTIN -> ruleSpecs(true);
            case CUSTOM -> ruleSpecs(false);
            case UPDATE -> updateSpecs();
            case OPERATION -> List.of(
                    spec("unknown", Set.of(), unknownTop("reason", "force", "colour", "acknowledge", "")),
                    spec("acknowledge_warnings", Set.of(), wrongType("acknowledge_warnings", Stage.ACK_TYPE,
                            "acknowledge_warnings", BOOLEAN_WRONG)));
            case REMOVAL -> List.of(
                    spec("unknown", Set.of(), unknownTop("policy_id", "ids", "batch_ids", "colour")),
                    spec("policy_ids", Set.of(),
                            kind("missing", Stage.TOP_TYPE, "policy_ids", r -> List.of(new Edit("policy_ids", null, true))),
                            kind("not-an-array", Stage.TOP_TYPE, "policy_ids", r -> set("policy_ids",
                                    pick(r, List.of(text("abuse-policy-1"), NODES.numberNode(42), NODES.objectNode(),
                                            NODES.booleanNode(true))))),
                            kind("501-ids", Stage.TOP_TYPE, "policy_ids", r -> {
                                ArrayNode ids = NODES.arrayNode();
                                for (int i = 0; i < 501; i++) {
                                    ids.add("abuse-policy-" + i);
                                }
                                return set("policy_ids", ids);
                            }),
                            kind("bad-id", Stage.TOP_TYPE, "policy_ids", r -> set("policy_ids", NODES.arrayNode()
                                    .add("abuse-policy-1").add(pick(r, List.of(NODES.numberNode(7), text(""),
                                            text(pick(r, GARBAGE)), text("x".repeat(257)), text("abuse policy"),
                                            text("abuse" + BAD_UTF8), NODES.nullNode(), NODES.arrayNode())))))),
                    spec("acknowledge_warnings", Set.of(), wrongType("acknowledge_warnings", Stage.ACK_TYPE,
                            "acknowledge_warnings", BOOLEAN_WRONG)));
            case AGEING -> List.of(
                    spec("unknown", Set.of(), unknownTop("policy_ids", "block_age", "colour")),
                    spec("policy_id", Set.of(), wrongType("policy_id", Stage.TOP_TYPE, "policy_id", STRING_WRONG)),
                    spec("ageing", Set.of(),
                            wrongType("ageing", Stage.TOP_TYPE, "ageing", STRING_WRONG),
                            kind("not-understood", Stage.NESTED_TYPE, "ageing", r -> set("ageing",
                                    text(pick(r, BAD_AGEINGS)))),
                            kind("longer-than-256", Stage.NESTED_TYPE, "ageing", r -> set("ageing",
                                    text("24h" + " ".repeat(300))))),
                    spec("acknowledge_warnings", Set.of(), wrongType("acknowledge_warnings", Stage.ACK_TYPE,
                            "acknowledge_warnings", BOOLEAN_WRONG)));
        };
    }

    private static List<FieldSpec> policySpecs() {
        List<FieldSpec> all = new ArrayList<>();
        String d = "data_object.";
        for (String id : List.of("project_id", "workspace_id")) {
            all.add(spec(id, Set.of(),
                    rules("garbage", id, id, r -> text(pick(r, GARBAGE))),
                    rules("over-64", id, id, r -> text("a".repeat(65))),
                    rules("control", id, id, r -> text("sandbox" + control(r) + "workspace")),
                    rules("mixed-script", id, id, r -> text(homoglyph(r, "sandbox-workspace"))),
                    rules("invalid-utf8", id, id, r -> text("sandbox" + BAD_UTF8 + "workspace")),
                    wrongType(id, Stage.TOP_TYPE, id, STRING_WRONG)));
        }
        all.add(spec("secmaster_version", Set.of(),
                rules("malformed", "secmaster_version", "x-secmaster-version", r -> text(pick(r, BAD_VERSIONS))),
                rules("control", "secmaster_version", "x-secmaster-version", r -> text("25.5" + control(r) + ".0")),
                rules("mixed-script", "secmaster_version", "x-secmaster-version", r -> text(homoglyph(r, "25.5.0"))),
                rules("garbage", "secmaster_version", "x-secmaster-version", r -> text(pick(r, GARBAGE))),
                rules("invalid-utf8", "secmaster_version", "x-secmaster-version", r -> text("25." + BAD_UTF8 + "5.0")),
                wrongType("secmaster_version", Stage.TOP_TYPE, "secmaster_version", STRING_WRONG)));
        all.add(spec("acknowledge_warnings", Set.of(),
                wrongType("acknowledge_warnings", Stage.TOP_TYPE, "acknowledge_warnings", BOOLEAN_WRONG)));
        all.add(spec("unknown", Set.of(), unknownTop("colour", "dataObject", "DATA_OBJECT", "data_object ", "",
                "__proto__", "action_type", "<script>")));
        all.add(spec("data_object", Set.of(),
                exclusive(kind("missing", Stage.RULES, "data_object", r -> List.of(new Edit("data_object", null, true)))),
                exclusive(kind("null", Stage.RULES, "data_object", r -> set("data_object", NODES.nullNode()))),
                exclusive(wrongType("data_object", Stage.NESTED_TYPE, "data_object", OBJECT_WRONG))));
        all.add(new FieldSpec("unknown-inside", Set.of(), unknownInside(d, "colour", "Block_Target", "policy_id",
                "ageing", "action_type", "<img src=x>")));
        all.add(spec("region_id", Set.of(),
                kind("missing", Stage.RULES, d + "region_id", r -> List.of(new Edit(d + "region_id", null, true))),
                rules("blank", d + "region_id", d + "region_id", r -> text(pick(r, List.of("", " ", "\t")))),
                rules("over-64", d + "region_id", d + "region_id", r -> text("cn-north-" + "a".repeat(60))),
                rules("control", d + "region_id", d + "region_id", r -> text("cn-north" + control(r) + "-7")),
                warning("garbage", d + "region_id", r -> text(pick(r, GARBAGE))),
                warning("mixed-script", d + "region_id", r -> text(homoglyph(r, "cn-north-7"))),
                wrongType(d + "region_id", Stage.NESTED_TYPE, d + "region_id", STRING_WRONG)));
        all.add(spec("block_target", Set.of("policy_type"),
                rules("malformed-ip", d + "block_target", d + "block_target", r -> text(pick(r, BAD_IPS))),
                rules("bad-ip-among-good", d + "block_target", d + "block_target",
                        r -> text("58.1.2.4, " + pick(r, BAD_IPS) + ",58.1.2.5")),
                rules("empty-object", d + "block_target", d + "block_target",
                        r -> text(pick(r, List.of("58.1.2.4,,58.1.2.5", "58.1.2.4,", ",58.1.2.4", ",")))),
                rules("control", d + "block_target", d + "block_target", r -> text("58.1." + control(r) + "2.3")),
                rules("mixed-script", d + "block_target", d + "block_target", r -> text(homoglyph(r, TARGET))),
                rules("garbage", d + "block_target", d + "block_target", r -> text(pick(r, GARBAGE))),
                rules("invalid-utf8", d + "block_target", d + "block_target", r -> text("58.1." + BAD_UTF8 + "2.3")),
                rules("longer-than-100000", d + "block_target", d + "block_target",
                        r -> text("5".repeat(100_001 + r.nextInt(50_000)))),
                kind("missing", Stage.RULES, d + "block_target", r -> List.of(new Edit(d + "block_target", null, true))),
                rules("blank", d + "block_target", d + "block_target", r -> text(pick(r, List.of("", " ")))),
                warning("listed-twice", d + "block_target", r -> text(TARGET + "," + TARGET)),
                kind("501-objects", Stage.LATE, d + "block_target", r -> set(d + "block_target",
                        text(fiveHundredOne()))),
                kind("blocks-everything", Stage.LATE, d + "block_target", r -> set(d + "block_target",
                        text(r.nextBoolean() ? "0.0.0.0/0" : "::/0"))),
                wrongType(d + "block_target", Stage.NESTED_TYPE, d + "block_target", STRING_WRONG),
                kind("an-array-of-objects", Stage.NESTED_TYPE, d + "block_target", r -> set(d + "block_target",
                        NODES.arrayNode().add(TARGET).add("58.1.2.4")))));
        all.add(spec("policy_category", Set.of(),
                rules("not-a-category", d + "policy_category", d + "policy_category",
                        r -> text(pick(r, List.of("BLACK", "block", "White", "BLOCK,WHITE", "ALLOW", "0", "BLOCK ")))),
                rules("garbage", d + "policy_category", d + "policy_category", r -> text(pick(r, GARBAGE))),
                rules("mixed-script", d + "policy_category", d + "policy_category", r -> text(homoglyph(r, "BLOCK"))),
                rules("control", d + "policy_category", d + "policy_category", r -> text("BLO" + control(r) + "CK")),
                rules("invalid-utf8", d + "policy_category", d + "policy_category", r -> text("BL" + BAD_UTF8 + "OCK")),
                rules("blank", d + "policy_category", d + "policy_category", r -> text("")),
                kind("missing", Stage.RULES, d + "policy_category",
                        r -> List.of(new Edit(d + "policy_category", null, true))),
                wrongType(d + "policy_category", Stage.NESTED_TYPE, d + "policy_category", STRING_WRONG)));
        String type = d + "policy_type";
        all.add(spec("policy_type", Set.of(),
                rules("not-a-type", type + ".policy_type", type,
                        r -> text(pick(r, List.of("Source IP", "source ip", "SourceIp", "Mac Address", "Ip", "Port")))),
                rules("garbage", type + ".policy_type", type, r -> text(pick(r, GARBAGE))),
                rules("mixed-script", type + ".policy_type", type, r -> text(homoglyph(r, "Source Ip"))),
                rules("invalid-utf8", type + ".policy_type", type, r -> text("Source" + BAD_UTF8 + " Ip")),
                kind("missing-inside", Stage.RULES, type, r -> List.of(new Edit(type + ".policy_type", null, true))),
                kind("missing", Stage.RULES, type, r -> List.of(new Edit(type, null, true))),
                wrongType(type, Stage.NESTED_TYPE, type, OBJECT_WRONG),
                wrongType(type + ".policy_type", Stage.NESTED_TYPE, type + ".policy_type", STRING_WRONG),
                kind("unknown-inside", Stage.NESTED_UNKNOWN, type + ".block_type", r -> set(type + ".block_type",
                        text("Source Ip")))));
        String age = d + "block_age";
        all.add(spec("block_age", Set.of(),
                kind("missing", Stage.RULES, age, r -> List.of(new Edit(age, null, true))),
                kind("flag-missing", Stage.RULES, age + ".is_block_ageing",
                        r -> List.of(new Edit(age + ".is_block_ageing", null, true))),
                kind("instant-malformed", Stage.RULES, age + ".block_ageing", r -> List.of(
                        new Edit(age + ".is_block_ageing", NODES.booleanNode(true), false),
                        new Edit(age + ".block_ageing", text(pick(r, BAD_MILLIS)), false))),
                kind("instant-without-ageing", Stage.RULES, age + ".block_ageing", r -> set(age + ".block_ageing",
                        text("4102444800000"))),
                kind("ageing-without-instant", Stage.RULES, age + ".block_ageing", r -> List.of(
                        new Edit(age + ".is_block_ageing", NODES.booleanNode(true), false),
                        new Edit(age + ".block_ageing", r.nextBoolean() ? NODES.nullNode() : text(""), false))),
                kind("in-the-past", Stage.LATE, age + ".block_ageing", r -> List.of(
                        new Edit(age + ".is_block_ageing", NODES.booleanNode(true), false),
                        new Edit(age + ".block_ageing", text(pick(r, List.of("1000", "0", "1700000000000"))), false))),
                wrongType(age, Stage.NESTED_TYPE, age, OBJECT_WRONG),
                wrongType(age + ".is_block_ageing", Stage.NESTED_TYPE, age + ".is_block_ageing", BOOLEAN_WRONG),
                kind("instant-a-number", Stage.NESTED_TYPE, age + ".block_ageing", r -> List.of(
                        new Edit(age + ".is_block_ageing", NODES.booleanNode(true), false),
                        new Edit(age + ".block_ageing", pick(r, List.of(NODES.numberNode(4102444800000L),
                                NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                                NODES.numberNode(1.0e308))), false))),
                kind("unknown-inside", Stage.NESTED_UNKNOWN, age + ".ageing", r -> set(age + ".ageing", text("24h")))));
        String c = d + "defense_policy_list";
        List<Kind> connection = new ArrayList<>(List.of(
                kind("missing", Stage.RULES, c, r -> List.of(new Edit(c, null, true))),
                kind("empty", Stage.RULES, c, r -> set(c, NODES.arrayNode())),
                kind("null-entry", Stage.RULES, c + "[0]", r -> set(c, NODES.arrayNode().addNull())),
                wrongType(c, Stage.NESTED_TYPE, c, LIST_WRONG),
                kind("entry-not-an-object", Stage.NESTED_TYPE, c + "[0]", r -> set(c + "[0]",
                        pick(r, List.of(text(CFW), NODES.numberNode(1), NODES.arrayNode().add(CFW))))),
                // a connection's fields are the configured connection's: another defense_type is refused
                rules("unknown-layer", c + "[0].defense_type", c + "[0].defense_type", r -> text(pick(r, List.of(
                        "FIREWALL", "WAF2", "<script>window.__xss=1</script>", "' OR '1'='1", "CFW,WAF")))),
                kind("listed-twice", Stage.RULES, Severity.WARNING, c + "[1].defense_connection_id",
                        r -> set(c, NODES.arrayNode().add(cfwConnection()).add(cfwConnection()))),
                kind("unknown-inside", Stage.NESTED_UNKNOWN, c + "[0].defense_policy_id",
                        r -> set(c + "[0].defense_policy_id", text("x")))));
        for (String f : List.of("defense_connection_id", "defense_connection_name", "defense_type",
                "target_enterprise_id", "target_enterprise_name", "target_project_id", "target_project_name",
                "defense_connection_region_id", "defense_connection_region_name")) {
            String p = c + "[0]." + f;
            if (f.equals("defense_connection_id")) {
                // the other fields, left out, are filled in from the configured connection the ID names
                connection.add(kind(f + "-missing", Stage.RULES, p, r -> List.of(new Edit(p, null, true))));
            }
            connection.add(rules(f + "-blank", p, p, r -> text("")));
            connection.add(rules(f + "-over-255", p, p, r -> text("m".repeat(256))));
            connection.add(rules(f + "-control", p, p, r -> text("manual" + control(r) + "-value")));
            connection.add(wrongType(p, Stage.NESTED_TYPE, p, STRING_WRONG));
        }
        all.add(new FieldSpec("defense_policy_list", Set.of(), connection));
        // a layer that does not enforce IP blocks: not the configured connection's layer, so refused
        all.add(spec("defense_layer", Set.of("policy_type"),
                rules("layer-not-for-ips", c + "[0].defense_type", c + "[0].defense_type", r -> text("IAM"))));
        all.add(spec("description", Set.of(),
                rules("over-1024", d + "description", d + "description", r -> text("d".repeat(1_025))),
                rules("control", d + "description", d + "description",
                        r -> text("incident\nSEC-" + multilineControl(r) + "1")),
                wrongType(d + "description", Stage.NESTED_TYPE, d + "description", STRING_WRONG)));
        all.add(spec("labels", Set.of(),
                rules("over-1024", d + "labels", d + "labels", r -> text("l".repeat(1_025))),
                rules("control", d + "labels", d + "labels", r -> text("abuse" + control(r) + "label")),
                wrongType(d + "labels", Stage.NESTED_TYPE, d + "labels", STRING_WRONG)));
        all.add(spec("policy_direction", Set.of(),
                rules("not-a-direction", d + "policy_direction", d + "policy_direction",
                        r -> text(pick(r, List.of("INBOUND", "ingress", "EGRESS,INGRESS", "BOTH", "INGRESS, EGRESS")))),
                rules("garbage", d + "policy_direction", d + "policy_direction", r -> text(pick(r, GARBAGE))),
                rules("mixed-script", d + "policy_direction", d + "policy_direction", r -> text(homoglyph(r, "INGRESS"))),
                rules("control", d + "policy_direction", d + "policy_direction", r -> text("INGR" + control(r) + "ESS")),
                rules("invalid-utf8", d + "policy_direction", d + "policy_direction", r -> text("INGR" + BAD_UTF8 + "ESS")),
                wrongType(d + "policy_direction", Stage.NESTED_TYPE, d + "policy_direction", STRING_WRONG)));
        for (String scope : List.of("account_scope", "eps_scope", "region_scope")) {
            String p = d + scope;
            all.add(spec(scope, Set.of(),
                    rules("over-255", p, p, r -> text("a".repeat(256))),
                    rules("control", p, p, r -> text("3bb27e02" + control(r) + "4693436da46b5f5aaf499060")),
                    warning("garbage", p, r -> text(pick(r, GARBAGE))),
                    wrongType(p, Stage.NESTED_TYPE, p, STRING_WRONG)));
        }
        all.add(spec("retry_list", Set.of(),
                kind("not-a-list", Stage.NESTED_TYPE, d + "retry_list", r -> set(d + "retry_list",
                        pick(r, List.of(text("abc"), NODES.objectNode(), NODES.numberNode(1))))),
                kind("entry-not-a-string", Stage.NESTED_TYPE, d + "retry_list", r -> set(d + "retry_list",
                        NODES.arrayNode().add(pick(r, List.of(NODES.numberNode(1), NODES.booleanNode(true),
                                NODES.objectNode())))))));
        return all;
    }

    private static List<FieldSpec> ruleSpecs(boolean builtin) {
        List<FieldSpec> all = new ArrayList<>();
        String u = "rule.";
        all.add(spec("domain_id", Set.of(),
                rules("blank", "domain_id", "domain_id", r -> text("")),
                rules("over-36", "domain_id", "domain_id", r -> text("d".repeat(37))),
                rules("garbage", "domain_id", "domain_id", r -> text(pick(r, GARBAGE))),
                rules("control", "domain_id", "domain_id", r -> text("0a1b2c3d" + control(r) + "4e5f6071")),
                rules("mixed-script", "domain_id", "domain_id", r -> text(homoglyph(r, DOMAIN_ID))),
                rules("invalid-utf8", "domain_id", "domain_id", r -> text("0a1b" + BAD_UTF8 + "2c3d")),
                wrongType("domain_id", Stage.TOP_TYPE, "domain_id", STRING_WRONG)));
        all.add(spec("unknown", Set.of(), unknownTop("rules", "Rule", "domainId", "rule ", "trigger", "")));
        all.add(spec("acknowledge_warnings", Set.of(),
                wrongType("acknowledge_warnings", Stage.ACK_TYPE, "acknowledge_warnings", BOOLEAN_WRONG)));
        all.add(spec("rule", Set.of(),
                exclusive(kind("missing", Stage.RULE_SHAPE, "rule", r -> List.of(new Edit("rule", null, true)))),
                exclusive(kind("not-an-object", Stage.RULE_SHAPE, "rule", r -> set("rule", pick(r, List.of(
                        NODES.nullNode(), text("builtin"), NODES.numberNode(1), NODES.arrayNode().add(NODES.objectNode()),
                        NODES.booleanNode(true))))))));
        all.add(new FieldSpec("unknown-inside", Set.of(), unknownInside(u, "colour", "id", "Name", "trigger", "state",
                "<script>", "")));
        all.add(spec("policy_assignment_type", Set.of(),
                rules("not-a-type", u + "policy_assignment_type", "policy_assignment_type",
                        r -> text(pick(r, List.of("BUILTIN", "Builtin", "CUSTOM", "managed", "builtin,custom")))),
                rules("garbage", u + "policy_assignment_type", "policy_assignment_type", r -> text(pick(r, GARBAGE))),
                rules("mixed-script", u + "policy_assignment_type", "policy_assignment_type",
                        r -> text(homoglyph(r, builtin ? "builtin" : "custom"))),
                rules("control", u + "policy_assignment_type", "policy_assignment_type",
                        r -> text("built" + control(r) + "in")),
                rules("invalid-utf8", u + "policy_assignment_type", "policy_assignment_type",
                        r -> text("cus" + BAD_UTF8 + "tom")),
                wrongType(u + "policy_assignment_type", Stage.NESTED_TYPE, "policy_assignment_type", STRING_WRONG)));
        all.add(spec("name", Set.of(),
                kind("missing", Stage.RULES, "name", r -> List.of(new Edit(u + "name", null, true))),
                rules("blank", u + "name", "name", r -> text(pick(r, List.of("", " ")))),
                rules("over-64", u + "name", "name", r -> text("n".repeat(65))),
                rules("garbage", u + "name", "name", r -> text(pick(r, GARBAGE))),
                rules("control", u + "name", "name", r -> text("abuse" + control(r) + "rule")),
                rules("mixed-script", u + "name", "name", r -> text(homoglyph(r, "abuse-rule"))),
                rules("invalid-utf8", u + "name", "name", r -> text("abuse" + BAD_UTF8 + "rule")),
                wrongType(u + "name", Stage.NESTED_TYPE, "name", STRING_WRONG)));
        all.add(spec("description", Set.of(),
                rules("over-512", u + "description", "description", r -> text("d".repeat(513))),
                rules("control", u + "description", "description", r -> text("abuse\n" + multilineControl(r) + "test")),
                wrongType(u + "description", Stage.NESTED_TYPE, "description", STRING_WRONG)));
        all.add(spec("tags", Set.of(),
                wrongType(u + "tags", Stage.NESTED_TYPE, "tags", LIST_WRONG),
                kind("entry-not-an-object", Stage.NESTED_TYPE, "tags[0]", r -> set(u + "tags[0]",
                        pick(r, List.of(text("env=test"), NODES.numberNode(1), NODES.arrayNode().add("env"))))),
                kind("null-entry", Stage.RULES, "tags[0]", r -> set(u + "tags[0]", NODES.nullNode())),
                kind("key-missing", Stage.RULES, "tags[0].key", r -> List.of(new Edit(u + "tags[0].key", null, true))),
                rules("key-blank", u + "tags[0].key", "tags[0].key", r -> text("")),
                rules("key-over-128", u + "tags[0].key", "tags[0].key", r -> text("k".repeat(129))),
                rules("key-bad-characters", u + "tags[0].key", "tags[0].key", r -> text(pick(r, BAD_TAG_KEYS))),
                rules("key-reserved", u + "tags[0].key", "tags[0].key", r -> text("_sys_owner")),
                rules("key-control", u + "tags[0].key", "tags[0].key", r -> text("en" + control(r) + "v")),
                kind("value-missing", Stage.RULES, "tags[0].value",
                        r -> List.of(new Edit(u + "tags[0].value", null, true))),
                rules("value-over-255", u + "tags[0].value", "tags[0].value", r -> text("v".repeat(256))),
                rules("value-bad-characters", u + "tags[0].value", "tags[0].value", r -> text(pick(r, BAD_TAG_VALUES))),
                kind("key-twice", Stage.RULES, "tags[1].key", r -> set(u + "tags", NODES.arrayNode()
                        .add(NODES.objectNode().put("key", "env").put("value", "test"))
                        .add(NODES.objectNode().put("key", "env").put("value", "prod")))),
                kind("21-tags", Stage.RULES, "tags", r -> {
                    ArrayNode tags = NODES.arrayNode();
                    for (int i = 0; i < 21; i++) {
                        tags.add(NODES.objectNode().put("key", "key" + i).put("value", "v"));
                    }
                    return set(u + "tags", tags);
                }),
                wrongType(u + "tags[0].key", Stage.NESTED_TYPE, "tags[0].key", STRING_WRONG),
                kind("unknown-inside", Stage.NESTED_UNKNOWN, u + "tags[0].tag_value",
                        r -> set(u + "tags[0].tag_value", text("x")))));
        if (builtin) {
            String f = u + "policy_filter";
            List<Kind> filter = new ArrayList<>(List.of(
                    wrongType(f, Stage.NESTED_TYPE, "policy_filter", OBJECT_WRONG),
                    kind("value-without-key", Stage.RULES, "policy_filter.tag_value",
                            r -> set(f + ".tag_value", text("prod"))),
                    kind("with-a-period", Stage.RULES, "period", r -> set(u + "period",
                            text(pick(r, List.of("One_Hour", "Twelve_Hours", "TwentyFour_Hours"))))),
                    kind("unknown-inside", Stage.NESTED_UNKNOWN, f + ".resource_name",
                            r -> set(f + ".resource_name", text("x")))));
            Map<String, Integer> limits = new LinkedHashMap<>();
            limits.put("region_id", 128);
            limits.put("resource_provider", 128);
            limits.put("resource_type", 128);
            limits.put("resource_id", 512);
            limits.put("tag_key", 128);
            limits.forEach((name, limit) -> {
                filter.add(rules(name + "-over-" + limit, f + "." + name, "policy_filter." + name,
                        r -> text("f".repeat(limit + 1))));
                filter.add(rules(name + "-control", f + "." + name, "policy_filter." + name,
                        r -> text("ec" + control(r) + "s")));
                filter.add(wrongType(f + "." + name, Stage.NESTED_TYPE, "policy_filter." + name, STRING_WRONG));
            });
            all.add(new FieldSpec("policy_filter", Set.of(), filter));
            String def = u + "policy_definition_id";
            all.add(spec("policy_definition_id", Set.of("policy_assignment_type"),
                    rules("over-36", def, "policy_definition_id", r -> text("5".repeat(37))),
                    rules("control", def, "policy_definition_id", r -> text("5fa265c0aa1e" + control(r) + "6afc05a0")),
                    kind("missing", Stage.RULES, "policy_definition_id", r -> List.of(new Edit(def, null, true))),
                    rules("blank", def, "policy_definition_id", r -> text("")),
                    kind("unknown", Stage.LATE, "policy_definition_id", r -> set(def, text(hex(r, 24)))),
                    kind("garbage", Stage.LATE, "policy_definition_id", r -> set(def,
                            text(pick(r, GARBAGE.stream().filter(g -> g.length() <= 36).toList())))),
                    kind("mixed-script", Stage.LATE, "policy_definition_id", r -> set(def,
                            text(homoglyph(r, IMAGES_DEFINITION)))),
                    kind("invalid-utf8", Stage.LATE, "policy_definition_id", r -> set(def,
                            text("5fa265c0" + BAD_UTF8 + "aa1e6afc05a0ff07"))),
                    wrongType(def, Stage.NESTED_TYPE, "policy_definition_id", STRING_WRONG),
                    kind("custom-policy-too", Stage.RULES, "custom_policy", r -> set(u + "custom_policy",
                            NODES.objectNode().put("function_urn", "urn:fss:cn-north-4:" + DOMAIN_ID
                                    + ":function:default:check-owner").put("auth_type", "agency")))));
            String p = u + "parameters";
            String images = p + ".listOfAllowedImages";
            all.add(spec("parameters", Set.of("policy_assignment_type", "policy_definition_id"),
                    wrongType(p, Stage.NESTED_TYPE, "parameters", LIST_OR_TEXT_WRONG),
                    kind("entry-not-an-object", Stage.NESTED_TYPE, "parameters.listOfAllowedImages",
                            r -> set(images, pick(r, List.of(NODES.numberNode(5), text(STANDARD_IMAGE),
                                    NODES.arrayNode().add(STANDARD_IMAGE), NODES.booleanNode(false))))),
                    kind("unknown-inside", Stage.NESTED_UNKNOWN, "rule.parameters.listOfAllowedImages.type",
                            r -> set(images + ".type", text("Array"))),
                    kind("control-inside", Stage.RULES, "parameters.listOfAllowedImages",
                            r -> set(images + ".value", NODES.arrayNode().add("ea0d6e0e" + multilineControl(r)))),
                    kind("blank-name", Stage.RULES, "parameters", r -> set(p + ".", NODES.objectNode().put("value", 1))),
                    kind("schema-mismatch", Stage.LATE, "parameters.listOfAllowedImages", r -> set(images + ".value",
                            pick(r, List.of(text(STANDARD_IMAGE), NODES.arrayNode(), NODES.objectNode(),
                                    NODES.arrayNode().add(STANDARD_IMAGE.toUpperCase(java.util.Locale.ROOT)),
                                    NODES.arrayNode().add("<script>window.__xss=1</script>"), NODES.numberNode(1),
                                    raw("[".repeat(300) + "]".repeat(300)))))),
                    kind("unknown-parameter", Stage.LATE, "parameters.unknownParameter",
                            r -> set(p + ".unknownParameter", NODES.objectNode().put("value", 1))),
                    kind("missing", Stage.LATE, "parameters.listOfAllowedImages",
                            r -> List.of(new Edit(p, null, true)))));
        } else {
            String period = u + "period";
            all.add(spec("period", Set.of(),
                    rules("not-a-period", period, "period",
                            r -> text(pick(r, List.of("12h", "Twelve_hours", "Weekly", "One_hour", "TwentyFour_Hours ")))),
                    rules("garbage", period, "period", r -> text(pick(r, GARBAGE))),
                    rules("mixed-script", period, "period", r -> text(homoglyph(r, "Twelve_Hours"))),
                    rules("control", period, "period", r -> text("Twelve" + control(r) + "_Hours")),
                    rules("invalid-utf8", period, "period", r -> text("Twelve" + BAD_UTF8 + "_Hours")),
                    wrongType(period, Stage.NESTED_TYPE, "period", STRING_WRONG),
                    kind("with-a-filter", Stage.RULES, "period", r -> set(u + "policy_filter",
                            NODES.objectNode().put("resource_provider", "ecs")))));
            String cp = u + "custom_policy";
            all.add(spec("custom_policy", Set.of("policy_assignment_type"),
                    exclusive(kind("missing", Stage.RULES, "custom_policy", r -> List.of(new Edit(cp, null, true)))),
                    exclusive(wrongType(cp, Stage.NESTED_TYPE, "custom_policy", OBJECT_WRONG)),
                    kind("definition-too", Stage.RULES, "policy_definition_id",
                            r -> set(u + "policy_definition_id", text(IMAGES_DEFINITION)))));
            String urn = cp + ".function_urn";
            all.add(spec("function_urn", Set.of(),
                    rules("malformed", urn, "custom_policy.function_urn", r -> text(pick(r, BAD_URNS))),
                    rules("over-1024", urn, "custom_policy.function_urn", r -> text("urn:fss:" + "u".repeat(1_020))),
                    rules("control", urn, "custom_policy.function_urn", r -> text("urn:fss:cn-north-4:" + DOMAIN_ID
                            + ":func" + control(r) + "tion:default:check-owner")),
                    rules("mixed-script", urn, "custom_policy.function_urn", r -> text(homoglyph(r,
                            "urn:fss:cn-north-4:" + DOMAIN_ID + ":function:default:check-owner"))),
                    rules("garbage", urn, "custom_policy.function_urn", r -> text(pick(r, GARBAGE))),
                    rules("invalid-utf8", urn, "custom_policy.function_urn", r -> text("urn:fss:cn-north-4:"
                            + DOMAIN_ID + ":function:default:check" + BAD_UTF8 + "owner")),
                    kind("missing", Stage.RULES, "custom_policy.function_urn", r -> List.of(new Edit(urn, null, true))),
                    wrongType(urn, Stage.NESTED_TYPE, "custom_policy.function_urn", STRING_WRONG),
                    kind("unknown-inside", Stage.NESTED_UNKNOWN, cp + ".function_name",
                            r -> set(cp + ".function_name", text("check-owner")))));
            String auth = cp + ".auth_type";
            all.add(spec("auth_type", Set.of(),
                    rules("not-a-type", auth, "custom_policy.auth_type",
                            r -> text(pick(r, List.of("AGENCY", "iam", "token", "agency ", "Agency")))),
                    rules("garbage", auth, "custom_policy.auth_type", r -> text(pick(r, GARBAGE))),
                    rules("invalid-utf8", auth, "custom_policy.auth_type", r -> text("age" + BAD_UTF8 + "ncy")),
                    kind("missing", Stage.RULES, "custom_policy.auth_type", r -> List.of(new Edit(auth, null, true))),
                    wrongType(auth, Stage.NESTED_TYPE, "custom_policy.auth_type", STRING_WRONG)));
            String agency = cp + ".auth_value.agency_name";
            all.add(spec("agency", Set.of("auth_type"),
                    rules("over-64", agency, "custom_policy.auth_value.agency_name", r -> text("g".repeat(65))),
                    rules("control", agency, "custom_policy.auth_value.agency_name",
                            r -> text("rms_fgs" + control(r) + "_agency")),
                    kind("missing", Stage.RULES, Severity.WARNING, "custom_policy.auth_value.agency_name",
                            r -> List.of(new Edit(agency, null, true))),
                    kind("auth-value-not-an-object", Stage.NESTED_TYPE, "custom_policy.auth_value",
                            r -> set(cp + ".auth_value", pick(r, List.of(text("rms_fgs_agency"),
                                    NODES.arrayNode().add("rms_fgs_agency"), NODES.numberNode(1)))))));
        }
        return all;
    }

    private static List<FieldSpec> updateSpecs() {
        String u = "rule.";
        return List.of(
                spec("unknown", Set.of(), unknownTop("domain_id", "name", "rules", "")),
                spec("rule", Set.of(),
                        exclusive(kind("missing", Stage.RULE_SHAPE, "rule", r -> List.of(new Edit("rule", null, true)))),
                        exclusive(kind("not-an-object", Stage.RULE_SHAPE, "rule", r -> set("rule", pick(r, List.of(
                                NODES.nullNode(), text("x"), NODES.numberNode(1), NODES.arrayNode()))))),
                        kind("unknown-inside", Stage.NESTED_UNKNOWN, "rule.colour", r -> set(u + "colour", text("red"))),
                        kind("unknown-in-filter", Stage.NESTED_UNKNOWN, "rule.policy_filter.x",
                                r -> set(u + "policy_filter.x", text("y"))),
                        kind("unknown-in-tag", Stage.NESTED_UNKNOWN, "rule.tags[0].colour",
                                r -> set(u + "tags[0].colour", text("y")))),
                spec("name", Set.of(), wrongType(u + "name", Stage.NESTED_TYPE, "name", STRING_WRONG)),
                spec("tags", Set.of(), wrongType(u + "tags", Stage.NESTED_TYPE, "tags", LIST_WRONG)),
                spec("parameters", Set.of(), wrongType(u + "parameters", Stage.NESTED_TYPE, "parameters",
                        LIST_OR_TEXT_WRONG)),
                spec("acknowledge_warnings", Set.of(), wrongType("acknowledge_warnings", Stage.ACK_TYPE,
                        "acknowledge_warnings", BOOLEAN_WRONG)));
    }

    // --- kinds ---

    private static FieldSpec spec(String name, Set<String> maskedBy, Kind... kinds) {
        return new FieldSpec(name, maskedBy, List.of(kinds));
    }

    private static Kind kind(String name, Stage stage, String reportedAs, Function<Random, List<Edit>> edits) {
        return kind(name, stage, Severity.ERROR, reportedAs, edits);
    }

    private static Kind kind(String name, Stage stage, Severity severity, String reportedAs,
                             Function<Random, List<Edit>> edits) {
        return new Kind(name, stage, severity, false, reportedAs == null ? List.of() : List.of(reportedAs), edits);
    }

    /** A value the document's rules refuse, at {@code path}, reported at {@code reportedAs}. */
    private static Kind rules(String name, String path, String reportedAs, Function<Random, JsonNode> value) {
        return kind(name, Stage.RULES, reportedAs, r -> set(path, value.apply(r)));
    }

    /** A value the rules only warn about (not the usual format): refused until acknowledged. */
    private static Kind warning(String name, String path, Function<Random, JsonNode> value) {
        return kind(name, Stage.RULES, Severity.WARNING, path, r -> set(path, value.apply(r)));
    }

    private static Kind wrongType(String path, Stage stage, String reportedAs, List<JsonNode> values) {
        return kind("wrong-type", stage, reportedAs, r -> set(path, pick(r, values).deepCopy()));
    }

    private static Kind exclusive(Kind kind) {
        return new Kind(kind.name(), kind.stage(), kind.severity(), true, kind.reportedAs(), kind.edits());
    }

    /** One kind per name: a top-level field the route does not take. */
    private static Kind[] unknownTop(String... names) {
        return Arrays.stream(names).map(name -> new Kind("unknown-field", Stage.TOP_UNKNOWN, Severity.ERROR, false,
                List.of(name), (Function<Random, List<Edit>>) r -> set(name, pick(r, List.of(text("x"),
                NODES.numberNode(1), NODES.objectNode(), NODES.nullNode()))))).toArray(Kind[]::new);
    }

    /** One kind per name: a field inside the cloud's body ({@code prefix}) that its document does not define. */
    private static List<Kind> unknownInside(String prefix, String... names) {
        return Arrays.stream(names).map(name -> kind("unknown-field", Stage.NESTED_UNKNOWN, prefix + name,
                r -> set(prefix + name, pick(r, List.of(text("x"), NODES.numberNode(1), NODES.objectNode()))))).toList();
    }

    private static List<Edit> set(String path, JsonNode value) {
        return List.of(new Edit(path, value, false));
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    /** A value written into the body as it is (numbers and arrays beyond what a tree holds). */
    private static JsonNode raw(String json) {
        return NODES.textNode("@@RAW:" + json + "@@");
    }

    // --- values ---

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static char control(Random r) {
        return BadText.CONTROLS.charAt(r.nextInt(BadText.CONTROLS.length()));
    }

    private static char multilineControl(Random r) {
        return BadText.MULTILINE_CONTROLS.charAt(r.nextInt(BadText.MULTILINE_CONTROLS.length()));
    }

    private static String homoglyph(Random r, String valid) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < valid.length(); i++) {
            if (BadText.HOMOGLYPHS.containsKey(valid.charAt(i))) {
                positions.add(i);
            }
        }
        int at = positions.get(r.nextInt(positions.size()));
        return valid.substring(0, at) + BadText.HOMOGLYPHS.get(valid.charAt(at)) + valid.substring(at + 1);
    }

    private static String hex(Random r, int digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String urlSafe(Random r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** The sandbox's CFW connection as {@code defense_policy_list} holds it. */
    private static ObjectNode cfwConnection() {
        return NODES.objectNode().put("defense_connection_id", CFW)
                .put("defense_connection_name", "CFW authentication token.").put("defense_type", "CFW")
                .put("target_enterprise_id", "0").put("target_enterprise_name", "default")
                .put("target_project_id", PROJECT_ID).put("target_project_name", "cn-north-7")
                .put("defense_connection_region_id", "cn-north-7")
                .put("defense_connection_region_name", "CN North-Ulanqab1");
    }

    private static String fiveHundredOne() {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            targets.append(i == 0 ? "" : ",").append("58.").append(100 + i / 250).append('.').append(i % 250).append(".9");
        }
        return targets.toString();
    }

    /** Garbage, script and injection payloads: none is a valid ID, enumeration value, address, version or URN. */
    static final List<String> GARBAGE = List.of(
            "' OR '1'='1", "1; DROP TABLE request_history;--", "\" OR \"\"=\"", "admin'--",
            "1 UNION SELECT password FROM console_user", "<script>window.__xss=1</script>",
            "\"><img src=x onerror=window.__xss=1>", "</textarea><svg onload=window.__xss=1>", "javascript:window.__xss=1",
            "{inject:csrf.token}", "{#for x in 1..3}{x}{/for}", "${7*7}", "#{7*7}", "{{7*7}}", "<%= 7*7 %>",
            "{config:quarkus.datasource.password}", "../../../../etc/passwd", "%00", "%0d%0aSet-Cookie: x=1", "\\u0000",
            "() { :; }; echo pwned", "$(id)", "`id`", "!@#$%^&*()", "\u00ff\u00fe\u00fd", "\ud83d\udca5\ud83d\udca5",
            "[object Object]", "a b", "x=1&y=2");
    private static final List<String> GARBAGE_TOKENS = List.of("garbage", "pc_", "pc_1_short", "pc_abc_" + "A".repeat(43),
            "' OR 1=1 --", "null", "undefined", "Bearer pc_1_" + "A".repeat(43), "<script>window.__xss=1</script>",
            "pc_1_" + "A".repeat(44), "pc_-1_" + "A".repeat(43), "pc_1_" + "A".repeat(42) + "=", "LONG",
            "pc_99999999999999999999_" + "A".repeat(43), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
    private static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=abuse", "text/json",
            "application/json-patch+json", "application/jsonx", "text/html; charset=UTF-8", "application/octet-stream",
            "image/png");
    private static final List<String> BAD_KEYS = List.of("has spaces", "LONG", "a/b", "semi;colon", "<script>", "{7*7}",
            "quote\"d", "tab\\there", "percent%20", "star*", "a+b", "bang!");
    private static final List<String> BAD_ENTRIES = List.of("abc", "1e3", "-1", "0x10", "9999999999999999999", "1.0",
            "preview", "12a", "%20", "00000000000000000001");
    private static final List<String> BAD_ACTIONS = List.of("explode", "purge", "enable2", "destroy", "run", "update2");
    private static final List<String> BAD_CHANGES = List.of("nothing", "Remove", "removeall", "age", "delete");
    private static final List<String> BAD_IPS = BadText.badAddresses("1;2.3.4", "58.1.2.3\n58.1.2.4");
    private static final List<String> BAD_VERSIONS = List.of("v25.5.0", "25", "25.5.0.0.1", "25..5", "25.5.0-beta",
            "25.5.", ".25.5", "25.55555.0", "latest", "25,5,0", " 25.5.0");
    /** Not milliseconds: the document's {@code block_ageing} is a count of milliseconds as text. */
    private static final List<String> BAD_MILLIS = List.of("tomorrow", "-1", "1.5", "1e3", "24h",
            "99999999999999999999", "2030-01-01T00:00:00Z", "\uff11\uff10\uff10\uff10", "0x10", " 1000", "+1000");
    private static final List<String> BAD_AGEINGS = List.of("tomorrow", "24", "h", "-1h", "1.5h", "24hours", "1d2h",
            "P1D", "NaN", "2026-13-01T00:00", "2026-02-30T00:00", "23/11/2026", "1e3h", "999999h", "<script>", "{7*7}");
    private static final List<String> BAD_TAG_KEYS = List.of("k<script>", "<script>window.__xss=1</script>",
            "' OR '1'='1", "${7*7}", "{inject:csrf.token}", " env", "env ", "k\"v", "a/b", "k#1", "env\u00ad", "key!");
    private static final List<String> BAD_TAG_VALUES = List.of("<script>window.__xss=1</script>", "${7*7}", "a\"b",
            "x#y", "{inject:csrf.token}", "v;w", "it's", "a\tb");
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
            "arn:aws:lambda:us-east-1:123456789012:function:check-owner",
            "https://functiongraph.example.com/check-owner", "urn:", "urn:fss:::::::");

    /** Values of another JSON type than text (huge numbers included). */
    private static final List<JsonNode> STRING_WRONG = List.of(NODES.numberNode(42), NODES.booleanNode(true),
            NODES.booleanNode(false), NODES.objectNode(), NODES.objectNode().put("value", "x"),
            NODES.arrayNode().add("x"), NODES.arrayNode(), NODES.numberNode(new BigInteger("123456789012345678901234567890")),
            NODES.numberNode(new BigInteger("-9223372036854775809")), NODES.numberNode(1.0e308), NODES.numberNode(-0.0),
            raw("[".repeat(400) + "]".repeat(400)));
    /** Values of another JSON type than true or false ({@code 1e999999} is read as infinity). */
    private static final List<JsonNode> BOOLEAN_WRONG = List.of(NODES.textNode("true"), NODES.textNode("false"),
            NODES.numberNode(1), NODES.numberNode(0), NODES.objectNode(), NODES.arrayNode().add(true), raw("1e999999"),
            NODES.numberNode(new BigInteger("18446744073709551616")), NODES.textNode("yes"));
    /** Values of another JSON type than an object. */
    private static final List<JsonNode> OBJECT_WRONG = List.of(NODES.textNode("x"), NODES.numberNode(42),
            NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.arrayNode().add(NODES.objectNode()),
            NODES.numberNode(new BigInteger("123456789012345678901234567890")));
    /** Values of another JSON type than an array. */
    private static final List<JsonNode> LIST_WRONG = List.of(NODES.textNode("x"), NODES.numberNode(42),
            NODES.booleanNode(true), NODES.objectNode(), NODES.objectNode().put("key", "env"));
    /** Values of another JSON type than an object of parameters. */
    private static final List<JsonNode> LIST_OR_TEXT_WRONG = List.of(NODES.textNode("x"), NODES.numberNode(42),
            NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.arrayNode());
}
