package com.policyconsole.domain.port.out;

/**
 * Each user's session epoch, shared by every console of the database: a session is valid only while it carries its
 * user's current epoch, so advancing it ends every session of that user at once (within the accounts' keeping time).
 */
public interface SessionEpochs {

    /** The current epoch of {@code username} (any case); 0 until it first advances. */
    long current(String username);

    /** Advances the epoch of {@code username} (any case) and returns the new one. */
    long advance(String username);
}
