package com.policyconsole.domain.guardrail;

import static com.policyconsole.domain.TestRequestFactory.blocking;
import static com.policyconsole.domain.TestRequestFactory.emergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.validation.Severity;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import com.policyconsole.domain.validation.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmergencyPolicyGuardrailsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Violations check(EmergencyPolicyRequest request) {
        return EmergencyPolicyGuardrails.check(request, WorkspacePolicies.empty(), NOW);
    }

    private static Violations check(EmergencyPolicyRequest request, KnownPolicy... existing) {
        return EmergencyPolicyGuardrails.check(request, new WorkspacePolicies(List.of(existing), existing.length, 0), NOW);
    }

    private static EmergencyPolicyRequest request(PolicyCategory category, BlockType type, String... targets) {
        return emergencyRequest(seedPolicy().toBuilder().category(category).blockType(type).targets(targets).build());
    }

    private static KnownPolicy known(String id, PolicyCategory category, BlockType type, Instant agesOut, String... targets) {
        List<BlockTarget> parsed = Arrays.stream(targets)
                .map(t -> ((BlockTargetParser.Result.Parsed) BlockTargetParser.parse(type, t)).target())
                .toList();
        return new KnownPolicy(id, category, parsed, agesOut);
    }

    @Test
    void publicAddressRaisesNothing() {
        assertThat(check(blocking(BlockType.SOURCE_IP, "8.8.8.8")).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "224.0.0.1",
            "240.0.0.1", "0.0.0.0", "100.64.0.1", "192.0.2.10", "::1", "fe80::1", "fd00::1", "ff02::1", "2001:db8::1",
            "10.0.0.0/8", "0.0.0.0/1"})
    void givenBlockTargetIsSpecialPurpose_check_warnsReservedRange(String target) {
        assertThat(check(blocking(BlockType.SOURCE_IP, target)).all()).extracting(Violation::code)
                .contains(ViolationCode.RESERVED_RANGE)
                .allMatch(c -> c == ViolationCode.RESERVED_RANGE || c == ViolationCode.VERY_BROAD_RANGE);
    }

    @Test
    void whitelistingAPrivateRangeIsNormal() {
        assertThat(check(request(PolicyCategory.WHITE, BlockType.SOURCE_IP, "10.0.0.0/8")).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0"})
    void blockingEveryAddressIsAnError(String target) {
        assertThat(check(blocking(BlockType.SOURCE_IP, target)).errors()).extracting(Violation::code)
                .containsExactly(ViolationCode.BLOCKS_EVERYTHING);
    }

    @Test
    void whitelistingEveryAddressIsAnError() {
        assertThat(check(request(PolicyCategory.WHITE, BlockType.SOURCE_IP, "0.0.0.0/0")).errors())
                .extracting(Violation::code).containsExactly(ViolationCode.BLOCKS_EVERYTHING);
    }

    @Test
    void aSlashSevenWarnsThatItIsVeryBroad() {
        assertThat(check(blocking(BlockType.SOURCE_IP, "2.0.0.0/7")).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.VERY_BROAD_RANGE);
        assertThat(check(blocking(BlockType.SOURCE_IP, "2.0.0.0/8")).all()).isEmpty();
    }

    @Test
    void givenBlockInsideAnActiveWhiteRange_check_warnsOverlap() {
        KnownPolicy white = known("white-1", PolicyCategory.WHITE, BlockType.SOURCE_IP, null, "203.0.113.0/24");
        assertThat(check(blocking(BlockType.SOURCE_IP, "203.0.113.7"), white).all())
                .filteredOn(v -> v.code() == ViolationCode.OVERLAPS_OPPOSITE_CATEGORY)
                .singleElement().satisfies(v -> assertThat(v.message()).contains("white-1"));
    }

    @Test
    void givenBlockRangeContainingAWhiteAddress_check_warnsOverlap() {
        KnownPolicy white = known("white-1", PolicyCategory.WHITE, BlockType.SOURCE_IP, null, "8.8.8.8");
        assertThat(check(blocking(BlockType.SOURCE_IP, "8.8.0.0/16"), white).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.OVERLAPS_OPPOSITE_CATEGORY);
    }

    @Test
    void givenWhiteOverlappingAnActiveBlock_check_warnsOverlap() {
        KnownPolicy block = known("block-1", PolicyCategory.BLOCK, BlockType.DOMAIN_NAME, null, "evil.example");
        EmergencyPolicyRequest white = request(PolicyCategory.WHITE, BlockType.DOMAIN_NAME, "EVIL.example");
        assertThat(check(white, block).all()).extracting(Violation::code).containsExactly(ViolationCode.OVERLAPS_OPPOSITE_CATEGORY);
    }

    @Test
    void anAgedOutPolicyNoLongerOverlaps() {
        KnownPolicy white = known("white-1", PolicyCategory.WHITE, BlockType.SOURCE_IP, NOW.minusSeconds(1), "8.8.8.8");
        assertThat(check(blocking(BlockType.SOURCE_IP, "8.8.8.8"), white).all()).isEmpty();
    }

    @Test
    void givenTheSameTargetAlreadyBlocked_check_warnsAlreadyActive() {
        KnownPolicy block = known("block-1", PolicyCategory.BLOCK, BlockType.SOURCE_IP, NOW.plusSeconds(3600), "8.8.8.8");
        assertThat(check(blocking(BlockType.SOURCE_IP, "8.8.8.8"), block).all()).extracting(Violation::code, Violation::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationCode.ALREADY_ACTIVE, Severity.WARNING));
    }

    @Test
    void anAddressInsideAnActiveBlockedRangeIsAlreadyCovered() {
        KnownPolicy block = known("block-1", PolicyCategory.BLOCK, BlockType.SOURCE_IP, null, "8.8.8.0/24");
        assertThat(check(blocking(BlockType.SOURCE_IP, "8.8.8.8"), block).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.ALREADY_ACTIVE);
    }

    @Test
    void aWiderRangeThanAnActiveBlockIsNotAlreadyCovered() {
        KnownPolicy block = known("block-1", PolicyCategory.BLOCK, BlockType.SOURCE_IP, null, "8.8.8.8");
        assertThat(check(blocking(BlockType.SOURCE_IP, "8.8.8.0/24"), block).all()).isEmpty();
    }

    @Test
    void userNamesAreComparedExactly() {
        KnownPolicy block = known("block-1", PolicyCategory.BLOCK, BlockType.USER_NAME, null, "alice");
        assertThat(check(blocking(BlockType.USER_NAME, "alice"), block).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.ALREADY_ACTIVE);
        assertThat(check(blocking(BlockType.USER_NAME, "alice2"), block).all()).isEmpty();
    }

    @Test
    void fiveHundredObjectsAreAcceptedAndFiveHundredOneAreTooMany() {
        String[] five00 = IntStream.range(0, 500).mapToObj(i -> "8.8." + (i / 250) + "." + (i % 250)).toArray(String[]::new);
        assertThat(check(blocking(BlockType.SOURCE_IP, five00)).all()).isEmpty();
        String[] five01 = Arrays.copyOf(five00, 501);
        five01[500] = "8.8.9.9";
        assertThat(check(blocking(BlockType.SOURCE_IP, five01)).errors()).extracting(Violation::code)
                .containsExactly(ViolationCode.TOO_MANY_OBJECTS);
    }

    @Test
    void theTwoThousandFiveHundredthPolicyIsAcceptedAndOneMoreExceedsTheQuota() {
        assertThat(EmergencyPolicyGuardrails.check(blocking(BlockType.SOURCE_IP, "8.8.8.8"),
                new WorkspacePolicies(List.of(), 2_499, 0), NOW).all()).isEmpty();
        assertThat(EmergencyPolicyGuardrails.check(blocking(BlockType.SOURCE_IP, "8.8.8.8"),
                new WorkspacePolicies(List.of(), 2_500, 0), NOW).errors()).extracting(Violation::code)
                .containsExactly(ViolationCode.POLICY_QUOTA_EXCEEDED);
    }

    @Test
    void theThreeHundredthAgeingPolicyIsAcceptedAndOneMoreExceedsTheQuota() {
        EmergencyPolicyRequest ageing = emergencyRequest(seedPolicy().toBuilder().targets("8.8.8.8")
                .blockAge(BlockAge.until(NOW.plus(Duration.ofDays(1)))).build());
        assertThat(EmergencyPolicyGuardrails.check(ageing, new WorkspacePolicies(List.of(), 299, 299), NOW).all()).isEmpty();
        assertThat(EmergencyPolicyGuardrails.check(ageing, new WorkspacePolicies(List.of(), 300, 300), NOW).errors())
                .extracting(Violation::code).containsExactly(ViolationCode.AGEING_QUOTA_EXCEEDED);
        EmergencyPolicyRequest permanent = blocking(BlockType.SOURCE_IP, "8.8.8.8");
        assertThat(EmergencyPolicyGuardrails.check(permanent, new WorkspacePolicies(List.of(), 300, 300), NOW).all()).isEmpty();
    }

    @Test
    void anAgeingInstantInThePastIsAnError() {
        EmergencyPolicyRequest request = emergencyRequest(seedPolicy().toBuilder().blockAge(BlockAge.until(NOW.minusMillis(1))).build());
        assertThat(check(request).errors()).extracting(Violation::code, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ViolationCode.AGEING_IN_PAST, "data_object.block_age.block_ageing"));
    }

    @Test
    void anAgeingInstantOfNowIsAnError() {
        EmergencyPolicyRequest request = emergencyRequest(seedPolicy().toBuilder().blockAge(BlockAge.until(NOW)).build());
        assertThat(check(request).errors()).extracting(Violation::code).containsExactly(ViolationCode.AGEING_IN_PAST);
    }

    @Test
    void anAgeingInstantWithinFiveMinutesWarns() {
        EmergencyPolicyRequest request = emergencyRequest(seedPolicy().toBuilder()
                .blockAge(BlockAge.until(NOW.plus(Duration.ofMinutes(4)))).build());
        assertThat(check(request).all()).extracting(Violation::code, Violation::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ViolationCode.AGEING_VERY_SOON, Severity.WARNING));
    }

    @Test
    void retriesAreCheckedOnlyForTheirAgeing() {
        EmergencyPolicyRequest retry = EmergencyPolicyRequest.retry(WORKSPACE, "25.5.0", List.of("p-1"),
                seedPolicy().toBuilder().targets("127.0.0.1").blockAge(BlockAge.until(NOW.minusSeconds(5))).build());
        assertThat(EmergencyPolicyGuardrails.check(retry, new WorkspacePolicies(List.of(), 2_500, 300), NOW).all())
                .extracting(Violation::code).containsExactly(ViolationCode.AGEING_IN_PAST);
    }
}
