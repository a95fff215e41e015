package com.policyconsole.console.config;

import com.policyconsole.console.adapter.out.persistence.history.ConsoleLease;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.model.audit.SecurityAct;
import com.policyconsole.domain.port.out.SecurityActs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Records the approval settings each console starts with as an act of the audit chain: a four-eyes condition switched
 * off by configuration is as accountable as one switched off by a person.
 */
@ApplicationScoped
public class ApprovalSettingsAtStart {

    private final SecurityActs acts;
    private final ApprovalRules rules;
    private final ConsoleLease lease;
    private final Clock clock;

    public ApprovalSettingsAtStart(SecurityActs acts, ApprovalRules rules, ConsoleLease lease, Clock clock) {
        this.acts = acts;
        this.rules = rules;
        this.lease = lease;
        this.clock = clock;
    }

    void record(@Observes StartupEvent start) {
        acts.record(new SecurityAct(clock.instant(), "console", SecurityAct.Kind.APPROVAL_SETTINGS,
                lease.instanceId().toString(), rules.describe()));
    }
}
