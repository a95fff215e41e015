package com.policyconsole.console.testing;

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
