package com.policyconsole.bench.validation;

import com.policyconsole.bench.validation.annotated.AnnotatedBlockAge;
import com.policyconsole.bench.validation.annotated.AnnotatedConfigRule;
import com.policyconsole.bench.validation.annotated.AnnotatedConfigRuleRequest;
import com.policyconsole.bench.validation.annotated.AnnotatedCustomPolicy;
import com.policyconsole.bench.validation.annotated.AnnotatedDefenseConnection;
import com.policyconsole.bench.validation.annotated.AnnotatedEmergencyPolicy;
import com.policyconsole.bench.validation.annotated.AnnotatedEmergencyPolicyRequest;
import com.policyconsole.bench.validation.annotated.AnnotatedPolicyFilter;
import com.policyconsole.bench.validation.annotated.AnnotatedResourceTag;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.PredefinedScopeHibernateValidator;

/** The Hibernate Validator set-ups the benchmark compares against, each built once per trial. */
public final class HibernateValidators {

    /** Every annotated bean, for the predefined scope that builds all metadata up front. */
    static final Set<Class<?>> BEANS = Set.of(
            AnnotatedEmergencyPolicyRequest.class, AnnotatedEmergencyPolicy.class, AnnotatedBlockAge.class,
            AnnotatedDefenseConnection.class, AnnotatedConfigRuleRequest.class, AnnotatedConfigRule.class,
            AnnotatedPolicyFilter.class, AnnotatedCustomPolicy.class, AnnotatedResourceTag.class);

    /** The only built-in constraints the beans use. */
    static final Set<String> CONSTRAINTS = Set.of(NotNull.class.getName(), NotBlank.class.getName(),
            NotEmpty.class.getName(), Size.class.getName(), Pattern.class.getName());

    private HibernateValidators() {
    }

    /** Hibernate Validator as most applications use it: the default factory (Expressly for message interpolation). */
    public static ValidatorFactory defaultFactory() {
        return Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory();
    }

    /**
     * Hibernate Validator's fastest documented set-up: the predefined scope, which builds the metadata of a
     * known set of beans and constraints when the factory is built, for the one locale used.
     */
    public static ValidatorFactory predefinedScopeFactory() {
        return Validation.byProvider(PredefinedScopeHibernateValidator.class)
                .configure()
                .builtinConstraints(CONSTRAINTS)
                .initializeBeanMetaData(BEANS)
                .locales(Set.of(Locale.ENGLISH))
                .defaultLocale(Locale.ENGLISH)
                .buildValidatorFactory();
    }
}
