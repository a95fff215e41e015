package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Config's "Adding a Rule" request (Tables 1 and 3–7) as a Bean Validation bean: every rule of {@code ConfigRules}
 * that standard constraints can state, and none weakened.
 */
public final class AnnotatedConfigRuleRequest {

    @NotBlank
    @Size(max = 36)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.DOMAIN_ID)
    private final String domainId;

    @NotNull
    @Valid
    private final AnnotatedConfigRule rule;

    private AnnotatedConfigRuleRequest(ConfigRuleRequest r) {
        this.domainId = r.domainId();
        this.rule = AnnotatedConfigRule.from(r.rule());
    }

    /** The same values as {@code request}. */
    public static AnnotatedConfigRuleRequest from(ConfigRuleRequest request) {
        return new AnnotatedConfigRuleRequest(request);
    }
}
