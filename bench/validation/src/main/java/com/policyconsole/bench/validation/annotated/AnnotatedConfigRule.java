package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The body of Config's "Adding a Rule" (Table 3) as a Bean Validation bean. */
public final class AnnotatedConfigRule {

    @Pattern(regexp = WireFormats.OPTIONAL_ASSIGNMENT_TYPE)
    private final String policyAssignmentType;

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.RULE_NAME)
    private final String name;

    @Size(max = 512)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String description;

    @Pattern(regexp = WireFormats.OPTIONAL_PERIOD)
    private final String period;

    @Valid
    private final AnnotatedPolicyFilter policyFilter;

    @Size(max = 36)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    private final String policyDefinitionId;

    @Valid
    private final AnnotatedCustomPolicy customPolicy;

    /** Parameter names: 1 to 128 printable characters; the values are any JSON. */
    private final Map<@NotBlank @Size(max = 128) @Pattern(regexp = WireFormats.SINGLE_LINE) String, JsonValue> parameters;

    /** At most 20 tags; that keys are unique is not expressible. */
    @Size(max = 20)
    private final List<@NotNull @Valid AnnotatedResourceTag> tags;

    private AnnotatedConfigRule(ConfigRule r) {
        this.policyAssignmentType = r.policyAssignmentType();
        this.name = r.name();
        this.description = r.description();
        this.period = r.period();
        this.policyFilter = AnnotatedPolicyFilter.from(r.policyFilter());
        this.policyDefinitionId = r.policyDefinitionId();
        this.customPolicy = AnnotatedCustomPolicy.from(r.customPolicy());
        this.parameters = r.parameters();
        this.tags = r.tags() == null ? null : r.tags().stream().map(AnnotatedResourceTag::from).toList();
    }

    /** The same values as {@code rule}; null stays null. */
    public static AnnotatedConfigRule from(ConfigRule rule) {
        return rule == null ? null : new AnnotatedConfigRule(rule);
    }
}
