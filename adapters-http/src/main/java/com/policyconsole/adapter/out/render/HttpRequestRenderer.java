package com.policyconsole.adapter.out.render;

import com.policyconsole.adapter.out.config.RmsConfigRuleGateway;
import com.policyconsole.adapter.out.secmaster.SecMasterEmergencyPolicyGateway;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.port.out.RequestRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * {@link RequestRenderer} for previews and the history: asks each gateway to render its request with the very
 * code that builds what it sends (URL, documented headers, body, authentication headers), secret values masked.
 */
@ApplicationScoped
public class HttpRequestRenderer implements RequestRenderer {

    private final SecMasterEmergencyPolicyGateway secMaster;
    private final RmsConfigRuleGateway config;

    @Inject
    public HttpRequestRenderer(SecMasterEmergencyPolicyGateway secMaster, RmsConfigRuleGateway config) {
        this.secMaster = Objects.requireNonNull(secMaster, "'secMaster' must not be null");
        this.config = Objects.requireNonNull(config, "'config' must not be null");
    }

    @Override
    public RenderedRequest render(EmergencyPolicyRequest request) {
        return secMaster.render(request);
    }

    @Override
    public RenderedRequest render(ConfigRuleRequest request) {
        return config.render(request);
    }
}
