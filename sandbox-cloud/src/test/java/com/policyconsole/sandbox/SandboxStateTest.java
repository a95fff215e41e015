package com.policyconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.adapter.out.secmaster.SecMasterCodec;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sandbox refuses what SecMaster refuses: too many objects, too many tasks at once, full quotas. */
class SandboxStateTest {

    private static final String WS = SandboxState.WORKSPACE_ID;
    private static final DefenseConnection CFW = connection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW");
    private static final DefenseConnection WAF = connection("c0ffee00-1234-4abc-9def-0123456789ab", "WAF");
    private static final DefenseConnection VPC = connection("d1e2f3a4-5b6c-4d7e-8f90-a1b2c3d4e5f6", "VPC");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SandboxFaults faults = new SandboxFaults(Duration.ofSeconds(1));
    private final SandboxState state = new SandboxState(clock, new SecMasterLimits(500, 500, 500, 5, 2, 8), faults,
            Duration.ofSeconds(2));

    @Test
    void aDeliveryOfMoreObjectsThanALayerTakesIsRefused() {
        assertThat(state.create(WS, policy(501, CFW)).refusal().code()).isEqualTo(SandboxSecMasterResource.TOO_MANY_OBJECTS);
        assertThat(state.create(WS, policy(500, CFW)).refusal()).isNull();
    }

    @Test
    void vpcTakesAtMostItsObjectsPerMinute() {
        assertThat(state.create(WS, policy(400, VPC)).refusal()).isNull();
        clock.advance(Duration.ofSeconds(30));
        assertThat(state.create(WS, policy(101, VPC)).refusal().message()).contains("per minute to VPC");
        clock.advance(Duration.ofSeconds(31));
        assertThat(state.create(WS, policy(101, VPC)).refusal()).isNull();
    }

    @Test
    void aSixthTaskWhileFiveRunIsRefusedAndAcceptedOnceOneEnded() {
        IntStream.range(0, 5).forEach(i -> assertThat(state.create(WS, policy(1, CFW)).refusal()).isNull());

        assertThat(state.create(WS, policy(1, CFW)).refusal().code()).isEqualTo(SandboxSecMasterResource.TOO_MANY_TASKS);
        assertThat(state.retry(WS, List.of(state.policies(WS).get(0).id())).refusal()).isNotNull();
        clock.advance(Duration.ofSeconds(2));
        assertThat(state.create(WS, policy(1, CFW)).refusal()).isNull();
    }

    @Test
    void theWorkspaceQuotasHold() {
        EmergencyPolicy ageing = policy(1, CFW).toBuilder().blockAge(BlockAge.until(clock.instant().plusSeconds(3600)))
                .build();
        assertThat(state.create(WS, ageing).refusal()).isNull();
        assertThat(state.create(WS, ageing).refusal()).isNull();
        clock.advance(Duration.ofSeconds(2));
        assertThat(state.create(WS, ageing).refusal().message()).contains("with block ageing");
        String plain = state.policies(WS).get(0).id();
        assertThat(state.changeAgeing(WS, plain, BlockAge.none())).isNull();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(2));
            assertThat(state.create(WS, policy(1, CFW)).refusal()).isNull();
        }
        clock.advance(Duration.ofSeconds(2));
        assertThat(state.create(WS, policy(1, CFW)).refusal().code()).isEqualTo(SandboxSecMasterResource.QUOTA_EXCEEDED);
    }

    @Test
    void recordsAreInProgressUntilTheTaskEndsAndAFailingLayerEndsFailed() {
        faults.failLayers(Set.of("waf"));
        state.create(WS, policy(3, CFW, WAF));
        String id = state.policies(WS).get(0).id();

        assertThat(layers(id)).extracting(LayerDelivery::blockStatus).containsExactly("BLOCKING", "BLOCKING");
        clock.advance(Duration.ofSeconds(2));
        assertThat(layers(id)).extracting(l -> l.defenseType() + " " + l.blockStatus())
                .containsExactly("CFW SUCCESS", "WAF FAILED");
        faults.failLayers(Set.of());
        state.retry(WS, List.of(id));
        clock.advance(Duration.ofSeconds(2));
        List<SecMasterCodec.DeliveryRecord> records = state.records(WS, id);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).layers()).extracting(LayerDelivery::blockStatus).containsOnly("SUCCESS");
    }

    @Test
    void aRemovalNamingAPolicyThatIsGoneRemovesNothing() {
        state.create(WS, policy(1, CFW));
        String id = state.policies(WS).get(0).id();

        assertThat(state.remove(WS, List.of(id, "no-such-policy"))).containsExactly("no-such-policy");
        assertThat(state.policy(WS, id)).isPresent();
        assertThat(state.remove(WS, List.of(id))).isEmpty();
        assertThat(state.policy(WS, id)).isEmpty();
    }

    private List<LayerDelivery> layers(String id) {
        List<SecMasterCodec.DeliveryRecord> records = state.records(WS, id);
        return records.get(records.size() - 1).layers();
    }

    private static EmergencyPolicy policy(int objects, DefenseConnection... layers) {
        return EmergencyPolicy.builder().policyCategory("BLOCK").policyType("Source Ip")
                .targets(IntStream.range(0, objects).mapToObj(i -> "45.6." + (i / 250) + "." + (i % 250 + 1)).toList())
                .defensePolicyList(List.of(layers)).build();
    }

    private static DefenseConnection connection(String id, String type) {
        return new DefenseConnection(id, type + " connection", "cn-north-7", null, type, null, null, null, null);
    }
}
