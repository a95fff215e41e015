package com.policyconsole.console.adapter.in.web.rule;

import com.policyconsole.adapter.json.JsonValues;
import com.policyconsole.domain.model.json.JsonValue;
import io.quarkus.qute.TemplateExtension;

/** A JSON value as the pages show it: its JSON text ({@code {p.value.json}}). */
@TemplateExtension
final class JsonText {

    private JsonText() {
    }

    static String json(JsonValue value) {
        return value == null ? "null" : JsonValues.toNode(value).toString();
    }
}
