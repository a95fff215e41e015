package com.policyconsole.bench.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emergency policies the virtual users submit: every one valid and distinct, so that no guardrail refuses or
 * warns. Objects are public IPv4 addresses from 45.0.0.0/6 (no special-purpose range), each used once in a run and
 * never overlapping another; 1–3 objects per policy; every second policy ages out after 7 days (a blocked attacker),
 * the others are permanent. Each virtual user works in its own projects (workspace {@code sandbox-workspace}) and
 * moves to a new project after {@code policiesPerProject} policies, which keeps every workspace below the quotas of
 * 300 ageing and 2,500 policies in all, and bounds the inventory the guardrails read per submission. Each policy comes
 * as the form's fields or as the JSON API's create body.
 */
final class PolicyFactory {

    static final String CFW_CONNECTION = "84b273d3-47a8-3aba-bd00-7bdd1431d635";
    /** The CFW connection as the console's default {@code policyconsole.console.connections} configures it. */
    private static final String CFW_CONNECTION_JSON = "{\"defense_connection_id\":\"" + CFW_CONNECTION + "\","
            + "\"defense_connection_name\":\"CFW authentication token.\",\"defense_type\":\"CFW\","
            + "\"target_enterprise_id\":\"0\",\"target_enterprise_name\":\"default\","
            + "\"target_project_id\":\"3bb27e024693436da46b5f5aaf499060\",\"target_project_name\":\"cn-north-7\","
            + "\"defense_connection_region_id\":\"cn-north-7\","
            + "\"defense_connection_region_name\":\"CN North-Ulanqab1\"}";
    private static final String WORKSPACE = "sandbox-workspace";
    private static final String SECMASTER_VERSION = "25.5.0";
    private static final String REGION = "cn-north-7";
    private static final String LABELS = "bench";
    private static final int ADDRESSES_PER_USER = 1 << 14;

    private final int seed;
    private final int user;
    private final int policiesPerProject;
    private int policies;
    private int addresses;

    /** Policies of virtual user {@code user} (0–63) in run {@code seed} (0–63: runs on one database use distinct seeds). */
    PolicyFactory(int seed, int user, int policiesPerProject) {
        if (seed < 0 || seed > 63 || user < 0 || user > 63) {
            throw new IllegalArgumentException("seed must be 0-63 and user 0-63");
        }
        this.seed = seed;
        this.user = user;
        this.policiesPerProject = policiesPerProject;
    }

    /** The next submission's form fields (without the CSRF token). */
    List<Map.Entry<String, String>> next() {
        Policy p = nextPolicy();
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("project_id", p.project()));
        form.add(Map.entry("workspace_id", WORKSPACE));
        form.add(Map.entry("secmaster_version", SECMASTER_VERSION));
        form.add(Map.entry("region_id", REGION));
        form.add(Map.entry("policy_category", "BLOCK"));
        form.add(Map.entry("policy_type", "Source Ip"));
        form.add(Map.entry("block_target", String.join("\n", p.targets())));
        form.add(Map.entry("ageing", p.ages() ? "7d" : ""));
        form.add(Map.entry("policy_direction", "INGRESS"));
        form.add(Map.entry("description", p.description()));
        form.add(Map.entry("labels", LABELS));
        form.add(Map.entry("connection", CFW_CONNECTION));
        return form;
    }

    /**
     * The next submission as the body of {@code POST /api/v1/emergency-policies}: the same policy the form would make
     * of {@link #next()}'s fields, with SecMaster's {@code data_object} as the form sends it (the ageing 7 days after
     * {@code now}, the CFW connection as the console configures it).
     */
    String nextApiBody(Instant now) {
        Policy p = nextPolicy();
        String blockAge = p.ages()
                ? "{\"is_block_ageing\":true,\"block_ageing\":" + quote(Long.toString(now.plus(Duration.ofDays(7))
                        .toEpochMilli())) + "}"
                : "{\"is_block_ageing\":false}";
        return "{\"project_id\":" + quote(p.project()) + ",\"workspace_id\":" + quote(WORKSPACE)
                + ",\"secmaster_version\":" + quote(SECMASTER_VERSION) + ",\"data_object\":{"
                + "\"region_id\":" + quote(REGION) + ",\"block_target\":" + quote(String.join(",", p.targets()))
                + ",\"policy_category\":\"BLOCK\",\"description\":" + quote(p.description())
                + ",\"labels\":" + quote(LABELS) + ",\"block_age\":" + blockAge
                + ",\"policy_type\":{\"policy_type\":\"Source Ip\"},\"defense_policy_list\":[" + CFW_CONNECTION_JSON
                + "],\"policy_direction\":\"INGRESS\"}}";
    }

    /** One policy, before it becomes form fields or a JSON body. */
    private record Policy(String project, List<String> targets, boolean ages, String description) {
    }

    private Policy nextPolicy() {
        int n = policies++;
        int objects = 1 + n % 3;
        List<String> targets = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            targets.add(nextAddress());
        }
        String project = String.format("%08x%08x%016x", seed, user, n / policiesPerProject);
        return new Policy(project, targets, n % 2 == 0,
                "INC-" + seed + "-" + user + "-" + n + ": scanning from these sources");
    }

    /** A JSON string of text that holds no control characters (every value here is the generator's own). */
    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * (45 + seed / 16).x.y.z, x.y.z from 24 bits: seed mod 16 (4), user (6), the user's own counter (14), so no address
     * repeats on one database; 45.0.0.0/8 to 48.0.0.0/8 are public unicast, outside every special-purpose range.
     */
    private String nextAddress() {
        if (addresses == ADDRESSES_PER_USER) {
            throw new IllegalStateException("virtual user " + user + " used all its addresses");
        }
        int a = addresses++;
        long index = ((long) (seed & 15) << 20) | ((long) user << 14) | a;
        return (45 + (seed >> 4)) + "." + ((index >> 16) & 0xff) + "." + ((index >> 8) & 0xff) + "." + (index & 0xff);
    }
}
