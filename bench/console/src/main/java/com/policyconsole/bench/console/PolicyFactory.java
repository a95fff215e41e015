package com.policyconsole.bench.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emergency policies the virtual users submit: every one valid and distinct, so that no guardrail refuses or
 * warns. Objects are public IPv4 addresses from 45.0.0.0/6 (no special-purpose range), each used once in a run and
 * never overlapping another; 1–3 objects per policy; every second policy ages out after 7 days (a blocked attacker),
 * the others are permanent. Each virtual user works in its own projects (workspace {@code sandbox-workspace}) and
 * moves to a new project after {@code policiesPerProject} policies, which keeps every workspace below the quotas of
 * 300 ageing and 2,500 policies in all, and bounds the inventory the guardrails read per submission.
 */
final class PolicyFactory {

    static final String CFW_CONNECTION = "84b273d3-47a8-3aba-bd00-7bdd1431d635";
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
        int n = policies++;
        int objects = 1 + n % 3;
        List<String> targets = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            targets.add(nextAddress());
        }
        String project = String.format("%08x%08x%016x", seed, user, n / policiesPerProject);
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("project_id", project));
        form.add(Map.entry("workspace_id", "sandbox-workspace"));
        form.add(Map.entry("secmaster_version", "25.5.0"));
        form.add(Map.entry("region_id", "cn-north-7"));
        form.add(Map.entry("policy_category", "BLOCK"));
        form.add(Map.entry("policy_type", "Source Ip"));
        form.add(Map.entry("block_target", String.join("\n", targets)));
        form.add(Map.entry("ageing", n % 2 == 0 ? "7d" : ""));
        form.add(Map.entry("policy_direction", "INGRESS"));
        form.add(Map.entry("description", "INC-" + seed + "-" + user + "-" + n + ": scanning from these sources"));
        form.add(Map.entry("labels", "bench"));
        form.add(Map.entry("connection", CFW_CONNECTION));
        return form;
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
