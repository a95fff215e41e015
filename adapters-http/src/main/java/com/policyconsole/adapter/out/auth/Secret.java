package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.log.Redactor;
import com.policyconsole.adapter.out.http.AuthenticationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret from configuration: a value, or a file holding it (re-read when the file changes, so rotated
 * credentials are picked up). {@link #toString()} never shows the value; every value read is remembered by the
 * {@link Redactor} so that it is masked wherever it might appear.
 */
public final class Secret {

    private final String key;
    private final String value;
    private final Path file;
    private FileTime readAt;
    private String fileValue;

    private Secret(String key, String value, Path file) {
        this.key = Objects.requireNonNull(key, "'key' must not be null");
        this.value = value;
        this.file = file;
        Redactor.remember(value);
    }

    /** A secret given directly. */
    public static Secret ofValue(String key, String value) {
        return new Secret(key, Objects.requireNonNull(value, "'value' must not be null"), null);
    }

    /** A secret read from a file (surrounding white space, such as a final newline, is dropped). */
    public static Secret ofFile(String key, Path file) {
        return new Secret(key, null, Objects.requireNonNull(file, "'file' must not be null"));
    }

    /**
     * The secret configured as {@code key} or {@code key-file}; the value wins when both are set.
     *
     * @return empty when neither is set (blank counts as not set)
     */
    public static Optional<Secret> from(String key, Optional<String> value, Optional<String> file) {
        if (value.isPresent() && !value.get().isBlank()) {
            return Optional.of(ofValue(key, value.get().strip()));
        }
        if (file.isPresent() && !file.get().isBlank()) {
            return Optional.of(ofFile(key, Path.of(file.get().strip())));
        }
        return Optional.empty();
    }

    /** The config key this secret comes from, e.g. {@code policyconsole.cloud.secret-key}. */
    public String key() {
        return key;
    }

    /**
     * The secret value.
     *
     * @throws AuthenticationFailure when the file cannot be read or is empty
     */
    public String reveal() {
        if (file == null) {
            Redactor.remember(value);
            return value;
        }
        synchronized (this) {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (fileValue == null || !modified.equals(readAt)) {
                    String read = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (read.isEmpty()) {
                        throw AuthenticationFailure.notConfigured("the file of " + key + "-file is empty");
                    }
                    fileValue = read;
                    readAt = modified;
                }
                Redactor.remember(fileValue);
                return fileValue;
            } catch (IOException e) {
                throw AuthenticationFailure.notConfigured("cannot read the file of " + key + "-file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }

    /** Where the secret comes from; never its value. */
    @Override
    public String toString() {
        return file == null ? key + "=" + Redactor.MASK : key + "-file=" + file;
    }
}
