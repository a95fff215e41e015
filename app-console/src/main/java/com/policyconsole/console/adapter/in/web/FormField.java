package com.policyconsole.console.adapter.in.web;

import io.quarkus.qute.TemplateData;

/** One submitted form value, carried through the preview page as a hidden input. */
@TemplateData
public record FormField(String name, String value) {
}
