package com.policyconsole.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts the test run's private PostgreSQL (scripts/test.sh says where it is), for the outage tests. */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static void stop() throws IOException, InterruptedException {
        run("stop");
    }

    public static void start() throws IOException, InterruptedException {
        run("start");
    }

    private static void run(String action) throws IOException, InterruptedException {
        String dir = System.getenv("POLICYCONSOLE_TEST_PG_DIR");
        String port = System.getenv("POLICYCONSOLE_TEST_PG_PORT");
        assertThat(dir).as("POLICYCONSOLE_TEST_PG_DIR (set by scripts/test.sh)").isNotBlank();
        Path script = Path.of("..", "scripts", "postgres.sh").toAbsolutePath().normalize();
        assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        ProcessBuilder pb = "stop".equals(action)
                ? new ProcessBuilder(script.toString(), "stop", dir)
                : new ProcessBuilder(script.toString(), "start", dir, port);
        Process p = pb.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("postgres.sh " + action + ": " + output).isZero();
    }
}
