package com.policyconsole.domain.model.audit;

import java.time.Instant;

/**
 * The end of the audit chain: note position and hash outside the console to anchor later verifications.
 *
 * @param position the last record's position, 0 for an empty chain
 * @param hash the last record's hash
 * @param lastRecordedAt when the last record was written, null for an empty chain
 */
public record AuditChainHead(long position, String hash, Instant lastRecordedAt) {

    /** The head as an anchor: {@code #position:hash}. */
    public String anchor() {
        return "#" + position + ":" + hash;
    }
}
