package com.policyconsole.domain.service;

import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.RetryEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.ViolationCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmergencyPolicyServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private InMemoryPorts ports;
    private EmergencyPolicyService service;
    private RequestPreviewService preview;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts();
        EmergencyPolicyChecks checks = new EmergencyPolicyChecks(ports, CLOCK);
        service = new EmergencyPolicyService(ports, checks, ports, CLOCK);
        preview = new RequestPreviewService(checks, new ConfigRuleChecks(ports, ports), ports, ports);
    }

    private static CreateEmergencyPolicyCommand create(String target, boolean acknowledged) {
        return new CreateEmergencyPolicyCommand("alice", WORKSPACE, "25.5.0",
                seedPolicy().toBuilder().targets(target).build(), acknowledged);
    }

    @Test
    void validRequestIsRecordedBeforeTheCloudIsCalledAndItsOutcomeAfter() {
        SubmissionResult result = service.create(create("8.8.8.8", false));

        assertThat(result).isInstanceOf(SubmissionResult.Sent.class);
        assertThat(ports.journal).containsExactly("history:pending", "cloud:create", "history:SUCCEEDED");
        assertThat(ports.pending.get(1L).actor()).isEqualTo("alice");
        assertThat(ports.pending.get(1L).requestedAt()).isEqualTo(CLOCK.instant());
        assertThat(ports.pending.get(1L).request().operation()).isEqualTo(Operation.CREATE_EMERGENCY_POLICY);
        assertThat(ports.pending.get(1L).request().targets()).containsExactly("8.8.8.8");
    }

    @Test
    void givenHistoryIsDown_create_neverCallsTheCloud() {
        ports.historyDown = true;

        SubmissionResult result = service.create(create("8.8.8.8", false));

        assertThat(result).isInstanceOf(SubmissionResult.NotRecorded.class);
        assertThat(ports.journal).doesNotContain("cloud:create");
    }

    @Test
    void givenOnlyThePendingWriteFails_create_neverCallsTheCloud() {
        ports.workspacePolicies = com.policyconsole.domain.model.history.WorkspacePolicies.empty();
        InMemoryPorts failingHistory = new InMemoryPorts() {
            @Override
            public long recordPending(com.policyconsole.domain.model.history.PendingRequest request) {
                throw new IllegalStateException("disk full");
            }
        };
        EmergencyPolicyService s = new EmergencyPolicyService(ports, new EmergencyPolicyChecks(ports, CLOCK),
                failingHistory, CLOCK);

        assertThat(s.create(create("8.8.8.8", false))).isInstanceOfSatisfying(SubmissionResult.NotRecorded.class,
                r -> assertThat(r.reason()).contains("disk full"));
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void invalidRequestIsRejectedAndNothingIsRecordedOrSent() {
        SubmissionResult result = service.create(create("not-an-ip", true));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                r -> assertThat(r.violations().contains(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE)).isTrue());
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void unacknowledgedWarningsHoldTheRequestBack() {
        SubmissionResult result = service.create(create("10.0.0.1", false));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> {
            assertThat(r.violations().hasErrors()).isFalse();
            assertThat(r.violations().contains(ViolationCode.RESERVED_RANGE)).isTrue();
        });
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void acknowledgedWarningsLetTheRequestThroughAndTravelWithTheResult() {
        SubmissionResult result = service.create(create("10.0.0.1", true));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Sent.class,
                r -> assertThat(r.warnings().contains(ViolationCode.RESERVED_RANGE)).isTrue());
    }

    @Test
    void anUnknownOutcomeIsRecordedAsUnknown() {
        ports.nextOutcome = new CloudOutcome.Unknown("read timed out", 0, null, null);

        service.create(create("8.8.8.8", false));

        assertThat(ports.outcomes.get(1L).status()).isEqualTo(RequestStatus.UNKNOWN);
    }

    @Test
    void aGatewayThatThrowsYieldsAnUnknownOutcome() {
        EmergencyPolicyService s = new EmergencyPolicyService(new InMemoryPorts() {
            @Override
            public CloudOutcome submit(com.policyconsole.domain.model.emergency.EmergencyPolicyRequest request) {
                throw new IllegalStateException("boom");
            }
        }, new EmergencyPolicyChecks(ports, CLOCK), ports, CLOCK);

        assertThat(s.create(create("8.8.8.8", false))).isInstanceOfSatisfying(SubmissionResult.Sent.class,
                r -> assertThat(r.outcome()).isInstanceOf(CloudOutcome.Unknown.class));
        assertThat(ports.outcomes.get(1L).status()).isEqualTo(RequestStatus.UNKNOWN);
    }

    @Test
    void whenTheOutcomeCannotBeWrittenTheResultSaysSo() {
        ports.outcomeWriteFails = true;

        assertThat(service.create(create("8.8.8.8", false))).isInstanceOfSatisfying(SubmissionResult.Sent.class,
                r -> assertThat(r.outcomeRecorded()).isFalse());
    }

    @Test
    void retrySendsTheRetryListAndLinksTheOriginalEntry() {
        RetryEmergencyPolicyCommand retry = new RetryEmergencyPolicyCommand("bob", WORKSPACE, "25.5.0",
                List.of("policy-7"), seedPolicy(), 42L);

        SubmissionResult result = service.retry(retry);

        assertThat(result).isInstanceOf(SubmissionResult.Sent.class);
        assertThat(ports.journal).containsExactly("history:pending", "cloud:retry", "history:SUCCEEDED");
        assertThat(ports.pending.get(1L).retryOf()).isEqualTo(42L);
        assertThat(ports.pending.get(1L).request().operation()).isEqualTo(Operation.RETRY_EMERGENCY_POLICY);
    }

    @Test
    void retryWithoutPolicyIdsIsRejected() {
        RetryEmergencyPolicyCommand retry = new RetryEmergencyPolicyCommand("bob", WORKSPACE, "25.5.0",
                List.of(), seedPolicy(), null);

        assertThat(service.retry(retry)).isInstanceOf(SubmissionResult.Rejected.class);
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void previewChecksAndRendersWithoutRecordingOrSending() {
        Preview p = preview.preview(new CreateEmergencyPolicyCommand("alice", WORKSPACE, "25.5.0",
                seedPolicy().toBuilder().blockAge(BlockAge.until(CLOCK.instant().minusSeconds(1))).build(), false));

        assertThat(p.isSendable()).isFalse();
        assertThat(p.violations().contains(ViolationCode.AGEING_IN_PAST)).isTrue();
        assertThat(p.rendered().method()).isEqualTo("POST");
        assertThat(ports.journal).isEmpty();
    }
}
