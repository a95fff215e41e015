package com.policyconsole.bench.validation.annotated;

import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code custom_policy} (Config Table 5) as a Bean Validation bean. */
public final class AnnotatedCustomPolicy {

    @NotBlank
    @Size(max = 1024)
    @Pattern(regexp = WireFormats.SINGLE_LINE)
    @Pattern(regexp = WireFormats.FUNCTION_URN)
    private final String functionUrn;

    @NotBlank
    @Pattern(regexp = WireFormats.AUTH_TYPE)
    private final String authType;

    /** Unconstrained: "auth_value names the agency" looks inside the JSON value. */
    private final Map<String, JsonValue> authValue;

    private AnnotatedCustomPolicy(CustomPolicy p) {
        this.functionUrn = p.functionUrn();
        this.authType = p.authType();
        this.authValue = p.authValue();
    }

    /** The same values as {@code policy}; null stays null. */
    public static AnnotatedCustomPolicy from(CustomPolicy policy) {
        return policy == null ? null : new AnnotatedCustomPolicy(policy);
    }
}
