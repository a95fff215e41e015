package com.policyconsole.domain.model.account;

import java.util.List;

/** What a change decides for an account as it is now: refuse, or set its password hash, roles or enabled flag. */
public sealed interface AccountChange {

    /** Nothing changes, for these reasons. */
    record Refuse(List<FieldError> errors) implements AccountChange {

        public Refuse {
            errors = List.copyOf(errors);
        }
    }

    /** A new password, as its hash. */
    record NewPasswordHash(String hash) implements AccountChange {

        @Override
        public String toString() {
            return "NewPasswordHash[****]";
        }
    }

    /** New roles, in the order of {@link Roles#ALL}. */
    record NewRoles(List<String> roles) implements AccountChange {

        public NewRoles {
            roles = List.copyOf(roles);
        }
    }

    /** Enabled or disabled. */
    record NewEnabled(boolean enabled) implements AccountChange {
    }
}
