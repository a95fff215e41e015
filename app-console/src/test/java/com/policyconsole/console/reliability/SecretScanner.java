package com.policyconsole.console.reliability;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Looks for secrets in text — each as itself, URL-encoded and Base64-encoded — and says where, line by line,
 * without repeating them: a finding names the secret and shows its line with every secret masked.
 */
final class SecretScanner {

    /** Shorter values are too likely to occur by chance to be scanned for. */
    static final int MIN_LENGTH = 8;

    private static final int EXCERPT = 240;
    private static final String MASK = "****";

    /** A secret: what it is (for the report) and its value (never reported). */
    record Secret(String name, String value) {
        Secret {
            Objects.requireNonNull(name, "'name' must not be null");
            Objects.requireNonNull(value, "'value' must not be null");
            if (value.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("'value' of " + name + " has fewer than " + MIN_LENGTH
                        + " characters, too few to scan for");
            }
        }

        /** The value stays out of test reports. */
        @Override
        public String toString() {
            return "Secret[" + name + "]";
        }
    }

    /** One occurrence: which secret, in which form, where, and the line with every secret masked. */
    record Finding(String secret, String form, String source, int line, String maskedLine) {
        @Override
        public String toString() {
            return source + ":" + line + " " + secret + " (" + form + "): " + maskedLine;
        }
    }

    private record Needle(String secret, String form, String text) {
    }

    private final List<Needle> needles = new ArrayList<>();

    /** Secrets with the same value are reported under all their names at once. */
    SecretScanner(Collection<Secret> secrets) {
        Map<String, String> namesByValue = new LinkedHashMap<>();
        for (Secret s : secrets) {
            namesByValue.merge(s.value(), s.name(), (a, b) -> a.contains(b) ? a : a + " = " + b);
        }
        namesByValue.forEach((value, name) -> {
            needles.add(new Needle(name, "as is", value));
            String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (!urlEncoded.equals(value)) {
                needles.add(new Needle(name, "URL-encoded", urlEncoded));
            }
            for (String form : base64Forms(value)) {
                needles.add(new Needle(name, "Base64", form));
            }
        });
        // Longest first, so that masking a line never leaves part of a longer secret visible.
        needles.sort((a, b) -> Integer.compare(b.text().length(), a.text().length()));
    }

    /**
     * The Base64 texts (standard and URL-safe alphabets) that any Base64 encoding holding {@code value} contains,
     * wherever the value starts in the encoded bytes: for each of the three offsets within a 3-byte group, the
     * characters that depend on the value's bytes alone. So a secret inside a larger encoded value — a Basic header's
     * {@code user:secret}, a cookie — is found too, not only one encoded on its own.
     */
    static List<String> base64Forms(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            // the first group holds filler bytes when offset > 0; a last partial group depends on what follows
            int from = offset == 0 ? 0 : 4;
            int to = shifted.length / 3 * 4;
            if (to - from < 8) {
                continue;
            }
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String text = encoder.encodeToString(shifted).substring(from, to);
                if (!forms.contains(text)) {
                    forms.add(text);
                }
            }
        }
        return forms;
    }

    /** How many distinct values are looked for. */
    long secretCount() {
        return needles.stream().map(Needle::secret).distinct().count();
    }

    /** Every occurrence of a secret in {@code text}, called {@code source} in the findings. */
    List<Finding> scan(String source, String text) {
        List<Finding> findings = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            for (Needle needle : needles) {
                if (line.contains(needle.text())) {
                    findings.add(new Finding(needle.secret(), needle.form(), source, lineNumber, mask(line)));
                }
            }
        }
        return findings;
    }

    /** Every occurrence of a secret in the file, read as UTF-8 (malformed bytes replaced). */
    List<Finding> scan(Path file) throws IOException {
        return scan(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** The line with every secret masked, cut to an excerpt around the first mask. */
    private String mask(String line) {
        String masked = line;
        for (Needle n : needles) {
            masked = masked.replace(n.text(), MASK);
        }
        int at = Math.max(0, masked.indexOf(MASK));
        int from = Math.max(0, at - EXCERPT / 2);
        int to = Math.min(masked.length(), at + MASK.length() + EXCERPT / 2);
        return (from > 0 ? "..." : "") + masked.substring(from, to).strip() + (to < masked.length() ? "..." : "");
    }
}
