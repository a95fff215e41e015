package com.policyconsole.console.adapter.out.persistence.account;

import com.policyconsole.domain.port.out.PasswordHashing;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@link PasswordHashing} with bcrypt (Elytron's implementation, Modular Crypt format {@code $2a$12$…}). Verifying
 * against a made-up hash when there is no user keeps the time of a failed login about the same for unknown and known
 * user names.
 */
@ApplicationScoped
public class BcryptPasswordHashing implements PasswordHashing {

    /** Bcrypt's cost: 2^12 rounds, about a quarter of a second on one core. */
    static final int COST = 12;

    @Override
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void spendVerification(String password) {
        matches(password, DummyHash.VALUE);
    }

    /** The hash of a random password nobody knows, made once. */
    private static final class DummyHash {
        static final String VALUE;

        static {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            VALUE = BcryptUtil.bcryptHash(HexFormat.of().formatHex(random), COST);
        }
    }
}
