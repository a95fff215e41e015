package com.policyconsole.domain.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The API's guards that every console of a database shares: calls per token per minute, and idempotency keys (the
 * first attempt of a key claims it; a repeat gets the first attempt's answer).
 */
public interface ApiGuards {

    /** A claimed or earlier key: the hash of its request and, once there is one, its answer. */
    record KeyRecord(String requestHash, Integer status, String body, String location) {
    }

    /** Counts a call of the token in the window starting at {@code window}; the calls so far in it. */
    int countCall(long tokenId, Instant window);

    /** Claims the key for a request with this hash: empty when this attempt is the first, else the earlier one. */
    Optional<KeyRecord> claim(long tokenId, String key, String requestHash, Instant at);

    /** Keeps the first attempt's answer for the key. */
    void answer(long tokenId, String key, int status, String body, String location);

    /** Lets the key go when the first attempt sent nothing (so that it can be sent again with the same key). */
    void release(long tokenId, String key);
}
