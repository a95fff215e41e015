package com.policyconsole.domain.model.config;

import com.policyconsole.domain.model.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code custom_policy} (Table 5, CustomPolicy): the FunctionGraph function a custom rule runs and how
 * Config is authorised to call it.
 *
 * @param functionUrn {@code function_urn}, mandatory, at most 1024 characters
 * @param authType {@code auth_type}, mandatory: {@code agency}
 * @param authValue {@code auth_value}, e.g. {@code {"agency_name": "rms_fgs_agency"}}
 */
public record CustomPolicy(String functionUrn, String authType, Map<String, JsonValue> authValue) {

    public CustomPolicy {
        authValue = authValue == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(authValue));
    }

    /** A function called through the agency {@code agencyName}. */
    public static CustomPolicy viaAgency(String functionUrn, String agencyName) {
        return new CustomPolicy(functionUrn, AuthType.AGENCY.wireName(), Map.of("agency_name", JsonValue.of(agencyName)));
    }
}
