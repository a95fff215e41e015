package com.policyconsole.domain.service;

import com.policyconsole.domain.model.account.UserAccount;
import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.model.login.LoginEvent;
import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginLock;
import com.policyconsole.domain.model.login.LoginPolicy;
import com.policyconsole.domain.model.login.LoginResult;
import com.policyconsole.domain.port.in.AuthenticateUseCase;
import com.policyconsole.domain.port.in.LogInUseCase;
import com.policyconsole.domain.port.in.LoginLocksUseCase;
import com.policyconsole.domain.port.out.LoginRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Password login that resists guessing: an attempt while its account or its client address must still wait is
 * refused unchecked; a failure makes both wait longer ({@link LoginPolicy}) and, after enough in a row, locks them; a
 * success ends both rows of failures. The answers do not tell whether the user exists. Every attempt, lock and unlock
 * is logged.
 */
public final class LoginService implements LogInUseCase, LoginLocksUseCase {

    /** Failures shown on an account's page. */
    static final int RECENT_FAILURES = 10;

    private final AuthenticateUseCase passwords;
    private final LoginRecords records;
    private final LoginPolicy policy;
    private final Clock clock;

    public LoginService(AuthenticateUseCase passwords, LoginRecords records, LoginPolicy policy, Clock clock) {
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.records = Objects.requireNonNull(records, "'records' must not be null");
        this.policy = Objects.requireNonNull(policy, "'policy' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public LoginResult logIn(String username, String password, String address, String knownDevice) {
        Instant now = clock.instant();
        LoginKey account = LoginKey.account(username);
        // a browser that logged in to the account before waits on its own failures, not on the name's
        LoginKey name = knownDevice == null ? account : LoginKey.device(username, knownDevice);
        LoginKey client = LoginKey.address(address);
        Duration wait = longer(waitOf(name, now), waitOf(client, now));
        if (wait.compareTo(Duration.ZERO) > 0) {
            // counted per name, address and minute; only the first of a window is an event (and an audit record)
            if (records.countThrottled(account.value(), client.value(), now.truncatedTo(ChronoUnit.MINUTES),
                    now.minus(Duration.ofDays(1))) == 1) {
                records.append(new LoginEvent(LoginEvent.Kind.THROTTLED, now, account.value(), client.value(), null));
            }
            return new LoginResult.Throttled(wait);
        }
        Optional<UserAccount> found = passwords.authenticate(username, password);
        if (found.isPresent()) {
            records.reset(name);
            records.reset(client);
            records.append(new LoginEvent(LoginEvent.Kind.SUCCEEDED, now, account.value(), client.value(), null));
            return new LoginResult.LoggedIn(found.get());
        }
        records.append(new LoginEvent(LoginEvent.Kind.FAILED, now, account.value(), client.value(), null));
        for (LoginKey key : List.of(name, client)) {
            int failures = records.recordFailure(key, now, now.minus(policy.lockDuration()));
            Duration next = policy.waitAfter(failures);
            if (next.compareTo(Duration.ZERO) > 0) {
                records.holdUntil(key, now.plus(next), policy.locks(failures));
            }
            if (failures == policy.lockAfter()) {
                records.append(lockEvent(LoginEvent.Kind.LOCKED, now, key, null, account.value()));
            }
        }
        return new LoginResult.Refused();
    }

    @Override
    public AccountActivity activity(String username) {
        return records.activity(LoginKey.account(username).value(), RECENT_FAILURES);
    }

    @Override
    public List<LoginLock> waiting() {
        return records.waiting(clock.instant());
    }

    @Override
    public void unlock(String actor, LoginKey key) {
        records.reset(key);
        records.append(lockEvent(LoginEvent.Kind.UNLOCKED, clock.instant(), key, actor, null));
    }

    private Duration waitOf(LoginKey key, Instant now) {
        return records.notBefore(key).filter(now::isBefore).map(until -> Duration.between(now, until))
                .orElse(Duration.ZERO);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The event of a lock or unlock of {@code key}; a known device's is the account's, from "known device". */
    private static LoginEvent lockEvent(LoginEvent.Kind kind, Instant at, LoginKey key, String actor, String name) {
        return switch (key.kind()) {
            case ACCOUNT -> new LoginEvent(kind, at, key.value(), null, actor);
            case ADDRESS -> new LoginEvent(kind, at, null, key.value(), actor);
            case DEVICE -> new LoginEvent(kind, at, name, "known device", actor);
        };
    }
}
