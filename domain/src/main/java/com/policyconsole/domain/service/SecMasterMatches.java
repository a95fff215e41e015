package com.policyconsole.domain.service;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the policies SecMaster holds that a create request made: the same category, objects and ageing. */
final class SecMasterMatches {

    private SecMasterMatches() {
    }

    /**
     * The IDs of SecMaster's policies with {@code request}'s category, objects and ageing.
     *
     * @throws CloudReadException when SecMaster cannot be searched
     */
    static List<String> policies(EmergencyPolicyGateway gateway, EmergencyPolicyRequest request) {
        EmergencyPolicy policy = request.policy();
        Set<String> wanted = normalised(policy.parsedTargets());
        Instant ageing = policy.blockAge() != null && policy.blockAge().ages()
                ? policy.blockAge().ageingInstant().orElse(null) : null;
        return gateway.search(request.workspace(), request.secmasterVersion()).policies().stream()
                .filter(p -> p.category().wireName().equals(policy.policyCategory()))
                .filter(p -> normalised(p.targets()).equals(wanted))
                .filter(p -> Objects.equals(p.agesOutAt(), ageing))
                .map(KnownPolicy::policyId)
                .toList();
    }

    private static Set<String> normalised(List<BlockTarget> targets) {
        return targets.stream().map(t -> t.text().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
