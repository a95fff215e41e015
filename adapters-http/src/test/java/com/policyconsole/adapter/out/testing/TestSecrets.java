package com.policyconsole.adapter.out.testing;

import java.util.List;

/**
 * Fake credentials used by the tests, each distinctive enough to be searched for in captured logs. They are
 * not real secrets; the token is also set in the test {@code application.properties}.
 */
public final class TestSecrets {

    public static final String TOKEN = "test-token-MIIZ7aQ1never-log-me";
    public static final String ACCESS_KEY = "TESTAKQ1ZX9NEVERLOG";
    public static final String SECRET_KEY = "test-sk-4f9b2d7e1c8a6f3b0d5e9a2c7f1b8d4e";
    public static final String SECURITY_TOKEN = "test-sts-gQ7ZpLr2never-log-me";
    public static final String IAM_USER = "console-robot";
    public static final String IAM_PASSWORD = "test-password-Xy9!never-log-me";
    public static final String IAM_DOMAIN = "example-account";
    public static final String IAM_SUBJECT_TOKEN = "test-iam-subject-token-MIIaZ5never-log-me";

    private TestSecrets() {
    }

    /** Every value that must never appear in a log line. */
    public static List<String> neverLogged() {
        return List.of(TOKEN, ACCESS_KEY, SECRET_KEY, SECURITY_TOKEN, IAM_PASSWORD, IAM_SUBJECT_TOKEN);
    }
}
