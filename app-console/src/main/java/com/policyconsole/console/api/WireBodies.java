package com.policyconsole.console.api;

import com.policyconsole.adapter.out.config.ConfigCodec;
import com.policyconsole.adapter.out.http.WireJson;
import com.policyconsole.adapter.out.secmaster.SecMasterCodec;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.validation.KnownConnections;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
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

    /**
     * A create's request from an API body, or the problem with it; and the findings about its connections (a
     * connection the console does not know, a field that differs from the known one), which the rules' findings join.
     */
    public record Create(EmergencyPolicyRequest request, Problem problem, List<Violation> connectionFindings) {

        public Create {
            connectionFindings = connectionFindings == null ? List.of() : List.copyOf(connectionFindings);
        }

        Create(EmergencyPolicyRequest request, Problem problem) {
            this(request, problem, List.of());
        }

        /** The connection findings, or the problem they make when the request goes no further than this. */
        public Problem connectionProblem() {
            return connectionFindings.isEmpty() ? null : Problem.violations(Violations.of(connectionFindings));
        }
    }

    /** A create carries no retry_list: a retry is {@code POST …/{entry}/retry}. */
    static final Violation RETRY_LIST_IN_CREATE = Violation.error("data_object.retry_list", ViolationCode.NOT_ALLOWED,
            "retry_list is for retries, not creates: retry a delivery with POST /api/v1/emergency-policies/{entry}/retry");

    /** Where an API body's create goes: its workspace and SecMaster version. */
    public record Target(SecMasterWorkspace workspace, String version) {
    }

    /**
     * An API body's {@code project_id}, {@code workspace_id} and {@code secmaster_version}, {@code defaults} and
     * {@code defaultVersion} where absent or blank.
     *
     * @throws ApiJson.BadBody when one is not a string
     */
    public static Target target(ObjectNode object, SecMasterWorkspace defaults, String defaultVersion) {
        return new Target(new SecMasterWorkspace(orDefault(ApiJson.text(object, "project_id"), defaults.projectId()),
                orDefault(ApiJson.text(object, "workspace_id"), defaults.workspaceId())),
                orDefault(ApiJson.text(object, "secmaster_version"), defaultVersion));
    }

    /**
     * The create of an API body's {@code data_object} (SecMaster's, read strictly) to {@code target}, its connections
     * those of {@code known} with the same IDs (refused when one is unknown or a field sent differs).
     */
    public static Create create(Target target, JsonNode data, KnownConnections known) {
        Read<EmergencyPolicyRequest> typed = policy(target.workspace(), target.version(),
                "{\"data_object\":" + (data == null ? "null" : ApiJson.text(data)) + "}");
        if (!typed.unknownFields().isEmpty()) {
            return new Create(null, ApiJson.unknownFields(typed.unknownFields()));
        }
        Violation wrong = typed.typeError() != null ? typed.typeError()
                : typed.value().retryList() != null ? RETRY_LIST_IN_CREATE : null;
        if (wrong != null) {
            return new Create(null, Problem.violations(Violations.of(List.of(wrong))));
        }
        KnownConnections.Reconciled reconciled = known.reconcile(typed.value().policy());
        return new Create(new EmergencyPolicyRequest(target.workspace(), target.version(), "create", null,
                reconciled.policy()), null, reconciled.violations());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
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
