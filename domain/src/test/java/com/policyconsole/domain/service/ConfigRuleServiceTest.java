package com.policyconsole.domain.service;

import static com.policyconsole.domain.TestRequestFactory.DOMAIN_ID;
import static com.policyconsole.domain.TestRequestFactory.customRule;
import static com.policyconsole.domain.TestRequestFactory.seedRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.AddConfigRuleCommand;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.ViolationCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigRuleServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private InMemoryPorts ports;
    private ConfigRuleService service;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts();
        ports.definitions.add(new PolicyDefinition("5fa265c0aa1e6afc05a0ff07", "allowed-images-by-id", "", "resource",
                Map.of("listOfAllowedImages", ParameterSchema.ofType("Array", "image IDs"))));
        ports.nextOutcome = new CloudOutcome.Accepted("66c486e8d58ed9173f4560ac", "Enabled", 200, "r", "{}");
        service = new ConfigRuleService(ports, new ConfigRuleChecks(ports, ports), ports, CLOCK);
    }

    @Test
    void seedRuleIsRecordedThenAdded() {
        SubmissionResult result = service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), false));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Sent.class,
                r -> assertThat(((CloudOutcome.Accepted) r.outcome()).resultId()).isEqualTo("66c486e8d58ed9173f4560ac"));
        assertThat(ports.journal).containsExactly("history:pending", "cloud:add", "history:SUCCEEDED");
    }

    @Test
    void aTakenNameIsRefusedBeforeAnythingIsSent() {
        ports.ruleNames.add("allowed-images-by-id");

        assertThat(service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), true)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                        r -> assertThat(r.violations().contains(ViolationCode.RULE_NAME_TAKEN)).isTrue());
        assertThat(ports.journal).isEmpty();
    }

    @Test
    void aNameTakenInConfigButNotInTheHistoryIsRefused() {
        ports.cloudRules.add(new com.policyconsole.domain.model.config.PolicyAssignment("r1", seedRule(), "Enabled",
                null, null, "custom", null, null));

        assertThat(service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), true)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                        r -> assertThat(r.violations().contains(ViolationCode.RULE_NAME_TAKEN)).isTrue());
    }

    @Test
    void whenConfigsRuleListCannotBeReadTheOperatorIsWarned() {
        InMemoryPorts unreadable = new InMemoryPorts() {
            @Override
            public List<com.policyconsole.domain.model.config.PolicyAssignment> listRules(String domainId) {
                throw new CloudReadException("503 from rms", new CloudOutcome.Failed(503, null, null, null, null));
            }
        };
        unreadable.definitions.addAll(ports.definitions);
        ConfigRuleService s = new ConfigRuleService(ports, new ConfigRuleChecks(ports, unreadable), ports, CLOCK);

        assertThat(s.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), false)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> {
                    assertThat(r.violations().hasErrors()).isFalse();
                    assertThat(r.violations().first(ViolationCode.NOT_CHECKED).orElseThrow().path()).isEqualTo("name");
                });
    }

    @Test
    void anUnknownDefinitionIsRefused() {
        ports.definitions.clear();

        assertThat(service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), true)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                        r -> assertThat(r.violations().contains(ViolationCode.UNKNOWN_POLICY_DEFINITION)).isTrue());
    }

    @Test
    void parametersThatDoNotFitTheDefinitionAreRefused() {
        var rule = com.policyconsole.domain.model.config.ConfigRule.builder().builtin("5fa265c0aa1e6afc05a0ff07")
                .name("images").parameter("listOfAllowedImages", com.policyconsole.domain.model.json.JsonValue.of("x"))
                .build();

        assertThat(service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, rule, true)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class,
                        r -> assertThat(r.violations().contains(ViolationCode.PARAMETER_MISMATCH)).isTrue());
    }

    @Test
    void whenDefinitionsCannotBeReadTheParametersAreNotCheckedAndTheOperatorIsWarned() {
        InMemoryPorts unreadable = new InMemoryPorts() {
            @Override
            public List<PolicyDefinition> definitions() {
                throw new CloudReadException("503 from rms", new CloudOutcome.Failed(503, null, null, null, null));
            }
        };
        ConfigRuleService s = new ConfigRuleService(ports, new ConfigRuleChecks(ports, unreadable), ports, CLOCK);

        assertThat(s.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), false)))
                .isInstanceOfSatisfying(SubmissionResult.Rejected.class, r -> {
                    assertThat(r.violations().hasErrors()).isFalse();
                    assertThat(r.violations().contains(ViolationCode.NOT_CHECKED)).isTrue();
                });
        assertThat(s.add(new AddConfigRuleCommand("alice", DOMAIN_ID, seedRule(), true)))
                .isInstanceOf(SubmissionResult.Sent.class);
    }

    @Test
    void customRulesNeedNoDefinition() {
        assertThat(service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, customRule(), false)))
                .isInstanceOf(SubmissionResult.Sent.class);
    }

    @Test
    void givenHistoryIsDown_add_neverCallsTheCloud() {
        ports.historyDown = true;

        assertThat(service.add(new AddConfigRuleCommand("alice", DOMAIN_ID, customRule(), false)))
                .isInstanceOf(SubmissionResult.NotRecorded.class);
        assertThat(ports.journal).doesNotContain("cloud:add");
    }
}
