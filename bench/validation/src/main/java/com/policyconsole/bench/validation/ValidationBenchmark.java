package com.policyconsole.bench.validation;

import com.policyconsole.bench.validation.annotated.AnnotatedConfigRuleRequest;
import com.policyconsole.bench.validation.annotated.AnnotatedEmergencyPolicyRequest;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One validation per call, single thread: the domain's rule sets ({@code ours}) against Hibernate Validator on
 * the equivalent annotated beans, in its default configuration ({@code hibernate}) and in its predefined scope
 * with all metadata built up front ({@code hibernatePredefined}). Inputs and validators are built once per trial;
 * each method returns its result, which JMH sinks into a Blackhole.
 */
@State(Scope.Benchmark)
@Threads(1)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidationBenchmark {

    /** Which variant of each request: {@code valid}, or {@code invalid} with several field-level violations. */
    @Param({"valid", "invalid"})
    public String input;

    private EmergencyPolicyRequest emergencyPolicy;
    private ConfigRuleRequest configRule;
    private AnnotatedEmergencyPolicyRequest annotatedEmergencyPolicy;
    private AnnotatedConfigRuleRequest annotatedConfigRule;

    private ValidatorFactory defaultFactory;
    private ValidatorFactory predefinedFactory;
    private Validator hibernate;
    private Validator hibernatePredefined;

    @Setup
    public void setUp() {
        boolean valid = switch (input) {
            case "valid" -> true;
            case "invalid" -> false;
            default -> throw new IllegalArgumentException("input must be valid or invalid, not " + input);
        };
        emergencyPolicy = valid ? BenchmarkRequests.validEmergencyPolicy() : BenchmarkRequests.invalidEmergencyPolicy();
        configRule = valid ? BenchmarkRequests.validConfigRule() : BenchmarkRequests.invalidConfigRule();
        annotatedEmergencyPolicy = AnnotatedEmergencyPolicyRequest.from(emergencyPolicy);
        annotatedConfigRule = AnnotatedConfigRuleRequest.from(configRule);

        defaultFactory = HibernateValidators.defaultFactory();
        predefinedFactory = HibernateValidators.predefinedScopeFactory();
        hibernate = defaultFactory.getValidator();
        hibernatePredefined = predefinedFactory.getValidator();

        // Both sides must see the same verdict, or the comparison measures different work.
        expectVerdict("emergency policy, ours", SecMasterRules.validate(emergencyPolicy).hasErrors(), valid);
        expectVerdict("config rule, ours", ConfigRules.validate(configRule).hasErrors(), valid);
        expectVerdict("emergency policy, Hibernate Validator", !hibernate.validate(annotatedEmergencyPolicy).isEmpty(), valid);
        expectVerdict("config rule, Hibernate Validator", !hibernate.validate(annotatedConfigRule).isEmpty(), valid);
    }

    private static void expectVerdict(String what, boolean hasViolations, boolean valid) {
        if (hasViolations == valid) {
            throw new IllegalStateException(what + ": expected " + (valid ? "no violations" : "violations"));
        }
    }

    @TearDown
    public void tearDown() {
        defaultFactory.close();
        predefinedFactory.close();
    }

    @Benchmark
    public Violations emergencyPolicyOurs() {
        return SecMasterRules.validate(emergencyPolicy);
    }

    @Benchmark
    public Set<ConstraintViolation<AnnotatedEmergencyPolicyRequest>> emergencyPolicyHibernate() {
        return hibernate.validate(annotatedEmergencyPolicy);
    }

    @Benchmark
    public Set<ConstraintViolation<AnnotatedEmergencyPolicyRequest>> emergencyPolicyHibernatePredefined() {
        return hibernatePredefined.validate(annotatedEmergencyPolicy);
    }

    @Benchmark
    public Violations configRuleOurs() {
        return ConfigRules.validate(configRule);
    }

    @Benchmark
    public Set<ConstraintViolation<AnnotatedConfigRuleRequest>> configRuleHibernate() {
        return hibernate.validate(annotatedConfigRule);
    }

    @Benchmark
    public Set<ConstraintViolation<AnnotatedConfigRuleRequest>> configRuleHibernatePredefined() {
        return hibernatePredefined.validate(annotatedConfigRule);
    }
}
