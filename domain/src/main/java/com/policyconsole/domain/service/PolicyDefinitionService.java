package com.policyconsole.domain.service;

import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.PolicyDefinitionsQuery;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The built-in policy definitions, read from Config and kept for {@link #KEEP}; when Config cannot be read, the
 * definitions read last are still offered.
 */
public final class PolicyDefinitionService implements PolicyDefinitionsQuery {

    /** How long definitions read from Config are kept. */
    static final Duration KEEP = Duration.ofMinutes(5);

    private final ConfigRuleGateway gateway;
    private final Clock clock;
    private volatile List<PolicyDefinition> cached;
    private volatile Instant readAt = Instant.MIN;

    public PolicyDefinitionService(ConfigRuleGateway gateway, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public List<PolicyDefinition> definitions() {
        Instant now = clock.instant();
        List<PolicyDefinition> current = cached;
        if (current != null && readAt.plus(KEEP).isAfter(now)) {
            return current;
        }
        try {
            List<PolicyDefinition> fresh = List.copyOf(gateway.definitions());
            cached = fresh;
            readAt = now;
            return fresh;
        } catch (CloudReadException e) {
            if (current != null) {
                return current;
            }
            throw e;
        }
    }
}
