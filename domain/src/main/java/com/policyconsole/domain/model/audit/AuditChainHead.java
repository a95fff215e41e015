package com.policyconsole.domain.model.audit;

import java.time.Instant;

/**
 * The end of the audit chain, its last sealed record: note position and hash outside the console to anchor later
 * verifications.
 *
 * @param position the last sealed record's position, 0 for an empty chain
 * @param hash the last sealed record's hash
 * @param lastRecordedAt when the last sealed record was written, null for an empty chain
 * @param unsealed how many records were appended but are not sealed into the chain yet
 */
public record AuditChainHead(long position, String hash, Instant lastRecordedAt, long unsealed) {

    /** The head as an anchor: {@code #position:hash}. */
    public String anchor() {
        return "#" + position + ":" + hash;
    }
}
