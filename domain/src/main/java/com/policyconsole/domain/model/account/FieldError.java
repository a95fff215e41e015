package com.policyconsole.domain.model.account;

/**
 * A refused input of a user-account form: the form field it belongs to ({@code username}, {@code password},
 * {@code roles}, {@code enabled}), a stable code and a message for the person at the form.
 */
public record FieldError(String field, String code, String message) {
}
