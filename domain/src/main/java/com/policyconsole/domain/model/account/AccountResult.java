package com.policyconsole.domain.model.account;

import java.util.List;

/** The outcome of a change to a user account: done, refused with the reasons per field, or no such account. */
public sealed interface AccountResult {

    /** The change is stored; {@code account} is the account as it is now. */
    record Done(UserAccount account) implements AccountResult {
    }

    /** Nothing was stored. */
    record Refused(List<FieldError> errors) implements AccountResult {

        public Refused {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("'errors' must not be empty");
            }
            errors = List.copyOf(errors);
        }
    }

    /** There is no account with this id; nothing was stored. */
    record NotFound(long id) implements AccountResult {
    }
}
