package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.emergency.DefenseConnection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One {@code defense_policy_list} entry (SecMaster Table 7) as a Bean Validation bean. */
public final class AnnotatedDefenseConnection {

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String defenseConnectionId;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String defenseConnectionName;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String defenseConnectionRegionId;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String defenseConnectionRegionName;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.OPTIONAL_DEFENSE_LAYER, payload = Warning.class)
    private final String defenseType;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String targetEnterpriseId;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String targetEnterpriseName;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String targetProjectId;

    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String targetProjectName;

    private AnnotatedDefenseConnection(DefenseConnection c) {
        this.defenseConnectionId = c.defenseConnectionId();
        this.defenseConnectionName = c.defenseConnectionName();
        this.defenseConnectionRegionId = c.defenseConnectionRegionId();
        this.defenseConnectionRegionName = c.defenseConnectionRegionName();
        this.defenseType = c.defenseType();
        this.targetEnterpriseId = c.targetEnterpriseId();
        this.targetEnterpriseName = c.targetEnterpriseName();
        this.targetProjectId = c.targetProjectId();
        this.targetProjectName = c.targetProjectName();
    }

    /** The same values as {@code connection}; null stays null. */
    public static AnnotatedDefenseConnection from(DefenseConnection connection) {
        return connection == null ? null : new AnnotatedDefenseConnection(connection);
    }
}
