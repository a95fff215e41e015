package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.port.out.CloudReadException;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The built-in policy definitions for the rule form, read from Config (or the sandbox) and kept for five minutes. */
@ApplicationScoped
public class DefinitionCatalog {

    static final Duration KEEP = Duration.ofMinutes(5);

    private final ConfigRuleGateway gateway;
    private final Clock clock;
    private volatile List<PolicyDefinition> cached;
    private volatile Instant readAt = Instant.MIN;

    public DefinitionCatalog(ConfigRuleGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The definitions; throws {@link CloudReadException} when they cannot be read and none are kept. */
    public List<PolicyDefinition> definitions() {
        Instant now = clock.instant();
        List<PolicyDefinition> current = cached;
        if (current != null && readAt.plus(KEEP).isAfter(now)) {
            return current;
        }
        try {
            List<PolicyDefinition> fresh = gateway.definitions();
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
