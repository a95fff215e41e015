package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.config.PolicyFilter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code policy_filter} (Config Table 4) as a Bean Validation bean. */
public final class AnnotatedPolicyFilter {

    @Size(max = 128)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String regionId;

    @Size(max = 128)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String resourceProvider;

    @Size(max = 128)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String resourceType;

    @Size(max = 512)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String resourceId;

    @Size(max = 128)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String tagKey;

    @Size(max = 256)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String tagValue;

    private AnnotatedPolicyFilter(PolicyFilter f) {
        this.regionId = f.regionId();
        this.resourceProvider = f.resourceProvider();
        this.resourceType = f.resourceType();
        this.resourceId = f.resourceId();
        this.tagKey = f.tagKey();
        this.tagValue = f.tagValue();
    }

    /** The same values as {@code filter}; null stays null. */
    public static AnnotatedPolicyFilter from(PolicyFilter filter) {
        return filter == null ? null : new AnnotatedPolicyFilter(filter);
    }
}
