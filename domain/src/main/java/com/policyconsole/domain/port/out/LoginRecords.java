package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.login.AccountActivity;
import com.policyconsole.domain.model.login.LoginEvent;
import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginLock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where failed logins are counted and the login log is kept, shared by every console of a database. */
public interface LoginRecords {

    /** When the key's next attempt is allowed, if it must wait. */
    Optional<Instant> notBefore(LoginKey key);

    /**
     * Counts a failure of the key at {@code at} and answers its failures in a row, the ones at or before
     * {@code forgetBefore} no longer counted; atomic across consoles.
     */
    int recordFailure(LoginKey key, Instant at, Instant forgetBefore);

    /** Makes the key wait until {@code until} (never shortening a longer wait); {@code locked} marks a lock. */
    void holdUntil(LoginKey key, Instant until, boolean locked);

    /** Forgets the key's failures and wait. */
    void reset(LoginKey key);

    /** Appends an event to the login log (and so to the audit chain). */
    void append(LoginEvent event);

    /** The keys that must still wait at {@code now}. */
    List<LoginLock> waiting(Instant now);

    /** The owner's view of logins to the account named {@code username}. */
    AccountActivity activity(String username, int recent);

    /**
     * Counts one attempt of {@code username} from {@code address} refused unchecked in the window starting at
     * {@code window} (and forgets windows that started before {@code forgetBefore}); returns the window's count.
     */
    int countThrottled(String username, String address, Instant window, Instant forgetBefore);
}
