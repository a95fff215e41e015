package com.policyconsole.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.policyconsole.domain.model.config.ComplianceSummary;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.EvaluationState;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.config.RuleChange;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.out.ConfigRuleGateway;
import com.policyconsole.sandbox.SandboxFaults;
import com.policyconsole.sandbox.SandboxInventory;
import com.policyconsole.sandbox.SandboxRules;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The console's Config gateway against the sandbox's Config, over real HTTP: every rule operation's outcomes — accepted
 * (200/202), refused as Config refuses (400 state, 403 another account's rule, 404 no such rule), throttled (429),
 * server errors (500) and timeouts — and the evaluation the built-in definitions' parameters decide.
 */
@QuarkusTest
class SandboxRuleLifecycleTest {

    private static final String DOMAIN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Inject
    ConfigRuleGateway gateway;

    @Inject
    SandboxRules rules;

    @Inject
    SandboxFaults faults;

    @AfterEach
    void heal() {
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
        rules.evaluationTime(Duration.ZERO);
    }

    private static ConfigRule images(String name, String... allowed) {
        return ConfigRule.builder().builtin("5fa265c0aa1e6afc05a0ff07").name(name)
                .policyFilter(PolicyFilter.forResources("ecs", "cloudservers"))
                .parameter("listOfAllowedImages", JsonValue.strings(allowed)).build();
    }

    private String added(String state) {
        String id = rules.add(DOMAIN, images("lifecycle-" + UUID.randomUUID().toString().substring(0, 8),
                SandboxInventory.STANDARD_IMAGE)).orElseThrow().id();
        if (state.equals("Disabled")) {
            assertThat(rules.disable(DOMAIN, id)).isNull();
        }
        return id;
    }

    private static RuleChange change(String operation, String id, String name) {
        return switch (operation) {
            case "enable" -> new RuleChange.Enable(DOMAIN, id, name);
            case "disable" -> new RuleChange.Disable(DOMAIN, id, name);
            case "evaluate" -> new RuleChange.Evaluate(DOMAIN, id, name);
            case "update" -> new RuleChange.Update(DOMAIN, id, images(name, SandboxInventory.STANDARD_IMAGE,
                    SandboxInventory.LEGACY_IMAGE));
            default -> new RuleChange.Delete(DOMAIN, id, name);
        };
    }

    private String name(String id) {
        return rules.find(DOMAIN, id).rule().rule().name();
    }

    @ParameterizedTest(name = "{0} of a rule that is {1} is accepted with {2}; the rule is then {3}")
    @CsvSource({"enable,Disabled,202,Enabled", "disable,Enabled,202,Disabled", "evaluate,Enabled,202,Enabled",
            "update,Enabled,200,Enabled", "delete,Disabled,200,"})
    void eachOperationIsAcceptedAndApplied(String operation, String before, int status, String after) {
        String id = added(before);

        CloudOutcome outcome = gateway.prepare(change(operation, id, name(id))).send();

        assertThat(outcome).isInstanceOfSatisfying(CloudOutcome.Accepted.class, a -> {
            assertThat(a.httpStatus()).isEqualTo(status);
            assertThat(a.resultId()).isEqualTo(id);
            assertThat(a.requestId()).isNotBlank();
        });
        if (after == null) {
            assertThat(rules.find(DOMAIN, id).refusal().code()).isEqualTo(SandboxRules.NOT_FOUND);
        } else {
            assertThat(gateway.show(DOMAIN, id)).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(after));
        }
    }

    @ParameterizedTest(name = "{0} of a rule that is {1} is refused by Config with 400")
    @CsvSource({"delete,Enabled", "evaluate,Disabled"})
    void whatTheStateForbidsIsRefusedByTheSandboxToo(String operation, String state) {
        String id = added(state);

        assertThat(gateway.prepare(change(operation, id, name(id))).send())
                .isInstanceOfSatisfying(CloudOutcome.Refused.class, r -> {
                    assertThat(r.httpStatus()).isEqualTo(400);
                    assertThat(r.errorCode()).isEqualTo(SandboxRules.INVALID_PARAMETER);
                });
    }

    @Test
    void aDisableOrDeleteWhileEvaluatingAndARenameAreRefused() {
        rules.evaluationTime(Duration.ofMinutes(5));
        String id = added("Enabled");
        String name = name(id);

        assertThat(gateway.show(DOMAIN, id)).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo("Evaluating"));
        for (RuleChange refused : new RuleChange[] {change("disable", id, name), change("delete", id, name),
                change("update", id, "renamed-" + name)}) {
            assertThat(gateway.prepare(refused).send()).as(refused.verb())
                    .isInstanceOfSatisfying(CloudOutcome.Refused.class, r -> assertThat(r.httpStatus()).isEqualTo(400));
        }
    }

    @ParameterizedTest(name = "{0} of another account's rule is access denied (403)")
    @CsvSource({"enable", "disable", "evaluate", "update", "delete"})
    void anotherAccountsRuleIsAccessDenied(String operation) {
        String id = rules.add("another-account", images("theirs-" + UUID.randomUUID().toString().substring(0, 8),
                SandboxInventory.STANDARD_IMAGE)).orElseThrow().id();

        assertThat(gateway.prepare(change(operation, id, "theirs")).send())
                .isInstanceOfSatisfying(CloudOutcome.Refused.class, r -> {
                    assertThat(r.httpStatus()).isEqualTo(403);
                    assertThat(r.errorCode()).isEqualTo(SandboxRules.ACCESS_DENIED);
                });
        assertThat(catchThrowableOfType(CloudReadException.class, () -> gateway.show(DOMAIN, id)).outcome())
                .isInstanceOfSatisfying(CloudOutcome.Refused.class, r -> assertThat(r.httpStatus()).isEqualTo(403));
    }

    @ParameterizedTest(name = "{0} of a rule that does not exist is not found (404)")
    @CsvSource({"enable", "disable", "evaluate", "update", "delete"})
    void aRuleThatDoesNotExistIsNotFound(String operation) {
        assertThat(gateway.prepare(change(operation, "000000000000000000000000", "none")).send())
                .isInstanceOfSatisfying(CloudOutcome.Refused.class, r -> {
                    assertThat(r.httpStatus()).isEqualTo(404);
                    assertThat(r.errorCode()).isEqualTo(SandboxRules.NOT_FOUND);
                });
        assertThat(gateway.show(DOMAIN, "000000000000000000000000")).isEmpty();
    }

    @ParameterizedTest(name = "{0} throttled every time is Failed with 429")
    @CsvSource({"enable,Disabled", "disable,Enabled", "evaluate,Enabled", "update,Enabled", "delete,Disabled"})
    void throttlingToTheLastAttemptIsFailedAndNothingIsApplied(String operation, String state) {
        String id = added(state);
        String name = name(id);
        faults.update(new SandboxFaults.Settings(100, 0, 0, 0));

        assertThat(gateway.prepare(change(operation, id, name)).send())
                .isInstanceOfSatisfying(CloudOutcome.Failed.class, f -> assertThat(f.httpStatus()).isEqualTo(429));
        faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
        assertThat(rules.find(DOMAIN, id).rule()).as("still there, as it was").isNotNull()
                .satisfies(r -> assertThat(r.state(rules.now())).isEqualTo(state));
    }

    @ParameterizedTest(name = "{0} after one 500 is {1}")
    @CsvSource({"enable,Disabled,Accepted", "disable,Enabled,Accepted", "delete,Disabled,Accepted",
            "evaluate,Enabled,Unknown", "update,Enabled,Unknown"})
    void aServerErrorAfterTheChangeIsRepeatedWhereHarmlessElseUnknown(String operation, String state, String outcome) {
        String id = added(state);
        String name = name(id);
        faults.update(new SandboxFaults.Settings(0, 0, 0, 1));

        CloudOutcome sent = gateway.prepare(change(operation, id, name)).send();

        assertThat(sent.getClass().getSimpleName()).isEqualTo(outcome);
        if (operation.equals("delete")) {
            assertThat(sent).isInstanceOfSatisfying(CloudOutcome.Accepted.class,
                    a -> assertThat(a.state()).as("the repetition found it deleted").isEqualTo("Deleted"));
        }
    }

    @ParameterizedTest(name = "{0} timing out is Unknown")
    @CsvSource({"disable,Enabled", "evaluate,Enabled"})
    void aTimeoutIsUnknown(String operation, String state) {
        String id = added(state);
        String name = name(id);
        faults.update(new SandboxFaults.Settings(0, 0, 100, 0));

        assertThat(gateway.prepare(change(operation, id, name)).send()).isInstanceOf(CloudOutcome.Unknown.class);
    }

    @Test
    void theEvaluationIsDecidedByTheDefinitionsParameters() throws InterruptedException {
        rules.evaluationTime(Duration.ofMillis(300));
        String id = added("Enabled");

        assertThat(gateway.evaluationState(DOMAIN, id).state()).isEqualTo(EvaluationState.EVALUATING);
        assertThat(gateway.summary(DOMAIN, id)).as("nothing found before the first evaluation ends")
                .isEqualTo(new ComplianceSummary(0, 0));
        for (int i = 0; i < 50 && !gateway.evaluationState(DOMAIN, id).finished(); i++) {
            Thread.sleep(100);
        }

        assertThat(gateway.evaluationState(DOMAIN, id).state()).isEqualTo(EvaluationState.SUCCEEDED);
        assertThat(gateway.summary(DOMAIN, id)).as("5 servers, 2 of them on the legacy image")
                .isEqualTo(new ComplianceSummary(3, 2));
        assertThat(gateway.policyStates(DOMAIN, id, ResourceCompliance.NON_COMPLIANT, null, 1).resources())
                .singleElement().satisfies(r -> assertThat(r.resourceName()).startsWith("ecs-batch"));
        var second = gateway.policyStates(DOMAIN, id, ResourceCompliance.NON_COMPLIANT,
                gateway.policyStates(DOMAIN, id, ResourceCompliance.NON_COMPLIANT, null, 1).nextMarker(), 1);
        assertThat(second.resources()).singleElement().satisfies(r -> assertThat(r.resourceName()).startsWith("ecs-batch"));
        assertThat(second.nextMarker()).isNull();

        rules.evaluationTime(Duration.ZERO);
        assertThat(gateway.prepare(change("update", id, name(id))).send()).isInstanceOf(CloudOutcome.Accepted.class);
        assertThat(gateway.summary(DOMAIN, id)).as("both images allowed now").isEqualTo(new ComplianceSummary(5, 0));
    }
}
