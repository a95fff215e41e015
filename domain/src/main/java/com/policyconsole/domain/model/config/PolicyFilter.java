package com.policyconsole.domain.model.config;

/**
 * {@code policy_filter} (Table 4, PolicyFilterDefinition): which resources a configuration-change rule
 * evaluates. Every field is optional.
 */
public record PolicyFilter(
        String regionId,
        String resourceProvider,
        String resourceType,
        String resourceId,
        String tagKey,
        String tagValue) {

    /** A filter on a cloud service's resource type, the most common form. */
    public static PolicyFilter forResources(String resourceProvider, String resourceType) {
        return new PolicyFilter(null, resourceProvider, resourceType, null, null, null);
    }
}
