package com.policyconsole.domain.port.out;

/** One-way password hashes, slow on purpose. */
public interface PasswordHashing {

    String hash(String password);

    /** Whether {@code password} is the one {@code hash} was made from; false for a malformed hash. */
    boolean matches(String password, String hash);

    /** Spends the time of one verification, for a login whose user does not exist, so that both take as long. */
    void spendVerification(String password);
}
