package com.policyconsole.domain.model.approval;

import static com.policyconsole.domain.TestRequestFactory.blocking;
import static com.policyconsole.domain.TestRequestFactory.emergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.config.RuleChange;
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
