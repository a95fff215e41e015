package com.policyconsole.console.testing;

import com.policyconsole.domain.model.account.AccountResult;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import java.util.List;
import java.util.UUID;

/** Fresh console users for tests: a unique name each, so tests never depend on each other's accounts. */
public final class TestUserFactory {

    public static final String PASSWORD = "correct-horse-battery";

    private TestUserFactory() {
    }

    /** A user name no other test uses, starting with {@code prefix}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates an enabled user with password {@link #PASSWORD} and these roles, as a user who set their own password
     * (the creator is the user: no admin knows it, so their approvals count at once). Tests of accounts an admin made
     * create them through the users page or {@link ManageAccountsUseCase#create} with the admin as the actor.
     */
    public static TestUser create(ManageAccountsUseCase accounts, String prefix, String... roles) {
        String name = uniqueName(prefix);
        AccountResult result = accounts.create(name, name, PASSWORD, List.of(roles));
        if (!(result instanceof AccountResult.Done done)) {
            throw new IllegalStateException("test user not created: " + result);
        }
        return new TestUser(done.account().id(), name, PASSWORD);
    }

    public record TestUser(long id, String name, String password) {
    }
}
