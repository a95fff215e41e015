package com.policyconsole.domain.guardrail;

import static com.policyconsole.domain.TestRequestFactory.seedRuleRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConfigRuleGuardrailsTest {

    @Test
    void aNewNameRaisesNothing() {
        assertThat(ConfigRuleGuardrails.check(seedRuleRequest(), Set.of("other-rule")).all()).isEmpty();
    }

    @Test
    void givenTheNameIsTaken_check_refusesTheDuplicate() {
        assertThat(ConfigRuleGuardrails.check(seedRuleRequest(), Set.of("allowed-images-by-id")).errors())
                .extracting(Violation::code).containsExactly(ViolationCode.RULE_NAME_TAKEN);
    }

    @Test
    void theFiveHundredthRuleIsAcceptedAndOneMoreExceedsTheQuota() {
        assertThat(ConfigRuleGuardrails.check(seedRuleRequest(), names(499)).all()).isEmpty();
        assertThat(ConfigRuleGuardrails.check(seedRuleRequest(), names(500)).errors()).extracting(Violation::code)
                .containsExactly(ViolationCode.RULE_QUOTA_EXCEEDED);
    }

    private static Set<String> names(int n) {
        return IntStream.range(0, n).mapToObj(i -> "rule-" + i).collect(Collectors.toSet());
    }
}
