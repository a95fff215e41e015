package com.policyconsole.console.config;

import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.port.out.RequestRenderer;
import com.policyconsole.domain.service.ConfigRuleChecks;
import com.policyconsole.domain.service.ConfigRuleService;
import com.policyconsole.domain.service.EmergencyPolicyChecks;
import com.policyconsole.domain.service.EmergencyPolicyService;
import com.policyconsole.domain.service.RequestPreviewService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the domain's plain-Java services to their ports: the adapters and the PostgreSQL history. */
@ApplicationScoped
public class DomainServices {

    @Produces
    @Singleton
    EmergencyPolicyChecks emergencyPolicyChecks(PolicyInventory inventory, Clock clock) {
        return new EmergencyPolicyChecks(inventory, clock);
    }

    @Produces
    @Singleton
    ConfigRuleChecks configRuleChecks(PolicyInventory inventory, ConfigRuleGateway catalog) {
        return new ConfigRuleChecks(inventory, catalog);
    }

    @Produces
    @Singleton
    EmergencyPolicyService emergencyPolicyService(EmergencyPolicyGateway gateway, EmergencyPolicyChecks checks,
                                                  RequestHistory history, RequestRenderer renderer, Clock clock) {
        return new EmergencyPolicyService(gateway, checks, history, renderer, clock);
    }

    @Produces
    @Singleton
    ConfigRuleService configRuleService(ConfigRuleGateway gateway, ConfigRuleChecks checks, RequestHistory history,
                                        RequestRenderer renderer, Clock clock) {
        return new ConfigRuleService(gateway, checks, history, renderer, clock);
    }

    @Produces
    @Singleton
    RequestPreviewService requestPreviewService(EmergencyPolicyChecks emergencyChecks, ConfigRuleChecks ruleChecks,
                                                RequestRenderer renderer) {
        return new RequestPreviewService(emergencyChecks, ruleChecks, renderer);
    }
}
