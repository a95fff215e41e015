package com.policyconsole.console.testing;

import com.policyconsole.sandbox.SandboxInventory;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.ThreadLocalRandom;

/** Fixtures for form tests: a filled emergency-policy form for the sandbox, and objects no other test uses. */
public final class TestFormFactory {

    public static final String CFW = "84b273d3-47a8-3aba-bd00-7bdd1431d635";

    private TestFormFactory() {
    }

    /** A public address no other test has blocked, so that no "already active" warning appears. */
    public static String freshIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "45." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    /** The next of the 762 /16s in 47.1.0.0–49.254.0.0 that {@link #freshAddresses} hands out, from a random start. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SIXTEEN =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(762));

    /**
     * {@code n} (at most 62,500) public addresses in a /16 that no other call of this run gets (the first 762 calls of
     * a JVM each get their own), one per line.
     */
    public static String freshAddresses(int n) {
        int sixteen = NEXT_SIXTEEN.getAndIncrement() % 762;
        String prefix = (47 + sixteen / 254) + "." + (1 + sixteen % 254) + ".";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(prefix).append(i / 250).append('.').append(i % 250 + 1).append('\n');
        }
        return lines.toString();
    }

    /** The bulk form (multipart) filled for the sandbox: BLOCK through the CFW connection, the batch pasted. */
    public static RequestSpecification bulkForm(ConsoleSession session, String batch) {
        return session.request()
                .multiPart(ConsoleSession.CSRF_FIELD, session.csrfToken())
                .multiPart("project_id", "3bb27e024693436da46b5f5aaf499060")
                .multiPart("workspace_id", "sandbox-workspace")
                .multiPart("secmaster_version", "25.5.0")
                .multiPart("region_id", "cn-north-7")
                .multiPart("policy_category", "BLOCK")
                .multiPart("policy_type", "Source Ip")
                .multiPart("connection", CFW)
                .multiPart("description", "bulk SEC-7")
                .multiPart("batch", batch);
    }

    /**
     * The Config rule form filled for the sandbox's built-in "allowed images" rule {@code name} in account
     * {@code domainId}: the standard image allowed, evaluated on change of ECS servers, tagged; a map to change.
     */
    public static java.util.Map<String, String> imagesRule(String domainId, String name) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("domain_id", domainId);
        fields.put("policy_assignment_type", "builtin");
        fields.put("name", name);
        fields.put("policy_definition_id", "5fa265c0aa1e6afc05a0ff07");
        fields.put("parameters", "{\"listOfAllowedImages\": [\"" + SandboxInventory.STANDARD_IMAGE + "\"]}");
        fields.put("trigger", "change");
        fields.put("f_resource_provider", "ecs");
        fields.put("f_resource_type", "cloudservers");
        fields.put("tags", "team=secops");
        return fields;
    }

    /** The emergency-policy form filled for the sandbox: BLOCK {@code targets} through the CFW connection. */
    public static RequestSpecification blockForm(ConsoleSession session, String targets) {
        return session.form()
                .formParam("project_id", "3bb27e024693436da46b5f5aaf499060")
                .formParam("workspace_id", "sandbox-workspace")
                .formParam("secmaster_version", "25.5.0")
                .formParam("region_id", "cn-north-7")
                .formParam("policy_category", "BLOCK")
                .formParam("policy_type", "Source Ip")
                .formParam("block_target", targets)
                .formParam("connection", CFW);
    }
}
