package com.policyconsole.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.TestRequestFactory;
import com.policyconsole.domain.model.bulk.PlannedDelivery;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.validation.ViolationCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final DeliveryPlanner planner = new DeliveryPlanner(SecMasterLimits.DEFAULTS);

    @Test
    void twelveHundredAddressesToCfwBecomeThreeDeliveriesInSourceOrderAllAtOnce() {
        BulkPlan plan = planner.plan(template("CFW"), addresses(1_200), WorkspacePolicies.empty(), NOW);

        assertThat(plan.hasErrors()).isFalse();
        assertThat(plan.deliveries()).extracting(d -> d.objects().size()).containsExactly(500, 500, 200);
        assertThat(plan.deliveries()).extracting(PlannedDelivery::notBefore).containsOnly(Duration.ZERO);
        assertThat(plan.deliveries().get(1).objects().get(0).line()).isEqualTo(501);
        assertThat(plan.objects()).isEqualTo(1_200);
        EmergencyPolicyRequest second = plan.deliveries().get(1).request(template("CFW"));
        assertThat(second.policy().targets()).hasSize(500).first().isEqualTo("45.0.1.245");
    }

    @Test
    void vpcGetsNoMoreObjectsInAnyMinuteThanItTakes() {
        DeliveryPlanner slow = new DeliveryPlanner(new SecMasterLimits(500, 500, 20, 5, 300, 2_500));
        BulkPlan plan = slow.plan(template("CFW", "VPC"), addresses(50), WorkspacePolicies.empty(), NOW);

        assertThat(plan.deliveries()).extracting(d -> d.objects().size()).containsExactly(20, 20, 10);
        assertThat(plan.deliveries()).extracting(PlannedDelivery::notBefore)
                .containsExactly(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void smallerDeliveriesToVpcShareTheirMinute() {
        DeliveryPlanner planner300 = new DeliveryPlanner(new SecMasterLimits(300, 500, 500, 5, 300, 2_500));
        BulkPlan plan = planner300.plan(template("VPC"), addresses(1_000), WorkspacePolicies.empty(), NOW);

        assertThat(plan.deliveries()).extracting(d -> d.objects().size()).containsExactly(300, 300, 300, 100);
        assertThat(plan.deliveries()).extracting(PlannedDelivery::notBefore).containsExactly(Duration.ZERO,
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(2));
    }

    @Test
    void theWorkspaceQuotasAreCheckedForTheWholeBatchBeforeAnythingIsSent() {
        BulkPlan plan = planner.plan(template("CFW"), addresses(1_200), new WorkspacePolicies(List.of(), 2_498, 0), NOW);
        assertThat(plan.hasErrors()).isTrue();
        assertThat(plan.findings()).extracting(LineFinding::toString).containsExactly(
                "batch: the workspace already has 2498 policies, the most it can hold is 2500; this adds 3");

        EmergencyPolicyRequest ageing = template("CFW").withPolicy(template("CFW").policy().toBuilder()
                .blockAge(BlockAge.until(NOW.plus(Duration.ofDays(7)))).build());
        assertThat(planner.plan(ageing, addresses(1_200), new WorkspacePolicies(List.of(), 10, 298), NOW).findings())
                .extracting(LineFinding::code).containsExactly(ViolationCode.AGEING_QUOTA_EXCEEDED);
    }

    @Test
    void guardrailFindingsNameTheLineOfTheirObject() {
        KnownPolicy allowed = new KnownPolicy("p-white", PolicyCategory.WHITE,
                List.of(ip("45.60.0.0/16")), null);
        ParsedBatch batch = BatchParser.parseText(BlockType.SOURCE_IP, "45.33.32.156\n45.60.1.20\n10.1.2.3\n");

        BulkPlan plan = planner.plan(template("CFW"), batch, new WorkspacePolicies(List.of(allowed), 1, 0), NOW);

        assertThat(plan.hasErrors()).isFalse();
        assertThat(plan.hasWarnings()).isTrue();
        assertThat(plan.findings()).extracting(f -> f.line() + " " + f.code().name()).containsExactly(
                "2 OVERLAPS_OPPOSITE_CATEGORY", "3 RESERVED_RANGE");
    }

    @Test
    void theTemplatesOwnFieldsAreCheckedOnceAndNotPerObject() {
        EmergencyPolicyRequest noRegion = template("CFW").withPolicy(template("CFW").policy().toBuilder()
                .regionId("").build());
        BulkPlan plan = planner.plan(noRegion, addresses(3), WorkspacePolicies.empty(), NOW);
        assertThat(plan.hasErrors()).isTrue();
        assertThat(plan.template().errors()).extracting(v -> v.path()).containsExactly("data_object.region_id");
        assertThat(plan.findings()).isEmpty();
    }

    @Test
    void theLimitsOfAnEditionWithSmallerDeliveriesAreKept() {
        DeliveryPlanner older = new DeliveryPlanner(new SecMasterLimits(50, 50, 20, 5, 300, 1_300));
        assertThat(older.plan(template("CFW"), addresses(120), WorkspacePolicies.empty(), NOW).deliveries())
                .extracting(d -> d.objects().size()).containsExactly(50, 50, 20);
    }

    private static EmergencyPolicyRequest template(String... layers) {
        DefenseConnection seed = TestRequestFactory.seedConnection();
        List<DefenseConnection> connections = IntStream.range(0, layers.length).mapToObj(i -> new DefenseConnection(
                seed.defenseConnectionId().substring(0, 35) + i, seed.defenseConnectionName(),
                seed.defenseConnectionRegionId(), seed.defenseConnectionRegionName(), layers[i],
                seed.targetEnterpriseId(), seed.targetEnterpriseName(), seed.targetProjectId(),
                seed.targetProjectName())).toList();
        return TestRequestFactory.emergencyRequest(TestRequestFactory.seedPolicy().toBuilder()
                .defensePolicyList(connections).build());
    }

    /** {@code n} distinct public-looking addresses, one per line: 45.0.0.1, 45.0.0.2, … (line i + 1). */
    private static ParsedBatch addresses(int n) {
        return BatchParser.parseText(BlockType.SOURCE_IP, IntStream.range(0, n)
                .mapToObj(i -> "45.0." + ((i + 1) / 256) + "." + ((i + 1) % 256)).collect(Collectors.joining("\n")));
    }

    private static BlockTarget ip(String text) {
        return ((BlockTargetParser.Result.Parsed) BlockTargetParser.parse(BlockType.SOURCE_IP, text)).target();
    }
}
