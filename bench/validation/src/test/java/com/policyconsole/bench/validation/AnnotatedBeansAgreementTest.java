package com.policyconsole.bench.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.policyconsole.bench.validation.annotated.AnnotatedConfigRuleRequest;
import com.policyconsole.bench.validation.annotated.AnnotatedEmergencyPolicyRequest;
import com.policyconsole.bench.validation.annotated.Warning;
import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.json.JsonValue;
import com.policyconsole.domain.validation.ConfigRules;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.ViolationCode;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The annotated beans say the same as the domain's rules wherever annotations can: one field changed at a time,
 * both sides accept or both refuse. The rules annotations cannot say are listed last, refused by the domain only.
 */
class AnnotatedBeansAgreementTest {

    private static ValidatorFactory factory;
    private static Validator hibernate;

    @BeforeAll
    static void buildValidator() {
        factory = HibernateValidators.defaultFactory();
        hibernate = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    static Stream<Arguments> emergencyPolicyChanges() {
        return Stream.of(
                arguments("region_id of 65 characters", policy(b -> b.regionId("c".repeat(65))), false),
                arguments("labels with a line break", policy(b -> b.labels("a\nb")), false),
                arguments("description with line breaks and tabs", policy(b -> b.description("a\nb\tc\r\n")), false),
                arguments("description of 1025 characters", policy(b -> b.description("d".repeat(1025))), false),
                arguments("policy_direction BOTH", policy(b -> b.policyDirection("BOTH")), false),
                arguments("policy_direction blank", policy(b -> b.policyDirection(" ")), true),
                arguments("block_ageing as a date", policy(b -> b.blockAge(new BlockAge(true, "2030-01-01"))), false),
                arguments("block_age missing", policy(b -> b.blockAge(null)), false),
                arguments("is_block_ageing missing", policy(b -> b.blockAge(new BlockAge(null, null))), false),
                arguments("no defense connections", policy(b -> b.defensePolicyList(List.of())), false),
                arguments("blank defense_type", policy(b -> b.defensePolicyList(List.of(connection("CFW", " ")))), false),
                arguments("connection name of 256 characters",
                        policy(b -> b.defensePolicyList(List.of(connection("CFW", "n".repeat(256))))), false),
                arguments("unknown defense layer (a warning)", policy(b -> b.defensePolicyList(List.of(connection("IPS", "x")))), true),
                arguments("account_scope of 256 characters", policy(b -> b.accountScope("a".repeat(256))), false),
                arguments("account_scope not hex (a warning)", policy(b -> b.accountScope("ACCOUNT")), true),
                arguments("empty eps_scope", policy(b -> b.epsScope("")), true),
                arguments("policy_type Source IP", policy(b -> b.policyType("Source IP")), false),
                arguments("policy_category white", policy(b -> b.policyCategory("white")), false),
                arguments("blank block_target", policy(b -> b.blockTarget(" ")), false),
                arguments("project_id empty", request(r -> new EmergencyPolicyRequest(new SecMasterWorkspace("", "w"),
                        r.secmasterVersion(), r.actionType(), r.retryList(), r.policy())), false),
                arguments("action_type delete", request(r -> new EmergencyPolicyRequest(r.workspace(),
                        r.secmasterVersion(), "delete", r.retryList(), r.policy())), false),
                arguments("retry of an ID with a space", request(r -> EmergencyPolicyRequest.retry(r.workspace(),
                        r.secmasterVersion(), List.of("p-1", "bad id"), r.policy())), false),
                arguments("retry of two IDs", request(r -> EmergencyPolicyRequest.retry(r.workspace(),
                        r.secmasterVersion(), List.of("p-1", "p_2"), r.policy())), true),
                arguments("version 25..5", request(r -> new EmergencyPolicyRequest(r.workspace(),
                        "25..5", r.actionType(), r.retryList(), r.policy())), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emergencyPolicyChanges")
    void emergencyPolicyFieldRulesAgree(String change, EmergencyPolicyRequest request, boolean valid) {
        assertThat(SecMasterRules.validate(request).hasErrors()).isEqualTo(!valid);
        assertThat(hasErrors(hibernate.validate(AnnotatedEmergencyPolicyRequest.from(request)))).isEqualTo(!valid);
    }

    static Stream<Arguments> configRuleChanges() {
        return Stream.of(
                arguments("name of 65 characters", rule(b -> b.name("n".repeat(65))), false),
                arguments("description of 513 characters", rule(b -> b.description("d".repeat(513))), false),
                arguments("description over two lines", rule(b -> b.description("a\nb")), false),
                arguments("policy_assignment_type BUILTIN", rule(b -> b.policyAssignmentType("BUILTIN")), false),
                arguments("period Daily", rule(b -> b.policyFilter(null).period("Daily")), false),
                arguments("policy_definition_id of 37 characters", rule(b -> b.policyDefinitionId("i".repeat(37))), false),
                arguments("filter tag_value of 257 characters", rule(b -> b.policyFilter(
                        new PolicyFilter(null, "ecs", "cloudservers", null, "k", "v".repeat(257)))), false),
                arguments("empty parameter name", rule(b -> b.parameter("", JsonValue.of(1))), false),
                arguments("parameter name with a tab", rule(b -> b.parameter("max\tage", JsonValue.of(1))), false),
                arguments("parameter name of 129 characters", rule(b -> b.parameter("p".repeat(129), JsonValue.of(1))), false),
                arguments("21 tags", rule(b -> b.tags(IntStream.range(0, 21)
                        .mapToObj(i -> new ResourceTag("k" + i, "v")).toList())), false),
                arguments("tag value missing", rule(b -> b.tag("nothing", null)), false),
                arguments("tag value empty", rule(b -> b.tag("empty", "")), true),
                arguments("tag key starting with a space", rule(b -> b.tag(" lead", "v")), false),
                arguments("tag key of 129 characters", rule(b -> b.tag("k".repeat(129), "v")), false),
                arguments("tag value with a comma", rule(b -> b.tag("list", "a,b")), false),
                arguments("domain_id of 37 characters", ruleRequest("d".repeat(37), BenchmarkRequests.validConfigRule().rule()), false),
                arguments("a valid custom rule", customRule(CustomPolicy.viaAgency(URN, "rms_fgs_agency")), true),
                arguments("function_urn of another service", customRule(
                        CustomPolicy.viaAgency("urn:obs:cn-north-4:0a1b:bucket:b", "rms_fgs_agency")), false),
                arguments("auth_type token", customRule(new CustomPolicy(URN, "token", null)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configRuleChanges")
    void configRuleFieldRulesAgree(String change, ConfigRuleRequest request, boolean valid) {
        assertThat(ConfigRules.validate(request).hasErrors()).isEqualTo(!valid);
        assertThat(hasErrors(hibernate.validate(AnnotatedConfigRuleRequest.from(request)))).isEqualTo(!valid);
    }

    /** The rules Bean Validation's standard constraints cannot state: the domain refuses, the beans accept. */
    static Stream<Arguments> rulesOnlyTheDomainStates() {
        return Stream.of(
                arguments(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE, policy(b -> b.targets("1.2.3.4/24")), null),
                arguments(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE, policy(b -> b.targets("example.com")), null),
                arguments(ViolationCode.AGEING_INSTANT_REQUIRED, policy(b -> b.blockAge(new BlockAge(true, null))), null),
                arguments(ViolationCode.AGEING_INSTANT_WITHOUT_AGEING,
                        policy(b -> b.blockAge(new BlockAge(false, "1893456000000"))), null),
                arguments(ViolationCode.WHITE_NOT_FOR_USER_NAMES, policy(b -> b.category(PolicyCategory.WHITE)
                        .blockType(BlockType.USER_NAME).targets("alice")), null),
                arguments(ViolationCode.RETRY_LIST_REQUIRED, request(r -> EmergencyPolicyRequest.retry(r.workspace(),
                        r.secmasterVersion(), List.of(), r.policy())), null),
                arguments(ViolationCode.RETRY_LIST_NOT_ALLOWED, request(r -> new EmergencyPolicyRequest(r.workspace(),
                        r.secmasterVersion(), "create", List.of("p-1"), r.policy())), null),
                arguments(ViolationCode.BUILTIN_REQUIRES_DEFINITION, null, rule(b -> b.policyDefinitionId(null))),
                arguments(ViolationCode.CUSTOM_POLICY_REQUIRES_CUSTOM_TYPE, null,
                        rule(b -> b.customPolicy(CustomPolicy.viaAgency(URN, "rms_fgs_agency")))),
                arguments(ViolationCode.PERIOD_AND_FILTER, null, rule(b -> b.period(Period.ONE_HOUR))),
                arguments(ViolationCode.TAG_VALUE_WITHOUT_KEY, null, rule(b -> b.policyFilter(
                        new PolicyFilter(null, "ecs", "cloudservers", null, null, "production")))),
                arguments(ViolationCode.DUPLICATE_TAG_KEY, null, rule(b -> b.tag("owner", "someone-else"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOnlyTheDomainStates")
    void crossFieldRulesAreTheDomainsAlone(ViolationCode code, EmergencyPolicyRequest policy, ConfigRuleRequest rule) {
        if (policy != null) {
            assertThat(SecMasterRules.validate(policy).first(code)).hasValueSatisfying(v -> assertThat(v.isError()).isTrue());
            assertThat(hibernate.validate(AnnotatedEmergencyPolicyRequest.from(policy))).isEmpty();
        } else {
            assertThat(ConfigRules.validate(rule).first(code)).hasValueSatisfying(v -> assertThat(v.isError()).isTrue());
            assertThat(hibernate.validate(AnnotatedConfigRuleRequest.from(rule))).isEmpty();
        }
    }

    private static final String URN =
            "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check-owner:latest";

    private static boolean hasErrors(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> !v.getConstraintDescriptor().getPayload().contains(Warning.class));
    }

    private static EmergencyPolicyRequest policy(UnaryOperator<EmergencyPolicy.Builder> change) {
        return request(r -> new EmergencyPolicyRequest(r.workspace(), r.secmasterVersion(), r.actionType(),
                r.retryList(), change.apply(r.policy().toBuilder()).build()));
    }

    private static EmergencyPolicyRequest request(UnaryOperator<EmergencyPolicyRequest> change) {
        return change.apply(BenchmarkRequests.validEmergencyPolicy());
    }

    private static DefenseConnection connection(String layer, String name) {
        return new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635", name, "cn-north-4", "CN North-Beijing4",
                layer, "0", "default", "3bb27e024693436da46b5f5aaf499060", "cn-north-4");
    }

    private static ConfigRuleRequest rule(UnaryOperator<ConfigRule.Builder> change) {
        ConfigRule valid = BenchmarkRequests.validConfigRule().rule();
        ConfigRule.Builder builder = ConfigRule.builder()
                .policyAssignmentType(valid.policyAssignmentType())
                .name(valid.name())
                .description(valid.description())
                .policyFilter(valid.policyFilter())
                .policyDefinitionId(valid.policyDefinitionId())
                .parameters(valid.parameters())
                .tags(valid.tags());
        return ruleRequest(BenchmarkRequests.DOMAIN_ID, change.apply(builder).build());
    }

    private static ConfigRuleRequest customRule(CustomPolicy policy) {
        return ruleRequest(BenchmarkRequests.DOMAIN_ID, ConfigRule.builder()
                .name("ecs-has-owner-tag")
                .custom(policy)
                .period(Period.TWENTY_FOUR_HOURS)
                .tag("owner", "secops")
                .build());
    }

    private static ConfigRuleRequest ruleRequest(String domainId, ConfigRule rule) {
        return new ConfigRuleRequest(domainId, rule);
    }
}
