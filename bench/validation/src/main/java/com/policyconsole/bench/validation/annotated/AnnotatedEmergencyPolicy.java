package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code data_object} (SecMaster Table 5, 6 and 8) as a Bean Validation bean. */
public final class AnnotatedEmergencyPolicy {

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.REGION, payload = Warning.class)
    private final String regionId;

    /** Only "mandatory" is expressible: the objects' syntax depends on {@code policy_type}. */
    @NotBlank
    private final String blockTarget;

    @NotBlank
    @Pattern(regexp = WireFormats.POLICY_CATEGORY)
    private final String policyCategory;

    @NotBlank
    @Pattern(regexp = WireFormats.BLOCK_TYPE)
    private final String policyType;

    @NotNull
    @Valid
    private final AnnotatedBlockAge blockAge;

    @NotEmpty
    private final List<@NotNull @Valid AnnotatedDefenseConnection> defensePolicyList;

    @Size(max = 1024)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String description;

    @Size(max = 1024)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String labels;

    @Pattern(regexp = WireFormats.OPTIONAL_POLICY_DIRECTION)
    private final String policyDirection;

    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.OPTIONAL_HEX_ID, payload = Warning.class)
    private final String accountScope;

    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.OPTIONAL_EPS_ID, payload = Warning.class)
    private final String epsScope;

    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.OPTIONAL_HEX_ID, payload = Warning.class)
    private final String regionScope;

    private AnnotatedEmergencyPolicy(EmergencyPolicy p) {
        this.regionId = p.regionId();
        this.blockTarget = p.blockTarget();
        this.policyCategory = p.policyCategory();
        this.policyType = p.policyType();
        this.blockAge = AnnotatedBlockAge.from(p.blockAge());
        this.defensePolicyList = p.defensePolicyList() == null
                ? null
                : p.defensePolicyList().stream().map(AnnotatedDefenseConnection::from).toList();
        this.description = p.description();
        this.labels = p.labels();
        this.policyDirection = p.policyDirection();
        this.accountScope = p.accountScope();
        this.epsScope = p.epsScope();
        this.regionScope = p.regionScope();
    }

    /** The same values as {@code policy}; null stays null. */
    public static AnnotatedEmergencyPolicy from(EmergencyPolicy policy) {
        return policy == null ? null : new AnnotatedEmergencyPolicy(policy);
    }
}
