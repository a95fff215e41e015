package com.policyconsole.domain.validation;

import static com.policyconsole.domain.TestRequestFactory.customRule;
import static com.policyconsole.domain.TestRequestFactory.ruleRequest;
import static com.policyconsole.domain.TestRequestFactory.seedRule;
import static com.policyconsole.domain.TestRequestFactory.seedRuleRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.ConfigRuleRequest;
import com.policyconsole.domain.model.config.CustomPolicy;
import com.policyconsole.domain.model.config.ParameterSchema;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.config.PolicyDefinition;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceTag;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigRulesTest {

    private static Violations validate(ConfigRule rule) {
        return ConfigRules.validate(ruleRequest(rule));
    }

    private static ConfigRule.Builder seed() {
        return ConfigRule.builder()
                .name(seedRule().name())
                .description(seedRule().description())
                .parameters(seedRule().parameters())
                .policyFilter(seedRule().policyFilter())
                .policyDefinitionId(seedRule().policyDefinitionId())
                .tags(seedRule().tags());
    }

    @Test
    void seedExampleRequestWithItsTagsHasNoViolations() {
        assertThat(ConfigRules.validate(seedRuleRequest()).all()).isEmpty();
    }

    @Test
    void customPeriodicRuleHasNoViolations() {
        assertThat(validate(customRule()).all()).isEmpty();
    }

    // Table 1 Path Parameters

    @Test
    void domainIdOfThirtySixIsAcceptedAndThirtySevenIsTooLong() {
        assertThat(ConfigRules.validate(new ConfigRuleRequest("d".repeat(36), seedRule())).all()).isEmpty();
        assertThat(ConfigRules.validate(new ConfigRuleRequest("d".repeat(37), seedRule())).at("domain_id"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..", "id%2F", "dom ain"})
    void domainIdThatIsNotAPathSegmentIsRefused(String domainId) {
        assertThat(ConfigRules.validate(new ConfigRuleRequest(domainId, seedRule())).at("domain_id"))
                .extracting(Violation::code).contains(ViolationCode.BAD_FORMAT);
    }

    @Test
    void missingDomainIdIsRequired() {
        assertThat(ConfigRules.validate(new ConfigRuleRequest(null, seedRule())).at("domain_id"))
                .extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    @Test
    void missingBodyIsRequired() {
        assertThat(ConfigRules.validate(new ConfigRuleRequest("abc", null)).at("body"))
                .extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    // Table 3 Request body parameters

    @ParameterizedTest
    @ValueSource(strings = {"Builtin", "BUILTIN", "managed", "custom ", "", " "})
    void assignmentTypeOutsideBuiltinAndCustomIsRefused(String type) {
        assertThat(validate(seed().policyAssignmentType(type).build()).at("policy_assignment_type"))
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_ALLOWED);
    }

    @Test
    void absentAssignmentTypeMeansBuiltin() {
        assertThat(seedRule().policyAssignmentType()).isNull();
        assertThat(validate(seed().policyDefinitionId(null).build()).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.BUILTIN_REQUIRES_DEFINITION);
    }

    @Test
    void missingNameIsRequired() {
        assertThat(validate(seed().name(null).build()).at("name")).extracting(Violation::code)
                .containsExactly(ViolationCode.REQUIRED);
    }

    @Test
    void nameOfSixtyFourIsAcceptedAndSixtyFiveIsTooLong() {
        assertThat(validate(seed().name("n".repeat(64)).build()).all()).isEmpty();
        assertThat(validate(seed().name("n".repeat(65)).build()).at("name")).extracting(Violation::code)
                .containsExactly(ViolationCode.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "dot.ted", "slash/name", "ümlaut", "semi;colon", "<b>"})
    void nameOutsideLettersDigitsUnderscoreAndHyphenIsRefused(String name) {
        assertThat(validate(seed().name(name).build()).at("name")).extracting(Violation::code)
                .containsExactly(ViolationCode.BAD_FORMAT);
    }

    @Test
    void descriptionOfFiveHundredTwelveIsAcceptedAndFiveHundredThirteenIsTooLong() {
        assertThat(validate(seed().description("d".repeat(512)).build()).all()).isEmpty();
        assertThat(validate(seed().description("d".repeat(513)).build()).at("description"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void descriptionLengthCountsUnicodeCharactersNotUtf16Units() {
        assertThat(validate(seed().description("😀".repeat(512)).build()).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"})
    void theFivePeriodsAreAccepted(String period) {
        assertThat(validate(copyWithPeriod(period)).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"one_hour", "24h", "Daily", "Two_Hours"})
    void otherPeriodsAreRefused(String period) {
        assertThat(validate(copyWithPeriod(period)).at("period")).extracting(Violation::code)
                .containsExactly(ViolationCode.NOT_ALLOWED);
    }

    private static ConfigRule copyWithPeriod(String period) {
        ConfigRule c = customRule();
        return ConfigRule.builder().name(c.name()).custom(c.customPolicy()).period(period).build();
    }

    @Test
    void policyDefinitionIdOfThirtySixIsAcceptedAndThirtySevenIsTooLong() {
        assertThat(validate(seed().policyDefinitionId("p".repeat(36)).build()).all()).isEmpty();
        assertThat(validate(seed().policyDefinitionId("p".repeat(37)).build()).at("policy_definition_id"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    // Table 4 PolicyFilterDefinition

    static Stream<Arguments> filterLimits() {
        return Stream.of(
                Arguments.of("region_id", 128, (Function<String, PolicyFilter>) s -> new PolicyFilter(s, null, null, null, null, null)),
                Arguments.of("resource_provider", 128, (Function<String, PolicyFilter>) s -> new PolicyFilter(null, s, null, null, null, null)),
                Arguments.of("resource_type", 128, (Function<String, PolicyFilter>) s -> new PolicyFilter(null, null, s, null, null, null)),
                Arguments.of("resource_id", 512, (Function<String, PolicyFilter>) s -> new PolicyFilter(null, null, null, s, null, null)),
                Arguments.of("tag_key", 128, (Function<String, PolicyFilter>) s -> new PolicyFilter(null, null, null, null, s, null)),
                Arguments.of("tag_value", 256, (Function<String, PolicyFilter>) s -> new PolicyFilter(null, null, null, null, "k", s)));
    }

    @ParameterizedTest(name = "{0} max {1}")
    @MethodSource("filterLimits")
    void filterFieldsAcceptTheirMaximumAndRefuseOneMore(String field, int max, Function<String, PolicyFilter> filter) {
        assertThat(validate(seed().policyFilter(filter.apply("x".repeat(max))).build()).all()).isEmpty();
        assertThat(validate(seed().policyFilter(filter.apply("x".repeat(max + 1))).build()).at("policy_filter." + field))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void filterTagValueWithoutTagKeyIsRefused() {
        PolicyFilter filter = new PolicyFilter(null, "ecs", "cloudservers", null, null, "prod");
        assertThat(validate(seed().policyFilter(filter).build()).at("policy_filter.tag_value"))
                .extracting(Violation::code).containsExactly(ViolationCode.TAG_VALUE_WITHOUT_KEY);
    }

    @Test
    void periodAndPolicyFilterTogetherAreRefused() {
        assertThat(validate(seed().period(Period.ONE_HOUR).build()).at("period")).extracting(Violation::code)
                .containsExactly(ViolationCode.PERIOD_AND_FILTER);
    }

    // Table 5 CustomPolicy

    @Test
    void functionUrnOfTenTwentyFourIsAcceptedAndTenTwentyFiveIsTooLong() {
        String prefix = "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:";
        String urn1024 = prefix + "f".repeat(1024 - prefix.length());
        assertThat(validate(customWith(CustomPolicy.viaAgency(urn1024, "agency"))).all()).isEmpty();
        assertThat(validate(customWith(CustomPolicy.viaAgency(urn1024 + "f", "agency"))).at("custom_policy.function_urn"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:us-east-1:123:function:x", "urn:fss:cn-north-4:proj:function:default",
            "urn:fss:cn-north-4:proj:func:default:name", "check-owner", "urn:fss::proj:function:default:name"})
    void functionUrnThatIsNotAFunctionGraphUrnIsRefused(String urn) {
        assertThat(validate(customWith(CustomPolicy.viaAgency(urn, "agency"))).at("custom_policy.function_urn"))
                .extracting(Violation::code).containsExactly(ViolationCode.BAD_FORMAT);
    }

    @Test
    void customPolicyNeedsFunctionUrnAndAuthType() {
        assertThat(validate(customWith(new CustomPolicy(null, null, null))).errors()).extracting(Violation::path)
                .containsExactly("custom_policy.function_urn", "custom_policy.auth_type");
    }

    @Test
    void authTypeOtherThanAgencyIsRefused() {
        CustomPolicy policy = new CustomPolicy(customRule().customPolicy().functionUrn(), "token", Map.of());
        assertThat(validate(customWith(policy)).at("custom_policy.auth_type")).extracting(Violation::code)
                .containsExactly(ViolationCode.NOT_ALLOWED);
    }

    @Test
    void agencyWithoutAgencyNameWarns() {
        CustomPolicy policy = new CustomPolicy(customRule().customPolicy().functionUrn(), "agency", Map.of());
        assertThat(validate(customWith(policy)).all()).extracting(Violation::code, Violation::severity)
                .containsExactly(tuple(ViolationCode.REQUIRED, Severity.WARNING));
    }

    private static ConfigRule customWith(CustomPolicy policy) {
        return ConfigRule.builder().name("custom-rule").custom(policy).period(Period.ONE_HOUR).build();
    }

    // Cross-field: rule type and policy

    @Test
    void customRuleWithoutCustomPolicyIsRefused() {
        ConfigRule rule = ConfigRule.builder().name("c").policyAssignmentType("custom").build();
        assertThat(validate(rule).errors()).extracting(Violation::code)
                .containsExactly(ViolationCode.CUSTOM_REQUIRES_CUSTOM_POLICY);
    }

    @Test
    void customRuleWithAPolicyDefinitionIsRefused() {
        ConfigRule rule = ConfigRule.builder().name("c").custom(customRule().customPolicy()).policyDefinitionId("abc").build();
        assertThat(validate(rule).errors()).extracting(Violation::code).containsExactly(ViolationCode.DEFINITION_NOT_FOR_CUSTOM);
    }

    @Test
    void builtinRuleWithACustomPolicyIsRefused() {
        ConfigRule rule = seed().customPolicy(customRule().customPolicy()).build();
        assertThat(validate(rule).errors()).extracting(Violation::code)
                .containsExactly(ViolationCode.CUSTOM_POLICY_REQUIRES_CUSTOM_TYPE);
    }

    // Table 7 ResourceTag

    @Test
    void tagKeyOfOneHundredTwentyEightIsAcceptedAndOneHundredTwentyNineIsTooLong() {
        assertThat(validate(seed().tags(List.of(new ResourceTag("k".repeat(128), "v"))).build()).all()).isEmpty();
        assertThat(validate(seed().tags(List.of(new ResourceTag("k".repeat(129), "v"))).build()).at("tags[0].key"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void tagValueOfTwoHundredFiftyFiveIsAcceptedAndTwoHundredFiftySixIsTooLong() {
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", "v".repeat(255)))).build()).all()).isEmpty();
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", "v".repeat(256)))).build()).at("tags[0].value"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void emptyTagValueIsAcceptedButAMissingOneIsNot() {
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", ""))).build()).all()).isEmpty();
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", null))).build()).at("tags[0].value"))
                .extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    @Test
    void emptyTagKeyIsRequired() {
        assertThat(validate(seed().tags(List.of(new ResourceTag("", "v"))).build()).at("tags[0].key"))
                .extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "cost_center", "a.b:c=d+e-f@g", "环境", "key with spaces"})
    void tagKeysFromTheCharacterSetAreAccepted(String key) {
        assertThat(validate(seed().tags(List.of(new ResourceTag(key, "v"))).build()).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" leading", "trailing ", "slash/key", "hash#", "comma,", "quote\"", "<script>"})
    void tagKeysOutsideTheCharacterSetAreRefused(String key) {
        assertThat(validate(seed().tags(List.of(new ResourceTag(key, "v"))).build()).at("tags[0].key"))
                .extracting(Violation::code).contains(ViolationCode.BAD_FORMAT);
    }

    @Test
    void tagKeysStartingWithSysAreReserved() {
        assertThat(validate(seed().tags(List.of(new ResourceTag("_sys_owner", "v"))).build()).at("tags[0].key"))
                .extracting(Violation::code).containsExactly(ViolationCode.RESERVED_TAG_PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "a/b:c=d+e-f@g.h_i", "生产 环境", ""})
    void tagValuesFromTheCharacterSetAreAccepted(String value) {
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", value))).build()).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a#b", "a,b", "a;b", "it's", "<b>"})
    void tagValuesOutsideTheCharacterSetAreRefused(String value) {
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", value))).build()).at("tags[0].value"))
                .extracting(Violation::code).containsExactly(ViolationCode.BAD_FORMAT);
    }

    @Test
    void twentyTagsAreAcceptedAndTwentyOneAreTooMany() {
        assertThat(validate(seed().tags(tags(20)).build()).all()).isEmpty();
        assertThat(validate(seed().tags(tags(21)).build()).at("tags")).extracting(Violation::code)
                .containsExactly(ViolationCode.TOO_MANY_TAGS);
    }

    @Test
    void aTagKeyUsedTwiceIsRefused() {
        assertThat(validate(seed().tags(List.of(new ResourceTag("k", "1"), new ResourceTag("k", "2"))).build())
                .at("tags[1].key")).extracting(Violation::code).containsExactly(ViolationCode.DUPLICATE_TAG_KEY);
    }

    private static List<ResourceTag> tags(int n) {
        return IntStream.range(0, n).mapToObj(i -> new ResourceTag("key" + i, "v")).toList();
    }

    // Table 6 PolicyParameterValue and parameters against the definition

    @Test
    void blankParameterNameIsRefused() {
        assertThat(validate(seed().parameter(" ", JsonValue.of(1)).build()).at("parameters"))
                .extracting(Violation::code).containsExactly(ViolationCode.BAD_FORMAT);
    }

    private static PolicyDefinition allowedImages() {
        ParameterSchema images = new ParameterSchema("Array", "Image IDs", null, null, null, null, 1, 10, 36, 36,
                "[0-9a-f-]{36}");
        ParameterSchema severity = new ParameterSchema("String", "Severity", List.of(JsonValue.of("low"), JsonValue.of("high")),
                JsonValue.of("low"), null, null, null, null, null, null, null);
        ParameterSchema hours = new ParameterSchema("Integer", "Hours", null, JsonValue.of(24),
                BigDecimal.ONE, BigDecimal.valueOf(72), null, null, null, null, null);
        return new PolicyDefinition("5fa265c0aa1e6afc05a0ff07", "allowed-images-by-id", "ECS images in a list", "resource",
                Map.of("listOfAllowedImages", images, "severity", severity, "hours", hours));
    }

    @Test
    void seedParametersFitTheirDefinition() {
        assertThat(ConfigRules.validateParameters(seedRule(), allowedImages()).all()).isEmpty();
    }

    @Test
    void unknownParameterIsRefused() {
        ConfigRule rule = seed().parameter("listOfAllowedImage", JsonValue.strings("x")).build();
        assertThat(ConfigRules.validateParameters(rule, allowedImages()).errors()).extracting(Violation::code)
                .contains(ViolationCode.PARAMETER_UNKNOWN);
    }

    @Test
    void missingParameterWithoutDefaultIsRequired() {
        ConfigRule rule = seed().parameters(Map.of()).build();
        assertThat(ConfigRules.validateParameters(rule, allowedImages()).errors()).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("parameters.listOfAllowedImages.value", ViolationCode.REQUIRED));
    }

    static Stream<Arguments> parameterMismatches() {
        return Stream.of(
                Arguments.of("listOfAllowedImages", JsonValue.of("ea0d6e0e-99c3-406d-a873-3bb45462b624"), "must be an array"),
                Arguments.of("listOfAllowedImages", JsonValue.array(), "at least 1 items"),
                Arguments.of("listOfAllowedImages", JsonValue.strings("short"), "at least 36 characters"),
                Arguments.of("listOfAllowedImages", JsonValue.strings("ZZ0d6e0e-99c3-406d-a873-3bb45462b624"), "must match"),
                Arguments.of("listOfAllowedImages", JsonValue.array(JsonValue.of(1), JsonValue.of(2)),
                        "item 0 must be a string, not "),
                Arguments.of("severity", JsonValue.of("urgent"), "must be one of"),
                Arguments.of("hours", JsonValue.of(0), "at least 1"),
                Arguments.of("hours", JsonValue.of(73), "at most 72"),
                Arguments.of("hours", JsonValue.of("24"), "must be an integer"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("parameterMismatches")
    void parameterValuesAreCheckedAgainstTheirSchema(String name, JsonValue value, String expected) {
        ConfigRule rule = seed().parameter(name, value).build();
        assertThat(ConfigRules.validateParameters(rule, allowedImages()).at("parameters." + name + ".value"))
                .extracting(Violation::message).anyMatch(m -> m.contains(expected));
    }

    @Test
    void periodicRuleForAResourceTriggeredDefinitionWarns() {
        ConfigRule rule = seed().policyFilter(null).period(Period.ONE_HOUR).build();
        assertThat(ConfigRules.validateParameters(rule, allowedImages()).warnings()).extracting(Violation::path)
                .containsExactly("period");
    }

    @Test
    void manyTagsReportEveryProblemAtTheirIndex() {
        List<ResourceTag> tags = new ArrayList<>(tags(3));
        tags.set(2, new ResourceTag("bad#", "ok"));
        assertThat(validate(seed().tags(tags).build()).all()).extracting(Violation::path).containsExactly("tags[2].key");
    }

    // Texts inside "Object" values: the agency name and every string of parameters and auth_value

    @Test
    void anAgencyNameOfSixtyFourIsAcceptedAndSixtyFiveIsTooLong() {
        String urn = customRule().customPolicy().functionUrn();
        assertThat(validate(customWith(CustomPolicy.viaAgency(urn, "a".repeat(64)))).all()).isEmpty();
        assertThat(validate(customWith(CustomPolicy.viaAgency(urn, "a".repeat(65))))
                .at("custom_policy.auth_value.agency_name"))
                .singleElement().satisfies(v -> assertThat(v.code()).isEqualTo(ViolationCode.TOO_LONG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rms\u0000agency", "rms\nagency", "rms\u202eagency", "rms\u2066agency"})
    void anAgencyNameWithAControlCharacterIsRefused(String agency) {
        assertThat(validate(customWith(CustomPolicy.viaAgency(customRule().customPolicy().functionUrn(), agency)))
                .at("custom_policy.auth_value.agency_name"))
                .extracting(Violation::code).contains(ViolationCode.CONTROL_CHARACTER);
    }

    @Test
    void aBidirectionalControlInsideAParameterValueIsRefusedAtItsPath() {
        ConfigRule rule = seed().parameters(Map.of("listOfAllowedImages", new JsonValue.JsonArray(List.of(
                JsonValue.of("ea0d6e0e-99c3-406d-a873-3bb45462b624"), JsonValue.of("image\u202eevil"))))).build();

        assertThat(validate(rule).errors()).extracting(Violation::path, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("parameters.listOfAllowedImages[1]",
                        ViolationCode.CONTROL_CHARACTER));
    }

    @Test
    void lineBreaksInsideAParameterValueAreText() {
        ConfigRule rule = seed().parameters(Map.of("note", JsonValue.of("first line\nsecond line\ttab"))).build();

        assertThat(validate(rule).errors()).isEmpty();
    }
}
