package com.policyconsole.bench.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.bench.validation.annotated.AnnotatedConfigRuleRequest;
import com.policyconsole.bench.validation.annotated.AnnotatedEmergencyPolicyRequest;
import com.policyconsole.bench.validation.annotated.Warning;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's inputs get the same verdict, at the same fields, from the domain and from Hibernate Validator. */
class BenchmarkInputsTest {

    private static ValidatorFactory factory;
    private static ValidatorFactory predefinedFactory;
    private static Validator hibernate;
    private static Validator hibernatePredefined;

    @BeforeAll
    static void buildValidators() {
        factory = HibernateValidators.defaultFactory();
        predefinedFactory = HibernateValidators.predefinedScopeFactory();
        hibernate = factory.getValidator();
        hibernatePredefined = predefinedFactory.getValidator();
    }

    @AfterAll
    static void closeValidators() {
        factory.close();
        predefinedFactory.close();
    }

    @Test
    void validEmergencyPolicyHasNoViolationsOnEitherSide() {
        var request = BenchmarkRequests.validEmergencyPolicy();
        var annotated = AnnotatedEmergencyPolicyRequest.from(request);

        assertThat(SecMasterRules.validate(request).all()).isEmpty();
        assertThat(hibernate.validate(annotated)).isEmpty();
        assertThat(hibernatePredefined.validate(annotated)).isEmpty();
    }

    @Test
    void validConfigRuleHasNoViolationsOnEitherSide() {
        var request = BenchmarkRequests.validConfigRule();
        var annotated = AnnotatedConfigRuleRequest.from(request);

        assertThat(ConfigRules.validate(request).all()).isEmpty();
        assertThat(hibernate.validate(annotated)).isEmpty();
        assertThat(hibernatePredefined.validate(annotated)).isEmpty();
    }

    @Test
    void invalidEmergencyPolicyIsRefusedAtTheSameFieldsOnBothSides() {
        var request = BenchmarkRequests.invalidEmergencyPolicy();
        Violations ours = SecMasterRules.validate(request);
        Set<ConstraintViolation<AnnotatedEmergencyPolicyRequest>> theirs =
                hibernate.validate(AnnotatedEmergencyPolicyRequest.from(request));

        assertThat(errorPaths(ours)).containsExactlyInAnyOrder("workspace_id", "x-secmaster-version",
                "data_object.policy_category", "data_object.defense_policy_list[0].defense_connection_name",
                "data_object.description");
        assertThat(warningPaths(ours)).containsExactly("data_object.eps_scope");
        assertThat(paths(theirs, false)).containsExactlyInAnyOrder("workspaceId", "secmasterVersion",
                "policy.policyCategory", "policy.defensePolicyList[0].defenseConnectionName", "policy.description");
        assertThat(paths(theirs, true)).containsExactly("policy.epsScope");
        assertThat(hibernatePredefined.validate(AnnotatedEmergencyPolicyRequest.from(request))).hasSameSizeAs(theirs);
    }

    @Test
    void invalidConfigRuleIsRefusedAtTheSameFieldsOnBothSides() {
        var request = BenchmarkRequests.invalidConfigRule();
        Violations ours = ConfigRules.validate(request);
        Set<ConstraintViolation<AnnotatedConfigRuleRequest>> theirs =
                hibernate.validate(AnnotatedConfigRuleRequest.from(request));

        assertThat(errorPaths(ours)).containsExactlyInAnyOrder("domain_id", "name", "policy_filter.resource_type",
                "tags[2].key", "tags[3].value");
        assertThat(warningPaths(ours)).isEmpty();
        assertThat(paths(theirs, false)).containsExactlyInAnyOrder("domainId", "rule.name",
                "rule.policyFilter.resourceType", "rule.tags[2].key", "rule.tags[3].value");
        assertThat(paths(theirs, true)).isEmpty();
        assertThat(hibernatePredefined.validate(AnnotatedConfigRuleRequest.from(request))).hasSameSizeAs(theirs);
    }

    static Set<String> errorPaths(Violations violations) {
        return violations.errors().stream().map(Violation::path).collect(Collectors.toSet());
    }

    static Set<String> warningPaths(Violations violations) {
        return violations.warnings().stream().map(Violation::path).collect(Collectors.toSet());
    }

    /** Property paths of the violations that are warnings ({@code warnings}) or errors. */
    static <T> Set<String> paths(Set<ConstraintViolation<T>> violations, boolean warnings) {
        return violations.stream()
                .filter(v -> v.getConstraintDescriptor().getPayload().contains(Warning.class) == warnings)
                .map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }
}
