package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.model.emergency.DefenseConnection;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * An operation connection the console offers in the emergency-policy form, read from
 * {@code policyconsole.console.connections} as nine {@code |}-separated fields in Table 7's order of meaning.
 */
@TemplateData
public record ConfiguredConnection(DefenseConnection connection) {

    /** Parses {@code id|name|defense type|region id|region name|eps id|eps name|project id|project name}. */
    public static ConfiguredConnection parse(String text) {
        String[] f = text.split("\\|", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException("policyconsole.console.connections: each entry needs 9 fields separated "
                    + "by '|' (id|name|defense type|region id|region name|eps id|eps name|project id|project name), got: "
                    + text);
        }
        return new ConfiguredConnection(new DefenseConnection(f[0].strip(), f[1].strip(), f[3].strip(), f[4].strip(),
                f[2].strip(), f[5].strip(), f[6].strip(), f[7].strip(), f[8].strip()));
    }

    public static List<ConfiguredConnection> parseAll(List<String> texts) {
        return texts.stream().filter(t -> !t.isBlank()).map(ConfiguredConnection::parse).toList();
    }

    public String id() {
        return connection.defenseConnectionId();
    }

    /** What the form shows: "CFW · CFW authentication token. · cn-north-7". */
    public String label() {
        return connection.defenseType() + " · " + connection.defenseConnectionName() + " · "
                + connection.defenseConnectionRegionId();
    }
}
