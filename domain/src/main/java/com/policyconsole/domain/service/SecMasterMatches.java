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

/**
 * Finds the policies SecMaster holds that a create request made: the same category, objects and ageing — the one rule
 * by which the console tells which of SecMaster's policies a create made.
 */
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
        List<String> wanted = policy.parsedTargets().stream().map(BlockTarget::text).toList();
        Instant ageing = ageing(policy);
        return gateway.search(request.workspace(), request.secmasterVersion()).policies().stream()
                .filter(p -> same(policy.policyCategory(), wanted, ageing, p.category().wireName(),
                        p.targets().stream().map(BlockTarget::text).toList(), p.agesOutAt()))
                .map(KnownPolicy::policyId)
                .toList();
    }

    /**
     * Whether a policy of {@code category}, {@code objects} and {@code ageing} is one a create of {@code wantedCategory},
     * {@code wanted} and {@code wantedAgeing} made: the same category, the same objects (in any order and case), the
     * same ageing.
     */
    static boolean same(String wantedCategory, List<String> wanted, Instant wantedAgeing, String category,
                        List<String> objects, Instant ageing) {
        return Objects.equals(wantedCategory, category) && Objects.equals(wantedAgeing, ageing)
                && normalised(wanted).equals(normalised(objects));
    }

    /** When a policy ages out, null when never. */
    static Instant ageing(EmergencyPolicy policy) {
        return policy.blockAge() != null && policy.blockAge().ages() ? policy.blockAge().ageingInstant().orElse(null)
                : null;
    }

    private static Set<String> normalised(List<String> objects) {
        return objects.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
