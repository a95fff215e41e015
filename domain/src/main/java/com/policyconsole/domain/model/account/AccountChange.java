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

    /**
     * A new password, as its hash.
     *
     * @param bySomeoneElse set by someone other than the user: they must set their own at the next login
     */
    record NewPasswordHash(String hash, boolean bySomeoneElse) implements AccountChange {

        @Override
        public String toString() {
            return "NewPasswordHash[****]";
        }
    }

    /**
     * New roles, in the order of {@link Roles#ALL}.
     *
     * @param bySomeoneElse set by someone other than the user
     */
    record NewRoles(List<String> roles, boolean bySomeoneElse) implements AccountChange {

        public NewRoles {
            roles = List.copyOf(roles);
        }
    }

    /** Enabled or disabled. */
    record NewEnabled(boolean enabled) implements AccountChange {
    }
}
