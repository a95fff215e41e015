package com.policyconsole.domain.model.config;

/**
 * A rule's compliance summary ({@code GET …/{id}/policy-states/summary}, {@code results.resource_details}): how many of
 * the resources it evaluated comply and how many do not.
 *
 * @param compliant {@code compliant_count}
 * @param nonCompliant {@code non_compliant_count}
 */
public record ComplianceSummary(int compliant, int nonCompliant) {

    public ComplianceSummary {
        if (compliant < 0 || nonCompliant < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Every resource the rule evaluated. */
    public int evaluated() {
        return compliant + nonCompliant;
    }
}
