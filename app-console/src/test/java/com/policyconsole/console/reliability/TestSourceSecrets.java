package com.policyconsole.console.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The passwords, keys and tokens the tests write into their own sources, found by reading the sources: string
 * constants named like a secret, and literals passed where a password, a secret key or a token goes. Reading them,
 * rather than listing them, keeps the leak scan complete when a test adds one.
 */
final class TestSourceSecrets {

    private static final List<Pattern> PLACES = List.of(
            // static final String PASSWORD = "…", SUPPLIED, SK, SOME_SECRET, SOME_TOKEN
            Pattern.compile("static final String (?:\\w+_)?(?:PASSWORD|SECRET|SECRET_KEY|SK|TOKEN|SUPPLIED)\\s*=\\s*\"([^\"]+)\""),
            // formParam("password", "…"), formParam("j_password", "…")
            Pattern.compile("formParam\\(\"(?:j_)?password\",\\s*\"([^\"]+)\""),
            // accounts.create(actor, name, "…", roles)
            Pattern.compile("\\.create\\(\\s*\"[^\"]*\",\\s*[^,]+,\\s*\"([^\"]+)\""),
            // accounts.setPassword(actor, id, "…")
            Pattern.compile("setPassword\\([^,]+,\\s*[^,]+,\\s*\"([^\"]+)\""),
            // authenticate(name, "…"), postLogin(name, "…"), login(name, "…"), logIn(name, "…")
            Pattern.compile("(?:authenticate|postLogin|login|logIn)\\([^,()]+(?:\\(\\))?,\\s*\"([^\"]+)\""),
            // credentials.configure(accessKey, "…"), credentials.configureToken("…")
            Pattern.compile("configure(?:Token)?\\((?:[^,()]+,\\s*)?\"([^\"]+)\"\\)"),
            // header("X-Auth-Token", "…"), Map.of("X-Auth-Token", "…")
            Pattern.compile("\"X-Auth-Token\",\\s*\"([^\"]+)\""));

    private TestSourceSecrets() {
    }

    /** The secrets in every {@code .java} file under {@code root}, each value once, named after its first place. */
    static List<SecretScanner.Secret> find(Path root) {
        Map<String, String> placeByValue = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                find(source).forEach((value, line) -> placeByValue.putIfAbsent(value,
                        root.relativize(file) + ":" + line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SecretScanner.Secret> out = new ArrayList<>();
        placeByValue.forEach((value, place) -> out.add(new SecretScanner.Secret("secret in test source " + place, value)));
        return out;
    }

    /** The secret literals of one source text and the line of each; values too short to scan for are left out. */
    static Map<String, Integer> find(String source) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Pattern place : PLACES) {
            Matcher m = place.matcher(source);
            while (m.find()) {
                String value = m.group(1);
                if (value.length() >= SecretScanner.MIN_LENGTH) {
                    out.putIfAbsent(value, lineOf(source, m.start(1)));
                }
            }
        }
        return out;
    }

    private static int lineOf(String source, int index) {
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
