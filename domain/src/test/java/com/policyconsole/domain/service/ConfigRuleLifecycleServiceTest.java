package com.policyconsole.domain.service;

import static com.policyconsole.domain.TestRequestFactory.DOMAIN_ID;
import static com.policyconsole.domain.TestRequestFactory.seedRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.HistoryRule;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyAssignment;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.config.RuleList;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.port.in.RuleChangeCommand;
import com.policyconsole.domain.port.in.RuleChangeCommand.Kind;
import com.policyconsole.domain.port.in.RuleChangePreview;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.ViolationCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigRuleLifecycleServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final String ID = "66c486e8d58ed9173f4560ac";

    private InMemoryPorts ports;
    private final List<HistoryRule> historyRules = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private ConfigRuleLifecycleService service;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts();
        ports.definitions.add(new PolicyDefinition("5fa265c0aa1e6afc05a0ff07", "allowed-images-by-id", "", "resource",
                Map.of("listOfAllowedImages", ParameterSchema.ofType("Array", "image IDs"))));
        service = new ConfigRuleLifecycleService(ports, new ConfigRuleChecks(ports, ports), d -> historyRules, ports,
                CLOCK, Duration.ofSeconds(2), Duration.ofMillis(500), pauses::add);
    }

    private void configHolds(String id, ConfigRule rule, String state) {
        ports.cloudRules.add(new PolicyAssignment(id, rule, state, CLOCK.instant(), CLOCK.instant(), "custom", null,
                null));
    }

    private SubmissionResult submit(Kind kind, boolean acknowledged) {
        return service.submit(RuleChangeCommand.of("alice", DOMAIN_ID, ID, kind, acknowledged));
    }

    @ParameterizedTest(name = "{0} of a rule that is {1}: sent, and the rule is {2}")
    @CsvSource({"ENABLE,Disabled,Enabled", "DISABLE,Enabled,Disabled", "EVALUATE,Enabled,Evaluating"})
    void anOperationInAStateThatAllowsItIsRecordedThenSent(Kind kind, String before, String after) {
        configHolds(ID, seedRule(), before);

        SubmissionResult result = submit(kind, false);

        assertThat(result).isInstanceOf(SubmissionResult.Sent.class);
        assertThat(ports.journal).containsSubsequence("cloud:show", "history:pending", "cloud:" + kind.name()
                .toLowerCase(java.util.Locale.ROOT), "history:SUCCEEDED");
        assertThat(ports.cloudRules.get(0).state()).isEqualTo(after);
        SubmittedRequest.RuleChangeSubmission recorded = (SubmittedRequest.RuleChangeSubmission) ports.pending.get(1L)
                .request();
        assertThat(recorded.change().ruleName()).isEqualTo(seedRule().name());
        assertThat(recorded.targets()).containsExactly(seedRule().name());
    }

    @ParameterizedTest(name = "{0} of a rule that is {1} is refused with {2}")
    @CsvSource({"ENABLE,Enabled,RULE_ALREADY_IN_STATE", "ENABLE,Evaluating,RULE_ALREADY_IN_STATE",
            "DISABLE,Disabled,RULE_ALREADY_IN_STATE", "DISABLE,Evaluating,RULE_EVALUATING",
            "EVALUATE,Disabled,RULE_DISABLED", "EVALUATE,Evaluating,RULE_EVALUATING", "DELETE,Evaluating,RULE_EVALUATING"})
    void anOperationTheStateForbidsIsRefusedAndNothingIsRecorded(Kind kind, String state, ViolationCode code) {
        configHolds(ID, seedRule(), state);

        assertThat(submit(kind, true)).isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                r -> assertThat(r.violations().contains(code)).isTrue());
        assertThat(ports.pending).isEmpty();
        assertThat(ports.journal).containsOnly("cloud:show");
    }

    @Test
    void aRuleConfigNoLongerHasIsNamedAndNothingIsSent() {
        RuleChangePreview preview = service.preview(RuleChangeCommand.of("alice", DOMAIN_ID, ID, Kind.DISABLE, false));

        assertThat(preview.violations().contains(ViolationCode.RULE_NOT_FOUND)).isTrue();
        assertThat(preview.requests()).hasSize(1);
        assertThat(submit(Kind.DISABLE, true)).isInstanceOf(SubmissionResult.Rejected.class);
        assertThat(ports.pending).isEmpty();
    }

    @Test
    void aGarbledRuleIdIsRefusedWithoutAskingConfig() {
        SubmissionResult result = service.submit(RuleChangeCommand.of("alice", DOMAIN_ID, "../x y", Kind.ENABLE, true));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                r -> assertThat(r.violations().contains(ViolationCode.BAD_FORMAT)).isTrue());
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void deletingAnEnabledRuleDisablesItFirstAsTwoLinkedEntries() {
        configHolds(ID, seedRule(), "Enabled");

        RuleChangePreview preview = service.preview(RuleChangeCommand.of("alice", DOMAIN_ID, ID, Kind.DELETE, false));
        assertThat(preview.requests()).hasSize(2);
        assertThat(preview.violations().contains(ViolationCode.DISABLES_FIRST)).isTrue();
        assertThat(submit(Kind.DELETE, false)).as("the two steps are a warning to acknowledge")
                .isInstanceOf(SubmissionResult.Rejected.class);

        SubmissionResult result = submit(Kind.DELETE, true);

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Sent.class, s -> assertThat(s.entryId()).isEqualTo(2));
        assertThat(ports.cloudRules).isEmpty();
        assertThat(ports.pending.get(1L).request().operation()).isEqualTo(Operation.DISABLE_CONFIG_RULE);
        SubmittedRequest.RuleChangeSubmission second = (SubmittedRequest.RuleChangeSubmission) ports.pending.get(2L)
                .request();
        assertThat(second.operation()).isEqualTo(Operation.DELETE_CONFIG_RULE);
        assertThat(second.stepOf()).isEqualTo(1L);
        assertThat(ports.journal).containsSubsequence("cloud:disable", "history:SUCCEEDED", "cloud:show",
                "history:pending", "cloud:delete", "history:SUCCEEDED");
    }

    @Test
    void aDeleteWaitsUntilConfigReportsTheRuleDisabled() {
        configHolds(ID, seedRule(), "Enabled");
        ports.shownStates.add("Enabled");
        ports.shownStates.add("Enabled");
        ports.shownStates.add("Enabled");

        assertThat(submit(Kind.DELETE, true)).isInstanceOf(SubmissionResult.Sent.class);

        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(ports.cloudRules).isEmpty();
    }

    @Test
    void aRuleThatStaysEnabledIsNotDeletedAndTheHistorySaysSo() {
        configHolds(ID, seedRule(), "Enabled");
        for (int i = 0; i < 10; i++) {
            ports.shownStates.add("Enabled");
        }
        ports.ruleOutcomes.add(new CloudOutcome.Accepted(ID, null, 202, "r", null));

        SubmissionResult result = submit(Kind.DELETE, true);

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Sent.class, s -> {
            assertThat(s.entryId()).isEqualTo(2);
            assertThat(s.outcome()).isInstanceOfSatisfying(CloudOutcome.Failed.class, f -> {
                assertThat(f.errorCode()).isEqualTo("CLIENT.NOT_SENT");
                assertThat(f.message()).contains("still reported the rule Enabled");
            });
        });
        assertThat(ports.journal).doesNotContain("cloud:delete");
        assertThat(pauses).hasSize(4);
        assertThat(ports.cloudRules).hasSize(1);
    }

    @Test
    void aDisableThatFailsLeavesTheDeleteUnsent() {
        configHolds(ID, seedRule(), "Enabled");
        ports.ruleOutcomes.add(new CloudOutcome.Refused(400, "RMS.00010004", "busy", "r", null));

        SubmissionResult result = submit(Kind.DELETE, true);

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Sent.class, s -> assertThat(s.entryId()).isEqualTo(1));
        assertThat(ports.pending).hasSize(1);
        assertThat(ports.journal).doesNotContain("cloud:delete");
    }

    @Test
    void aDisabledRuleIsDeletedInOneStep() {
        configHolds(ID, seedRule(), "Disabled");

        assertThat(submit(Kind.DELETE, false)).isInstanceOf(SubmissionResult.Sent.class);
        assertThat(ports.pending).hasSize(1);
        assertThat(ports.cloudRules).isEmpty();
    }

    @Test
    void anUpdateKeepsTheNameAndFollowsTheRulesOfAdding() {
        configHolds(ID, seedRule(), "Enabled");
        ConfigRule renamed = new ConfigRule(seedRule().policyAssignmentType(), "another-name", null, null,
                seedRule().policyFilter(), seedRule().policyDefinitionId(), null, seedRule().parameters(), null);
        ConfigRule badParameter = new ConfigRule(seedRule().policyAssignmentType(), seedRule().name(), null, null,
                seedRule().policyFilter(), seedRule().policyDefinitionId(), null,
                Map.of("noSuchParameter", com.policyconsole.domain.model.json.JsonValue.of("x")), null);

        assertThat(service.submit(new RuleChangeCommand("alice", DOMAIN_ID, ID, Kind.UPDATE, renamed, true)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                        r -> assertThat(r.violations().contains(ViolationCode.RULE_NAME_CHANGED)).isTrue());
        assertThat(service.submit(new RuleChangeCommand("alice", DOMAIN_ID, ID, Kind.UPDATE, badParameter, true)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                        r -> assertThat(r.violations().contains(ViolationCode.PARAMETER_UNKNOWN)).isTrue());
        assertThat(ports.pending).isEmpty();

        ConfigRule described = new ConfigRule(seedRule().policyAssignmentType(), seedRule().name(), "now described",
                seedRule().period(), seedRule().policyFilter(), seedRule().policyDefinitionId(), null,
                seedRule().parameters(), seedRule().tags());
        assertThat(service.submit(new RuleChangeCommand("alice", DOMAIN_ID, ID, Kind.UPDATE, described, false)))
                .isInstanceOf(SubmissionResult.Sent.class);
        assertThat(ports.cloudRules.get(0).rule().description()).isEqualTo("now described");
    }

    @Test
    void theRuleListPairsConfigWithTheHistoryAndFlagsDriftBothWays() {
        configHolds(ID, seedRule(), "Enabled");
        configHolds("elsewhere0000000000000001", new ConfigRule("builtin", "added-elsewhere", null, null, null,
                "5fa265c0aa1e6afc05a0ff07", null, null, null), "Disabled");
        historyRules.add(new HistoryRule(seedRule().name(), ID, 4, "alice", CLOCK.instant()));
        historyRules.add(new HistoryRule("deleted-elsewhere", "gone000000000000000000001", 5, "bob", CLOCK.instant()));

        RuleList list = service.rules(DOMAIN_ID);

        assertThat(list.rows()).hasSize(2);
        assertThat(list.rows()).filteredOn(r -> r.rule().id().equals(ID)).singleElement()
                .satisfies(r -> assertThat(r.known().entryId()).isEqualTo(4));
        assertThat(list.unknownToHistory()).isEqualTo(1);
        assertThat(list.notInConfig()).extracting(HistoryRule::name).containsExactly("deleted-elsewhere");
    }
}
