package com.policyconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's Config: rule states and their transitions, and evaluations the definitions' parameters decide. */
class SandboxRulesTest {

    private static final String DOMAIN = "d-1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final SandboxRules rules = new SandboxRules(clock, Duration.ofSeconds(10));

    private static List<String> flagged(ConfigRule rule) {
        return SandboxInventory.evaluate(rule, Instant.EPOCH).stream()
                .filter(r -> r.complianceState().equals(ResourceCompliance.NON_COMPLIANT))
                .map(ResourceCompliance::resourceName).sorted().toList();
    }

    private static ConfigRule builtin(String definitionId, Map<String, JsonValue> parameters, PolicyFilter filter) {
        return ConfigRule.builder().builtin(definitionId).name("r").parameters(parameters).policyFilter(filter).build();
    }

    @Test
    void aNewRuleIsEvaluatingThenEnabledAndItsStateDecidesWhatIsAllowed() {
        String id = rules.add(DOMAIN, builtin("5fa36008ef6d1b3dc5f8a1c2", Map.of(), null)).orElseThrow().id();
        SandboxRules.StoredRule rule = rules.find(DOMAIN, id).rule();

        assertThat(rule.state(clock.instant())).isEqualTo("Evaluating");
        assertThat(rules.disable(DOMAIN, id).message()).contains("being evaluated");
        assertThat(rules.delete(DOMAIN, id).message()).contains("being evaluated");

        clock.advance(Duration.ofSeconds(10));
        assertThat(rules.find(DOMAIN, id).rule().state(clock.instant())).isEqualTo("Enabled");
        assertThat(rules.delete(DOMAIN, id).message()).contains("disable it before deleting it");
        assertThat(rules.disable(DOMAIN, id)).isNull();
        assertThat(rules.evaluate(DOMAIN, id).message()).contains("disabled");
        assertThat(rules.update(DOMAIN, id, ConfigRule.builder().builtin("5fa36008ef6d1b3dc5f8a1c2").name("other")
                .build()).message()).contains("cannot be changed");
        assertThat(rules.delete(DOMAIN, id)).isNull();
        assertThat(rules.find(DOMAIN, id).refusal().status()).isEqualTo(404);
    }

    @Test
    void namesAreUniquePerAccountAndAnotherAccountsRuleIsDenied() {
        String id = rules.add(DOMAIN, builtin("5fa36008ef6d1b3dc5f8a1c2", Map.of(), null)).orElseThrow().id();

        assertThat(rules.add(DOMAIN, builtin("5fa36008ef6d1b3dc5f8a1c2", Map.of(), null))).isEmpty();
        assertThat(rules.add("d-2", builtin("5fa36008ef6d1b3dc5f8a1c2", Map.of(), null))).isPresent();
        assertThat(rules.find("d-2", id).refusal().code()).isEqualTo(SandboxRules.ACCESS_DENIED);
        assertThat(rules.enable("d-2", id).status()).isEqualTo(403);
    }

    @Test
    void eachBuiltInDefinitionDecidesWithItsParameters() {
        assertThat(flagged(builtin("5fa265c0aa1e6afc05a0ff07",
                Map.of("listOfAllowedImages", JsonValue.strings(SandboxInventory.STANDARD_IMAGE)), null)))
                .containsExactly("ecs-batch-1", "ecs-batch-2");
        assertThat(flagged(builtin("5fa265c0aa1e6afc05a0ff07", Map.of("listOfAllowedImages",
                JsonValue.strings(SandboxInventory.STANDARD_IMAGE, SandboxInventory.LEGACY_IMAGE)), null))).isEmpty();
        assertThat(flagged(builtin("5fa36008ef6d1b3dc5f8a1c2", Map.of(), null)))
                .containsExactly("evs-batch", "evs-scratch");
        assertThat(flagged(builtin("5f8d549bffeecc14f1fb522a", Map.of("minimumLength", JsonValue.of(12)), null)))
                .containsExactly("account password policy");
        assertThat(flagged(builtin("5f8d549bffeecc14f1fb522a", Map.of("minimumLength", JsonValue.of(8)), null)))
                .isEmpty();
        assertThat(flagged(builtin("5fa9f89b5b7b4e5c7a3d2f10", Map.of("tagKey", JsonValue.of("env"),
                "tagValue", JsonValue.strings("prod")), PolicyFilter.forResources("ecs", "cloudservers"))))
                .containsExactly("ecs-batch-1", "ecs-batch-2", "ecs-jump");
    }

    @Test
    void aCustomRuleFlagsTheTaggedResourcesWithinItsFilter() {
        ConfigRule custom = ConfigRule.builder().custom(new CustomPolicy("urn:fss:x", "agency", Map.of())).name("c")
                .policyFilter(new PolicyFilter("ap-southeast-3", null, null, null, null, null)).build();

        assertThat(flagged(custom)).containsExactly("vpc-lab");
    }
}
