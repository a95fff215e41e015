package com.policyconsole.domain.model.config;

/**
 * One entry of {@code tags} (Table 7, ResourceTag).
 *
 * @param key 1 to 128 characters
 * @param value 0 to 255 characters
 */
public record ResourceTag(String key, String value) {
}
