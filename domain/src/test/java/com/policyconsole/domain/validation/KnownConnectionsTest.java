package com.policyconsole.domain.validation;

import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownConnectionsTest {

    private static final DefenseConnection CFW = new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635",
            "CFW authentication token.", "cn-north-7", "CN North-Ulanqab1", "CFW", "0", "default",
            "3bb27e024693436da46b5f5aaf499060", "cn-north-7");
    private static final KnownConnections KNOWN = new KnownConnections(List.of(CFW));

    private static EmergencyPolicy with(DefenseConnection connection) {
        return seedPolicy().toBuilder().defensePolicyList(List.of(connection)).build();
    }

    @Test
    void aConnectionNamedByItsIdAloneIsFilledInAsConfigured() {
        KnownConnections.Reconciled r = KNOWN.reconcile(with(new DefenseConnection(CFW.defenseConnectionId(), null,
                null, null, null, null, null, null, null)));
        assertThat(r.violations()).isEmpty();
        assertThat(r.policy().defensePolicyList()).containsExactly(CFW);
    }

    @Test
    void aFieldThatDiffersFromTheConfiguredConnectionIsRefusedNotSent() {
        KnownConnections.Reconciled r = KNOWN.reconcile(with(new DefenseConnection(CFW.defenseConnectionId(),
                "<script>alert(1)</script>", null, null, "WAF", null, null, "ffffffffffffffffffffffffffffffff", null)));
        assertThat(r.violations()).extracting(Violation::path).containsExactly(
                "data_object.defense_policy_list[0].defense_connection_name",
                "data_object.defense_policy_list[0].defense_type",
                "data_object.defense_policy_list[0].target_project_id");
    }

    @Test
    void anUnknownConnectionIsRefused() {
        KnownConnections.Reconciled r = KNOWN.reconcile(with(new DefenseConnection("not-configured", "CFW",
                null, null, "CFW", null, null, null, null)));
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("data_object.defense_policy_list[0].defense_connection_id");
            assertThat(v.message()).contains("not a connection this console knows").contains(CFW.defenseConnectionId());
        });
    }
}
