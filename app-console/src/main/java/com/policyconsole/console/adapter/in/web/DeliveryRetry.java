package com.policyconsole.console.adapter.in.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.policyconsole.console.adapter.out.persistence.HistoryDetail;
import com.policyconsole.console.wire.EmergencyPolicyWire;
import com.policyconsole.console.wire.WireReader;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out how to retry a failed or unknown emergency-policy delivery: reads the recorded request back and,
 * unless the request certainly never arrived (FAILED), finds in SecMaster the one policy with the same category,
 * objects and ageing, whose ID goes into {@code retry_list}. No such policy: the create never took effect and can be
 * sent again. Several: the console cannot tell which is this entry's and sends nothing.
 */
@ApplicationScoped
public class DeliveryRetry {

    private final EmergencyPolicyGateway gateway;
    private final ObjectMapper json;

    public DeliveryRetry(EmergencyPolicyGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    /** What the retry of an entry should send. */
    public sealed interface Plan permits Plan.RetryPolicies, Plan.CreateAgain, Plan.Ambiguous {
        SecMasterWorkspace workspace();

        String version();

        EmergencyPolicy policy();

        /** SecMaster holds policies with these objects: retry their delivery. */
        record RetryPolicies(SecMasterWorkspace workspace, String version, EmergencyPolicy policy, List<String> policyIds)
                implements Plan {
        }

        /** The original create did not take effect ({@code reason} says how we know): send it again. */
        record CreateAgain(SecMasterWorkspace workspace, String version, EmergencyPolicy policy, String reason)
                implements Plan {
        }

        /** SecMaster holds several policies with these objects: which one is this entry's cannot be told. */
        record Ambiguous(SecMasterWorkspace workspace, String version, EmergencyPolicy policy, List<String> policyIds)
                implements Plan {
        }
    }

    /**
     * Plans the retry of {@code entry}.
     *
     * @throws com.policyconsole.domain.port.out.CloudReadException when SecMaster cannot be searched
     * @throws IllegalArgumentException when the entry's recorded request cannot be read back
     */
    public Plan plan(HistoryDetail entry) {
        EmergencyPolicyRequest original = readBack(entry);
        EmergencyPolicy policy = original.policy();
        if ("FAILED".equals(entry.row().status())) {
            return new Plan.CreateAgain(original.workspace(), original.secmasterVersion(), policy,
                    "Entry #" + entry.row().id() + " certainly did not reach SecMaster.");
        }
        Set<String> wanted = normalised(policy.parsedTargets());
        List<String> ids = gateway.search(original.workspace(), original.secmasterVersion()).policies().stream()
                .filter(p -> p.category().wireName().equals(policy.policyCategory()))
                .filter(p -> normalised(p.targets()).equals(wanted))
                .filter(p -> java.util.Objects.equals(p.agesOutAt(), ageing(policy)))
                .map(KnownPolicy::policyId)
                .toList();
        if (ids.isEmpty()) {
            return new Plan.CreateAgain(original.workspace(), original.secmasterVersion(), policy,
                    "SecMaster holds no policy with these objects, so entry #" + entry.row().id() + " did not create one.");
        }
        if (ids.size() > 1) {
            return new Plan.Ambiguous(original.workspace(), original.secmasterVersion(), policy, ids);
        }
        return new Plan.RetryPolicies(original.workspace(), original.secmasterVersion(), policy, ids);
    }

    private EmergencyPolicyRequest readBack(HistoryDetail entry) {
        try {
            URI url = URI.create(entry.requestUrl());
            String[] segments = url.getPath().split("/");
            int v1 = java.util.Arrays.asList(segments).indexOf("v1");
            SecMasterWorkspace workspace = new SecMasterWorkspace(segments[v1 + 1], segments[v1 + 3]);
            String version = header(entry.requestHeaders(), "x-secmaster-version");
            JsonNode body = json.readTree(entry.requestBody());
            WireReader reader = new WireReader();
            EmergencyPolicyRequest request = EmergencyPolicyWire.read(workspace, version, "create", body, reader);
            if (request.policy() == null || !reader.typeErrors().isEmpty()) {
                throw new IllegalArgumentException("the recorded request of entry " + entry.row().id() + " has no policy");
            }
            return request;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the recorded request of entry " + entry.row().id()
                    + " cannot be read back: " + e.getMessage(), e);
        }
    }

    private static String header(String lines, String name) {
        for (String line : lines.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static java.time.Instant ageing(EmergencyPolicy policy) {
        return policy.blockAge() != null && policy.blockAge().ages() ? policy.blockAge().ageingInstant().orElse(null) : null;
    }

    private static Set<String> normalised(List<BlockTarget> targets) {
        return targets.stream().map(t -> t.text().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    }
}
