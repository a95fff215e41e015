package com.policyconsole.bench.adapter;

import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.history.CloudOutcome;

/** Our side: the production {@link RmsConfigRuleGateway} bean (AK/SK signer, call executor, Quarkus REST client). */
final class AdapterRuleCreator implements RuleCreator {

    private final RmsConfigRuleGateway gateway;

    AdapterRuleCreator(RmsConfigRuleGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String createRule() {
        CloudOutcome outcome = gateway.prepare(new ConfigRuleRequest(BenchRule.DOMAIN_ID, BenchRule.domainRule())).send();
        if (outcome instanceof CloudOutcome.Accepted accepted && BenchRule.ANSWERED_ID.equals(accepted.resultId())) {
            return null;
        }
        return outcome.toString();
    }
}
