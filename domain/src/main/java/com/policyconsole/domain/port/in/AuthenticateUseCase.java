package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.account.UserAccount;
import java.util.Optional;

/** The two checks login needs: a name and password, and whether a session's account may go on. */
public interface AuthenticateUseCase {

    /**
     * The enabled account of this name (any case) whose password this is. Takes about as long whether or not the
     * user exists.
     */
    Optional<UserAccount> authenticate(String username, String password);

    /** The account of this name (any case), if it exists and is enabled. */
    Optional<UserAccount> active(String username);

    /** The session epoch a session of {@code username} must carry to be valid now. */
    long sessionEpoch(String username);

    /** Ends every session of {@code username} (a logout ends them all; the caller may start a new one). */
    void endSessions(String username);
}
