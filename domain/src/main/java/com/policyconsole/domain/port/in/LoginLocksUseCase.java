package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.login.LoginKey;
import com.policyconsole.domain.model.login.LoginLock;
import java.util.List;

/** An admin's view of the accounts and addresses that must wait, and lifting a wait. */
public interface LoginLocksUseCase {

    List<LoginLock> waiting();

    /** Lifts the key's wait and forgets its failures; logged as an unlock by {@code actor}. */
    void unlock(String actor, LoginKey key);
}
