package com.policyconsole.domain.model.approval;

import static com.policyconsole.domain.TestRequestFactory.DOMAIN_ID;
import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static com.policyconsole.domain.TestRequestFactory.blocking;
import static com.policyconsole.domain.TestRequestFactory.seedRule;
import static com.policyconsole.domain.TestRequestFactory.emergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.lifecycle.PolicyChange;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalRulesTest {

    private static SubmittedRequest ips(String... targets) {
        return new SubmittedRequest.EmergencyPolicySubmission(blocking(BlockType.SOURCE_IP, targets));
    }

    private static EmergencyPolicy ipPolicy(String... targets) {
        return blocking(BlockType.SOURCE_IP, targets).policy();
    }

    private static EmergencyPolicy white(String... targets) {
        return ipPolicy(targets).toBuilder().policyCategory("WHITE").build();
    }

    @ParameterizedTest(name = "{0} needs approval: {1}")
    @CsvSource({"10.0.0.0/15,true", "10.0.0.0/16,false", "10.1.2.3,false", "2001:db8::/47,true",
            "2001:db8::/48,false", "0.0.0.0/1,true"})
    void aRangeWiderThanSixteenOrFortyEightBitsNeedsApproval(String target, boolean needs) {
        assertThat(ApprovalRules.DEFAULT.reasons(ips(target)).isEmpty()).isNotEqualTo(needs);
    }

    @Test
    void whiteEntriesUserNameBlocksAndRuleDeletesNeedApprovalByDefault() {
        assertThat(ApprovalRules.DEFAULT.reasons(new SubmittedRequest.EmergencyPolicySubmission(emergencyRequest(
                seedPolicy().toBuilder().policyCategory("WHITE").build())))).containsExactly("a WHITE (allow) entry");
        assertThat(ApprovalRules.DEFAULT.reasons(new SubmittedRequest.EmergencyPolicySubmission(
                blocking(BlockType.USER_NAME, "mallory")))).containsExactly("a block of IAM user names");
        assertThat(ApprovalRules.DEFAULT.reasons(new SubmittedRequest.RuleChangeSubmission(
                new RuleChange.Delete("d", "r1", "rule"), null))).containsExactly("deleting a Config rule");
        assertThat(ApprovalRules.DEFAULT.reasons(new SubmittedRequest.EmergencyPolicySubmission(
                emergencyRequest(seedPolicy())))).isEmpty();
        assertThat(ApprovalRules.NONE.reasons(ips("0.0.0.0/1"))).isEmpty();
    }

    @Test
    void aBulkJobOfMoreThanAThousandObjectsNeedsApprovalByDefault() {
        assertThat(ApprovalRules.DEFAULT.bulkReasons(1_000, 0)).isEmpty();
        assertThat(ApprovalRules.DEFAULT.bulkReasons(1_001, 0))
                .containsExactly("a bulk job of 1,001 objects (more than 1,000)");
        assertThat(ApprovalRules.NONE.bulkReasons(10_000_000, 10_000_000)).isEmpty();
    }

    @Test
    void splittingALargeJobDoesNotEscapeTheCountRule() {
        assertThat(ApprovalRules.DEFAULT.bulkReasons(600, 400)).isEmpty();
        assertThat(ApprovalRules.DEFAULT.bulkReasons(600, 401)).containsExactly("600 objects and the 401 of the"
                + " requester's jobs started without approval in the last 60 minutes: more than 1,000");
    }

    @Test
    void everyDeliveryOfABulkJobIsAskedWhatASingleCreateIsAsked() {
        assertThat(ApprovalRules.DEFAULT.bulkReasons(List.of(ipPolicy("203.0.113.7"), ipPolicy("0.0.0.0/1", "128.0.0.0/1")), 3,
                0))
                .containsExactly("the range 0.0.0.0/1 is wider than /16", "the range 128.0.0.0/1 is wider than /16");
        assertThat(ApprovalRules.DEFAULT.bulkReasons(List.of(white("203.0.113.7"), white("203.0.113.8")), 2, 0))
                .containsExactly("a WHITE (allow) entry");
        assertThat(ApprovalRules.DEFAULT.bulkReasons(java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> ipPolicy(i * 16 + ".0.0.0/4")).toList(), 8, 0))
                .hasSize(6).last().isEqualTo("3 more ranges wider than allowed without approval");
        assertThat(ApprovalRules.NONE.bulkReasons(List.of(white("0.0.0.0/1")), 1, 0)).isEmpty();
    }

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-07T12:00:00Z");

    private static PolicyChange.Subject subject(String category, BlockAge age) {
        return new PolicyChange.Subject("p-1", 7L, List.of("203.0.113.7"),
                com.policyconsole.domain.model.emergency.PolicyCategory.valueOf(category), age);
    }

    private static List<String> ageing(ApprovalRules rules, String category, BlockAge now, BlockAge next) {
        return rules.reasons(new PolicyChange.AgeingChange(WORKSPACE, "25.5.0", subject(category, now), next));
    }

    @Test
    void removingAWhitePolicyNeedsApprovalAndRemovingABlockDoesNot() {
        PolicyChange removal = new PolicyChange.Removal(WORKSPACE, "25.5.0", List.of(subject("WHITE", BlockAge.none()),
                new PolicyChange.Subject("p-2", null, List.of(), com.policyconsole.domain.model.emergency
                        .PolicyCategory.BLOCK, BlockAge.none())));

        assertThat(ApprovalRules.DEFAULT.reasons(new SubmittedRequest.PolicyChangeSubmission(removal)))
                .containsExactly("removing the WHITE (allow) policy p-1");
        assertThat(ApprovalRules.NONE.reasons(removal)).isEmpty();
    }

    @Test
    void aWhitesAgeingMadeLaterOrRemovedNeedsApprovalAndMadeEarlierDoesNot() {
        BlockAge inADay = BlockAge.until(NOW.plus(java.time.Duration.ofDays(1)));
        BlockAge inAWeek = BlockAge.until(NOW.plus(java.time.Duration.ofDays(7)));

        assertThat(ageing(ApprovalRules.DEFAULT, "WHITE", inADay, BlockAge.none()))
                .containsExactly("making the WHITE (allow) policy p-1 permanent (its ageing removed)");
        assertThat(ageing(ApprovalRules.DEFAULT, "WHITE", inADay, inAWeek))
                .containsExactly("moving the ageing of the WHITE (allow) policy p-1 later");
        assertThat(ageing(ApprovalRules.DEFAULT, "WHITE", inAWeek, inADay)).as("ending an allow sooner").isEmpty();
        assertThat(ageing(ApprovalRules.DEFAULT, "WHITE", BlockAge.none(), inADay)).as("ageing a permanent allow")
                .isEmpty();
        assertThat(ageing(ApprovalRules.DEFAULT, "BLOCK", inAWeek, inADay)).as("BLOCK ageing: off by default").isEmpty();
        ApprovalRules blocksToo = new ApprovalRules(true, true, 16, 48, true, true, 1_000, true, true, true,
                java.time.Duration.ofHours(1), false);
        assertThat(ageing(blocksToo, "BLOCK", inAWeek, inADay))
                .containsExactly("changing the ageing of the BLOCK policy p-1");
    }

    @Test
    void aRuleUpdateNeedsApprovalWhenItChangesWhatTheRuleEvaluatesNotItsDescription() {
        ConfigRule before = seedRule();
        ConfigRule described = new ConfigRule(before.policyAssignmentType(), before.name(), "only the text changes",
                before.period(), before.policyFilter(), before.policyDefinitionId(), before.customPolicy(),
                before.parameters(), before.tags());
        ConfigRule otherParameters = new ConfigRule(before.policyAssignmentType(), before.name(), before.description(),
                before.period(), before.policyFilter(), before.policyDefinitionId(), before.customPolicy(),
                Map.of("listOfAllowedImages", com.policyconsole.domain.model.json.JsonValue.strings("img-other")),
                before.tags());

        assertThat(ApprovalRules.DEFAULT.reasons(update(before, described))).isEmpty();
        assertThat(ApprovalRules.DEFAULT.reasons(update(before, otherParameters)))
                .containsExactly("changing the parameters of the Config rule " + before.name());
        assertThat(ApprovalRules.NONE.reasons(update(before, otherParameters))).isEmpty();
    }

    private static SubmittedRequest update(ConfigRule before, ConfigRule after) {
        return new SubmittedRequest.RuleChangeSubmission(new RuleChange.Update(DOMAIN_ID, "rule-1", after, before),
                null);
    }

    @Test
    void theHashCoversWhatTheRequestDoesButNotItsCredentials() {
        RenderedRequest a = new RenderedRequest("POST", "https://x/v1/p", "/v1/{p}", Map.of("p", "p"), Map.of(),
                Map.of("X-Auth-Token", "****", "content-type", "application/json"), "{\"a\":1}");
        RenderedRequest otherCredential = new RenderedRequest("POST", "https://x/v1/p", "/v1/{p}", Map.of("p", "p"),
                Map.of(), Map.of("Authorization", "SDK-HMAC-SHA256 ****", "X-Sdk-Date", "20261202T000000Z",
                "content-type", "application/json"), "{\"a\":1}");
        RenderedRequest otherBody = new RenderedRequest("POST", "https://x/v1/p", "/v1/{p}", Map.of("p", "p"), Map.of(),
                Map.of("X-Auth-Token", "****", "content-type", "application/json"), "{\"a\":2}");

        assertThat(ApprovalHold.hash(a)).isEqualTo(ApprovalHold.hash(otherCredential)).hasSize(64);
        assertThat(ApprovalHold.hash(a)).isNotEqualTo(ApprovalHold.hash(otherBody));
        assertThat(ApprovalHold.userOf("alice (token soar)")).isEqualTo("alice");
    }
}
