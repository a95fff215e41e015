package com.policyconsole.domain.validation;

import com.policyconsole.domain.model.account.FieldError;
import com.policyconsole.domain.model.account.Roles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for account input. A user name has 3–64 characters of {@code [A-Za-z0-9._-]} and is unique whatever
 * its case; a password has at least 12 characters and at most 72 bytes in UTF-8 (bcrypt ignores anything
 * beyond, so a longer one would only look stronger), and is not the user name; a role set is a non-empty subset
 * of {@link Roles#ALL}.
 */
public final class AccountRules {

    public static final int USERNAME_MIN_LENGTH = 3;
    public static final int USERNAME_MAX_LENGTH = 64;
    public static final int PASSWORD_MIN_LENGTH = 12;
    public static final int PASSWORD_MAX_BYTES = 72;

    private static final Pattern USERNAME_CHARACTERS = Pattern.compile("[A-Za-z0-9._-]*");

    private AccountRules() {
    }

    /** Findings on a user name for field {@code username}; empty when it is acceptable. */
    public static List<FieldError> username(String username) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "username_required", "Enter a user name."));
            return errors;
        }
        if (username.length() < USERNAME_MIN_LENGTH || username.length() > USERNAME_MAX_LENGTH) {
            errors.add(new FieldError("username", "username_length",
                    "A user name has " + USERNAME_MIN_LENGTH + " to " + USERNAME_MAX_LENGTH + " characters."));
        }
        if (!USERNAME_CHARACTERS.matcher(username).matches()) {
            errors.add(new FieldError("username", "username_characters",
                    "A user name may contain only letters A–Z and a–z, digits, '.', '_' and '-'."));
        }
        return errors;
    }

    /** Findings on a new password for field {@code password}; {@code username} may be null when unknown. */
    public static List<FieldError> password(String password, String username) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "password_required", "Enter a password."));
            return errors;
        }
        if (password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            errors.add(new FieldError("password", "password_too_short",
                    "A password has at least " + PASSWORD_MIN_LENGTH + " characters."));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.add(new FieldError("password", "password_too_long",
                    "A password has at most " + PASSWORD_MAX_BYTES + " bytes (bcrypt ignores the rest)."));
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "password_is_username", "The password must not be the user name."));
        }
        return errors;
    }

    /** Findings on a role set for field {@code roles}; empty when it is acceptable. */
    public static List<FieldError> roles(Collection<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "roles_required", "Choose at least one role."));
            return errors;
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                errors.add(new FieldError("roles", "role_unknown",
                        "'" + role + "' is not a role; the roles are " + String.join(", ", Roles.ALL) + "."));
            }
        }
        return errors;
    }

    /** The known roles of {@code roles}, each once, in the order of {@link Roles#ALL}. */
    public static List<String> ordered(Collection<String> roles) {
        return Roles.ALL.stream().filter(roles::contains).toList();
    }

    /** The stored form of a role set: {@code operator,auditor,admin}. */
    public static String toColumn(Collection<String> roles) {
        return String.join(",", ordered(roles));
    }

    /** The role set of a stored {@code roles} column. */
    public static List<String> fromColumn(String column) {
        return ordered(List.of(column.split(",")));
    }
}
