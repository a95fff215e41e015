package com.policyconsole.domain.model.config;

/**
 * One complete call of "Adding a Rule": the {@code domain_id} path value (Table 1) and the rule (Table 3).
 *
 * @param domainId the account (domain) ID, at most 36 characters
 * @param rule the body
 */
public record ConfigRuleRequest(String domainId, ConfigRule rule) {
}
