package com.policyconsole.domain.service;

import com.policyconsole.domain.guardrail.EmergencyPolicyGuardrails;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.ActionType;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violations;
import java.time.Clock;
import java.util.Objects;

/** Everything checked before an emergency-policy request may be sent: the document's rules, then the guardrails. */
public final class EmergencyPolicyChecks {

    private final PolicyInventory inventory;
    private final Clock clock;
    private final SecMasterLimits limits;

    public EmergencyPolicyChecks(PolicyInventory inventory, Clock clock) {
        this(inventory, clock, SecMasterLimits.DEFAULTS);
    }

    public EmergencyPolicyChecks(PolicyInventory inventory, Clock clock, SecMasterLimits limits) {
        this.inventory = Objects.requireNonNull(inventory, "'inventory' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.limits = Objects.requireNonNull(limits, "'limits' must not be null");
    }

    /**
     * All violations of {@code request}; the inventory is read only for a well-formed create.
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when the inventory cannot be read
     */
    public Violations check(EmergencyPolicyRequest request) {
        Violations violations = SecMasterRules.validate(request);
        if (violations.hasErrors()) {
            return violations;
        }
        WorkspacePolicies existing = request.action().orElse(null) == ActionType.CREATE
                ? inventory.policies(request.workspace(), request.policy().parsedTargets())
                : WorkspacePolicies.empty();
        return violations.and(EmergencyPolicyGuardrails.check(request, existing, clock.instant(), limits));
    }
}
