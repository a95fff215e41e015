package com.policyconsole.console.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The secrets this test run made up — passwords of the users it created, session cookies, CSRF tokens, the cloud
 * token and session key of each application start, the keys the packaged consoles were given — kept in memory for
 * {@link SecretsLeakTest} and noted in {@link #DIRECTORY} (test scratch under {@code target/}, one file per JVM) for
 * {@link SecretsLeakIT}, which scans after every other test of the module, failsafe's included, then removes it.
 */
final class RunSecrets {

    /** Where each JVM of the run notes the secrets it made up. */
    static final Path DIRECTORY = Path.of("target", "run-secrets");

    private static final Set<SecretScanner.Secret> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Path FILE = DIRECTORY.resolve(ProcessHandle.current().pid() + ".tsv");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private RunSecrets() {
    }

    /** A password made up for this run only (remembered once a session logs in with it). */
    static String newPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Remembers {@code value} under {@code name}; values too short to scan for are left out. */
    static void remember(String name, String value) {
        if (value != null && value.length() >= SecretScanner.MIN_LENGTH
                && SECRETS.add(new SecretScanner.Secret(name, value))) {
            note(name, value);
        }
    }

    /** What this JVM made up. */
    static List<SecretScanner.Secret> all() {
        return List.copyOf(SECRETS);
    }

    /** What every JVM of the run noted: this one's and those that ran before it. */
    static List<SecretScanner.Secret> noted() throws IOException {
        List<SecretScanner.Secret> out = new ArrayList<>(all());
        if (!Files.isDirectory(DIRECTORY)) {
            return out;
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        out.add(new SecretScanner.Secret(line.substring(0, tab), new String(
                                Base64.getDecoder().decode(line.substring(tab + 1)), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return out;
    }

    /** Removes what the JVMs of the run noted. */
    static void forget() throws IOException {
        if (Files.isDirectory(DIRECTORY)) {
            try (Stream<Path> files = Files.list(DIRECTORY)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(DIRECTORY);
        }
    }

    private static synchronized void note(String name, String value) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(FILE, name.replace('\t', ' ').replace('\n', ' ') + "\t"
                            + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot note a secret of the run for the final scan", e);
        }
    }
}
