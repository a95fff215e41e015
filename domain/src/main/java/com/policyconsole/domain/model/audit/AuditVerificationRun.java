package com.policyconsole.domain.model.audit;

import java.util.Optional;

/**
 * A verification of the audit trail and who asked for it.
 *
 * @param result what the verification found
 * @param verifiedBy who asked
 * @param anchor the anchor checked with it, if any
 */
public record AuditVerificationRun(AuditVerification result, String verifiedBy, Optional<AuditAnchor> anchor) {
}
