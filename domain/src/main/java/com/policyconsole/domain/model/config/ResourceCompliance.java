package com.policyconsole.domain.model.config;

import java.time.Instant;

/**
 * One resource's evaluation by a rule ({@code GET …/{id}/policy-states}, PolicyState).
 *
 * @param resourceId {@code resource_id}
 * @param resourceName {@code resource_name}
 * @param resourceType {@code resource_provider} and {@code resource_type}, e.g. {@code ecs.cloudservers}
 * @param regionId {@code region_id}
 * @param complianceState {@code compliance_state}: Compliant or NonCompliant
 * @param evaluatedAt {@code evaluation_time}
 */
public record ResourceCompliance(String resourceId, String resourceName, String resourceType, String regionId,
                                 String complianceState, Instant evaluatedAt) {

    /** The {@code compliance_state} of a resource that breaks the rule. */
    public static final String NON_COMPLIANT = "NonCompliant";
    /** The {@code compliance_state} of a resource that keeps it. */
    public static final String COMPLIANT = "Compliant";
}
