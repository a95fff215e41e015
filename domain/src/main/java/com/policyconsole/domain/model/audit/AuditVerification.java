package com.policyconsole.domain.model.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of walking the audit chain: how many sealed records were checked, how many records were not sealed yet
 * (their content hashes were checked), the chain head, and the findings — the first break in the chain, the first
 * unsealed record that was changed, and the first history entry and account that differ from their last record. No
 * finding means the trail is intact.
 */
public record AuditVerification(Instant verifiedAt, long recordsChecked, long unsealed, long headPosition,
                                String headHash, List<AuditFinding> findings, Duration took) {

    public AuditVerification {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
