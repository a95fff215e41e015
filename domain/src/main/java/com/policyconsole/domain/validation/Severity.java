package com.policyconsole.domain.validation;

/** How serious a violation is: an error stops a request, a warning must be acknowledged. */
public enum Severity {
    ERROR,
    WARNING
}
