package com.policyconsole.console.api;

import com.policyconsole.adapter.out.config.ConfigCodec;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.secmaster.SecMasterCodec;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.validation.Violation;
import java.util.List;

/** The cloud APIs' own bodies inside API requests, read with the one codec of each wire format. */
public final class WireBodies {

    private WireBodies() {
    }

    /**
     * A body read strictly: the value, or the fields the format does not define, or the first field of the wrong type.
     */
    public record Read<T>(T value, List<String> unknownFields, Violation typeError) {
    }

    /** SecMaster's create body ({@code {"data_object": …}}). */
    public static Read<EmergencyPolicyRequest> policy(SecMasterWorkspace workspace, String version, String wire) {
        List<String> unknown = SecMasterCodec.unknownFields(wire);
        if (!unknown.isEmpty()) {
            return new Read<>(null, unknown, null);
        }
        WireJson.Typed<EmergencyPolicyRequest> typed = SecMasterCodec.readRequest(workspace, version, null, wire);
        return new Read<>(typed.value(), List.of(), typed.typeError());
    }

    /** The body of Config's "Adding a Rule". */
    public static Read<ConfigRule> rule(String wire) {
        List<String> unknown = ConfigCodec.unknownFields(wire);
        if (!unknown.isEmpty()) {
            return new Read<>(null, unknown, null);
        }
        WireJson.Typed<ConfigRule> typed = ConfigCodec.readRule(wire);
        return new Read<>(typed.value(), List.of(), typed.typeError());
    }
}
