package com.policyconsole.bench.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One operator submitting BLOCK policies of 100 (or {@code --objects}) addresses, one after the other, into a workspace
 * that already holds many policies: the cost of the guardrail inventory as the workspace fills. Options:
 * {@code --base-url}, {@code --password} (or BENCH_CONSOLE_PASSWORD), {@code --project}, {@code --objects} (100),
 * {@code --submissions} (30), {@code --warmup} (5), {@code --round} (a distinct address range per call). Prints one
 * {@code RESULT key=value ...} line.
 */
public final class WorkspaceScaleProbe {

    private static final String CFW_CONNECTION = "84b273d3-47a8-3aba-bd00-7bdd1431d635";

    private WorkspaceScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        URI base = URI.create(o.required("base-url"));
        String password = o.text("password", System.getenv("BENCH_CONSOLE_PASSWORD"));
        String project = o.required("project");
        int submissions = o.integer("submissions", 30);
        int warmup = o.integer("warmup", 5);
        int round = o.integer("round", 0);
        int objects = o.integer("objects", 100);
        HttpClient http = ConsoleSession.sharedClient();
        ConsoleSession session = ConsoleSession.logIn(http, base, "admin", password);
        session.readCsrfToken("/policies/new");
        Latencies submit = new Latencies();
        for (int i = 0; i < warmup + submissions; i++) {
            List<Map.Entry<String, String>> form = form(project, round, i, objects);
            long started = System.nanoTime();
            HttpResponse<String> answer = session.postForm("/policies/submit", form);
            long took = System.nanoTime() - started;
            if (answer.statusCode() != 303) {
                throw new IllegalStateException("submission " + i + " answered " + answer.statusCode() + ": "
                        + answer.body().substring(0, Math.min(400, answer.body().length())));
            }
            if (i >= warmup) {
                submit.add(took);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "RESULT submissions=%d submit_p50=%.2f submit_p90=%.2f submit_p99=%.2f%n",
                submit.count(), submit.percentileMillis(50), submit.percentileMillis(90), submit.percentileMillis(99));
    }

    /** A BLOCK of {@code objects} public addresses in 11.0.0.0/8, which no seeded policy holds, distinct per round. */
    private static List<Map.Entry<String, String>> form(String project, int round, int n, int objects) {
        List<String> targets = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            int k = n * objects + i;
            targets.add("11." + (round % 200) + "." + (k / 256 % 256) + "." + (k % 256));
        }
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("project_id", project));
        form.add(Map.entry("workspace_id", "sandbox-workspace"));
        form.add(Map.entry("secmaster_version", "25.5.0"));
        form.add(Map.entry("region_id", "cn-north-7"));
        form.add(Map.entry("policy_category", "BLOCK"));
        form.add(Map.entry("policy_type", "Source Ip"));
        form.add(Map.entry("block_target", String.join("\n", targets)));
        form.add(Map.entry("connection", CFW_CONNECTION));
        form.add(Map.entry("acknowledge", "yes"));
        return form;
    }
}
