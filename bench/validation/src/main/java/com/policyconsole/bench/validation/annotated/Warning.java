package com.policyconsole.bench.validation.annotated;

import jakarta.validation.Payload;

/** Marks a constraint whose violation the domain reports as a warning, not an error. */
public interface Warning extends Payload {
}
