package com.policyconsole.bench.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bulk job of {@code --objects} (10,000) addresses through the CFW connection: the time from the confirmation to
 * every delivery final (its layers' records read), and the job page's and its progress JSON's latency while the job
 * runs (each read every {@code --poll-ms}, 200). With {@code --by-hand} it measures the reference instead: the same
 * objects as single policies of 500, each submitted once the one before it is delivered, as an operator splitting
 * the feed by hand would. Prints one {@code RESULT key=value ...} line.
 */
public final class BulkJobProbe {

    private static final String CFW_CONNECTION = "84b273d3-47a8-3aba-bd00-7bdd1431d635";
    private static final Pattern JOB = Pattern.compile("/bulk/jobs/(\\d+)");
    private static final Pattern ENTRY = Pattern.compile("/history/(\\d+)");
    private static final Pattern PENDING = Pattern.compile("\"pending\":(\\d+)");

    private BulkJobProbe() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        URI base = URI.create(o.required("base-url"));
        String password = o.text("password", System.getenv("BENCH_CONSOLE_PASSWORD"));
        int objects = o.integer("objects", 10_000);
        int round = o.integer("round", 0);
        long pollMillis = o.integer("poll-ms", 200);
        boolean byHand = Boolean.parseBoolean(o.text("by-hand", "false"));
        HttpClient http = ConsoleSession.sharedClient();
        ConsoleSession session = ConsoleSession.logIn(http, base, "admin", password);
        List<String> targets = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            targets.add("12." + (round % 200) + "." + (i / 250) + "." + (i % 250 + 1));
        }
        if (byHand) {
            byHand(session, targets);
            return;
        }
        session.readCsrfToken("/bulk/new");
        List<Map.Entry<String, String>> form = template();
        form.add(Map.entry("batch", String.join("\n", targets)));
        long started = System.nanoTime();
        HttpResponse<String> answer = session.postMultipart("/bulk/start", form);
        long confirmed = System.nanoTime() - started;
        Matcher job = JOB.matcher(answer.headers().firstValue("Location").orElse(""));
        if (answer.statusCode() != 303 || !job.find()) {
            throw new IllegalStateException("the job did not start: HTTP " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(600, answer.body().length())));
        }
        String path = "/bulk/jobs/" + job.group(1);
        Latencies page = new Latencies();
        Latencies progress = new Latencies();
        long done;
        while (true) {
            long t0 = System.nanoTime();
            HttpResponse<String> json = session.get(path + "/progress");
            progress.add(System.nanoTime() - t0);
            Matcher pending = PENDING.matcher(json.body());
            if (json.statusCode() != 200 || !pending.find()) {
                throw new IllegalStateException("progress answered " + json.statusCode() + ": " + json.body());
            }
            if (Integer.parseInt(pending.group(1)) == 0) {
                done = System.nanoTime() - started;
                break;
            }
            long t1 = System.nanoTime();
            if (session.get(path).statusCode() != 200) {
                throw new IllegalStateException("the job page did not answer 200");
            }
            page.add(System.nanoTime() - t1);
            Thread.sleep(pollMillis);
        }
        String finalJson = session.get(path + "/progress").body();
        System.out.printf(Locale.ROOT, "RESULT objects=%d confirm_ms=%.0f final_s=%.2f page_p50=%.1f page_p95=%.1f"
                        + " page_max=%.1f progress_p50=%.1f progress_p95=%.1f reads=%d succeeded=%s%n",
                objects, confirmed / 1e6, done / 1e9, page.percentileMillis(50), page.percentileMillis(95),
                page.percentileMillis(100), progress.percentileMillis(50), progress.percentileMillis(95),
                page.count(), field(finalJson, "succeeded"));
    }

    /** The reference: 500 objects per single policy, each sent once the one before is delivered to its layers. */
    private static void byHand(ConsoleSession session, List<String> targets) throws Exception {
        long started = System.nanoTime();
        int policies = 0;
        for (int from = 0; from < targets.size(); from += 500) {
            session.readCsrfToken("/policies/new");
            List<Map.Entry<String, String>> form = template();
            form.add(Map.entry("block_target", String.join("\n", targets.subList(from, Math.min(targets.size(), from + 500)))));
            HttpResponse<String> answer = session.postForm("/policies/submit", form);
            Matcher entry = ENTRY.matcher(answer.headers().firstValue("Location").orElse(""));
            if (answer.statusCode() != 303 || !entry.find()) {
                throw new IllegalStateException("policy " + policies + " answered " + answer.statusCode());
            }
            while (!session.get("/history/" + entry.group(1)).body().contains("id=\"delivery-check\">DELIVERED")) {
                Thread.sleep(50);
            }
            policies++;
        }
        System.out.printf(Locale.ROOT, "RESULT objects=%d policies=%d final_s=%.2f%n", targets.size(), policies,
                (System.nanoTime() - started) / 1e9);
    }

    private static List<Map.Entry<String, String>> template() {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("project_id", "3bb27e024693436da46b5f5aaf499060"));
        form.add(Map.entry("workspace_id", "sandbox-workspace"));
        form.add(Map.entry("secmaster_version", "25.5.0"));
        form.add(Map.entry("region_id", "cn-north-7"));
        form.add(Map.entry("policy_category", "BLOCK"));
        form.add(Map.entry("policy_type", "Source Ip"));
        form.add(Map.entry("connection", CFW_CONNECTION));
        form.add(Map.entry("description", "bench bulk job"));
        form.add(Map.entry("acknowledge", "yes"));
        return form;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
