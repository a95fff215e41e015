package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** The domain's violations as a form shows them: by wire path next to each field, and all at the top. */
@TemplateData
public record FieldErrors(Violations violations) {

    public static FieldErrors none() {
        return new FieldErrors(Violations.none());
    }

    /** Errors and warnings at exactly this wire path. */
    public List<Violation> at(String path) {
        return violations.at(path);
    }

    /** Errors and warnings at this path or below it ({@code data_object.defense_policy_list} covers its items). */
    public List<Violation> under(String path) {
        return violations.all().stream()
                .filter(v -> v.path().equals(path) || v.path().startsWith(path + ".") || v.path().startsWith(path + "["))
                .toList();
    }

    public boolean has(String path) {
        return !under(path).isEmpty();
    }

    public List<Violation> errors() {
        return violations.errors();
    }

    public List<Violation> warnings() {
        return violations.warnings();
    }

    public boolean hasErrors() {
        return violations.hasErrors();
    }

    public boolean hasWarnings() {
        return violations.hasWarnings();
    }
}
