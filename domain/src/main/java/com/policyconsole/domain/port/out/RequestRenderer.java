package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.RenderedRequest;

/** Renders a request exactly as the adapters will send it (method, URL, headers with secrets masked, body). */
public interface RequestRenderer {

    RenderedRequest render(EmergencyPolicyRequest request);

    RenderedRequest render(ConfigRuleRequest request);
}
