package com.policyconsole.domain.validation;

import static com.policyconsole.domain.TestRequestFactory.WORKSPACE;
import static com.policyconsole.domain.TestRequestFactory.blocking;
import static com.policyconsole.domain.TestRequestFactory.emergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedConnection;
import static com.policyconsole.domain.TestRequestFactory.seedEmergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.PolicyDirection;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecMasterRulesTest {

    private static Violations validate(EmergencyPolicyRequest request) {
        return SecMasterRules.validate(request);
    }

    private static EmergencyPolicyRequest with(UnaryOperator<EmergencyPolicy.Builder> change) {
        return emergencyRequest(change.apply(seedPolicy().toBuilder()).build());
    }

    private static EmergencyPolicyRequest withConnection(UnaryOperator<DefenseConnection> change) {
        return with(b -> b.defensePolicyList(List.of(change.apply(seedConnection()))));
    }

    @Test
    void seedExampleRequestHasNoViolations() {
        assertThat(validate(seedEmergencyRequest()).all()).isEmpty();
    }

    @Test
    void fullyPopulatedRequestHasNoViolations() {
        EmergencyPolicyRequest request = with(b -> b
                .targets("1.2.3.4", "2001:db8:85a3::8a2e:370:7334", "203.0.113.0/24")
                .direction(PolicyDirection.BOTH)
                .accountScope("0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .epsScope("0")
                .regionScope("f0e1d2c3b4a5968778695a4b3c2d1e0f")
                .description("Credential stuffing from botnet, ticket SEC-1234")
                .labels("incident,sec-1234")
                .blockAge(BlockAge.until(Instant.parse("2030-01-01T00:00:00Z"))));
        assertThat(validate(request).all()).isEmpty();
    }

    // Table 1 Path Parameters

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "../x", "id?x", "ïd", "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void projectIdThatIsNotAPathSegmentIsRefused(String projectId) {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.create(
                new SecMasterWorkspace(projectId, WORKSPACE.workspaceId()), "25.5.0", seedPolicy());
        assertThat(validate(request).at("project_id")).isNotEmpty().allMatch(Violation::isError);
    }

    @Test
    void missingWorkspaceIdIsRequired() {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.create(
                new SecMasterWorkspace(WORKSPACE.projectId(), null), "25.5.0", seedPolicy());
        assertThat(validate(request).at("workspace_id")).extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    // Table 2 Query Parameters

    @ParameterizedTest
    @ValueSource(strings = {"CREATE", "delete", "retry ", "Create"})
    void actionTypeOutsideCreateAndRetryIsRefused(String action) {
        EmergencyPolicyRequest request = new EmergencyPolicyRequest(WORKSPACE, "25.5.0", action, null, seedPolicy());
        assertThat(validate(request).at("action_type")).extracting(Violation::code).containsExactly(ViolationCode.NOT_ALLOWED);
    }

    @Test
    void missingActionTypeIsRequired() {
        EmergencyPolicyRequest request = new EmergencyPolicyRequest(WORKSPACE, "25.5.0", null, null, seedPolicy());
        assertThat(validate(request).at("action_type")).extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    // Table 3 Request header parameters

    @ParameterizedTest
    @ValueSource(strings = {"latest", "25", "25.5.0-beta", "v25.5.0", "25..5"})
    void secmasterVersionThatIsNotAVersionIsRefused(String version) {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.create(WORKSPACE, version, seedPolicy());
        assertThat(validate(request).at("x-secmaster-version")).extracting(Violation::code)
                .containsExactly(ViolationCode.BAD_FORMAT);
    }

    @Test
    void missingSecmasterVersionIsRequired() {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.create(WORKSPACE, null, seedPolicy());
        assertThat(validate(request).at("x-secmaster-version")).extracting(Violation::code)
                .containsExactly(ViolationCode.REQUIRED);
    }

    // Table 4 and Table 5 data_object

    @Test
    void missingDataObjectIsRequired() {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.create(WORKSPACE, "25.5.0", null);
        assertThat(validate(request).at("data_object")).extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    static Stream<Arguments> mandatoryDataObjectFields() {
        return Stream.of(
                Arguments.of("data_object.block_age", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.blockAge(null)),
                Arguments.of("data_object.block_target", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.blockTarget(null)),
                Arguments.of("data_object.block_target", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.blockTarget("  ")),
                Arguments.of("data_object.defense_policy_list", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.defensePolicyList(null)),
                Arguments.of("data_object.defense_policy_list", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.defensePolicyList(List.of())),
                Arguments.of("data_object.policy_category", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.policyCategory(null)),
                Arguments.of("data_object.policy_type.policy_type", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.policyType(null)),
                Arguments.of("data_object.region_id", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.regionId(null)),
                Arguments.of("data_object.region_id", (UnaryOperator<EmergencyPolicy.Builder>) b -> b.regionId("")),
                Arguments.of("data_object.block_age.is_block_ageing",
                        (UnaryOperator<EmergencyPolicy.Builder>) b -> b.blockAge(new BlockAge(null, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mandatoryDataObjectFields")
    void missingMandatoryFieldIsReportedAtItsWirePath(String path, UnaryOperator<EmergencyPolicy.Builder> change) {
        assertThat(validate(with(change)).at(path)).extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BLACK", "white", "ALLOW", "BLOCK,WHITE"})
    void policyCategoryOutsideWhiteAndBlockIsRefused(String category) {
        assertThat(validate(with(b -> b.policyCategory(category))).at("data_object.policy_category"))
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Source IP", "source ip", "IP", "UserName", "Domain"})
    void blockTypeOutsideTheThreeWireNamesIsRefused(String type) {
        assertThat(validate(with(b -> b.policyType(type))).at("data_object.policy_type.policy_type"))
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INGRESS", "EGRESS", "INGRESS,EGRESS"})
    void documentedDirectionsAreAccepted(String direction) {
        assertThat(validate(with(b -> b.policyDirection(direction))).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOTH", "ingress", "EGRESS,INGRESS", "INGRESS, EGRESS", "IN"})
    void otherDirectionsAreRefused(String direction) {
        assertThat(validate(with(b -> b.policyDirection(direction))).at("data_object.policy_direction"))
                .extracting(Violation::code).containsExactly(ViolationCode.NOT_ALLOWED);
    }

    @Test
    void descriptionAtTheLimitIsAcceptedAndOneMoreIsTooLong() {
        assertThat(validate(with(b -> b.description("d".repeat(1024)))).all()).isEmpty();
        assertThat(validate(with(b -> b.description("d".repeat(1025)))).at("data_object.description"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void labelsAndDescriptionFollowTheSameCharacterRules() {
        for (String text : List.of("a\nb", "a\r\nb", "a\rb", "a\tb")) {
            assertThat(validate(with(b -> b.labels(text))).at("data_object.labels"))
                    .extracting(Violation::code).containsExactly(ViolationCode.CONTROL_CHARACTER);
            assertThat(validate(with(b -> b.description(text))).at("data_object.description"))
                    .extracting(Violation::code).containsExactly(ViolationCode.CONTROL_CHARACTER);
        }
        for (String text : List.of(" a", "a ", "\u00a0a", "a\u2003")) {
            assertThat(validate(with(b -> b.description(text))).at("data_object.description"))
                    .extracting(Violation::code).containsExactly(ViolationCode.SURROUNDING_WHITESPACE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4 ", "1.2.3.4\n", "1.2.3.4\r", "\t1.2.3.4", " 1.2.3.4", "1.2.3.4,\n5.6.7.8"})
    void anObjectWithWhitespaceOrALineBreakAroundItIsRefusedNotTrimmed(String blockTarget) {
        assertThat(validate(with(b -> b.blockTarget(blockTarget))).at("data_object.block_target"))
                .extracting(Violation::code).contains(ViolationCode.SURROUNDING_WHITESPACE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\u007f", "\u2028", "\u202e", "\u2066"})
    void controlCharactersInTextAreRefused(String control) {
        assertThat(validate(with(b -> b.description("x" + control + "y"))).at("data_object.description"))
                .extracting(Violation::code).containsExactly(ViolationCode.CONTROL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn-north-7", "ap-southeast-1", "la-north-2"})
    void regionIdsThatLookLikeRegionsRaiseNothing(String region) {
        assertThat(validate(with(b -> b.regionId(region))).all()).isEmpty();
    }

    @Test
    void regionIdThatDoesNotLookLikeARegionOnlyWarns() {
        assertThat(validate(with(b -> b.regionId("Beijing 4"))).at("data_object.region_id"))
                .extracting(Violation::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void regionIdOfSixtyFiveCharactersIsTooLong() {
        assertThat(validate(with(b -> b.regionId("cn-" + "a".repeat(62)))).at("data_object.region_id"))
                .extracting(Violation::code).contains(ViolationCode.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-1", "0A1B2C3D4E5F60718293A4B5C6D7E8F9", "0a1b2c"})
    void scopesThatDoNotLookLikeIdsOnlyWarn(String scope) {
        Violations violations = validate(with(b -> b.accountScope(scope).regionScope(scope).epsScope(scope)));
        assertThat(violations.hasErrors()).isFalse();
        assertThat(violations.warnings()).extracting(Violation::path).containsExactlyInAnyOrder(
                "data_object.account_scope", "data_object.eps_scope", "data_object.region_scope");
    }

    // block_target and policy_type together

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "8.8.8.8", "2001:db8::1", "::ffff:1.2.3.4", "1.2.3.0/24", "2001:db8::/32",
            "255.255.255.255", "1.2.3.4/32"})
    void sourceIpObjectsAreAccepted(String target) {
        assertThat(validate(blocking(BlockType.SOURCE_IP, target)).errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "0x7f.0.0.1", "1.2.3.4/33", "1.2.3.4/24",
            "1.2.3.4/-1", "1.2.3.0/024", "2001:db8::/129", "2001:db8:::1", "fe80::1%eth0", "1.2.3.*", "1.2.3.4-1.2.3.9", "localhost",
            "one.two.three.four", "1.2.3.4/255.255.255.0", "/24", "1.2.3.4/"})
    void malformedSourceIpObjectsAreRefused(String target) {
        Violations violations = validate(blocking(BlockType.SOURCE_IP, target.strip()));
        assertThat(violations.at("data_object.block_target")).extracting(Violation::code)
                .containsExactly(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE);
    }

    @Test
    void cidrWithHostBitsSuggestsTheNetwork() {
        Violations violations = validate(blocking(BlockType.SOURCE_IP, "10.1.2.3/8"));
        assertThat(violations.at("data_object.block_target")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("did you mean 10.0.0.0/8"));
    }

    @Test
    void eachBadObjectOfSeveralIsReportedWithItsPosition() {
        Violations violations = validate(blocking(BlockType.SOURCE_IP, "1.2.3.4", "nope", "5.6.7.8", "9.9.9"));
        assertThat(violations.at("data_object.block_target")).extracting(Violation::message)
                .containsExactly("'nope' (object 2) is not an IPv4 or IPv6 address or CIDR block",
                        "'9.9.9' (object 4) is not an IPv4 or IPv6 address or CIDR block");
    }

    @Test
    void anEmptyObjectBetweenCommasIsRefused() {
        Violations violations = validate(with(b -> b.blockTarget("1.2.3.4,,5.6.7.8")));
        assertThat(violations.at("data_object.block_target")).extracting(Violation::code)
                .containsExactly(ViolationCode.REQUIRED);
    }

    @Test
    void aRepeatedObjectWarns() {
        Violations violations = validate(blocking(BlockType.SOURCE_IP, "1.2.3.4", "1.2.3.4"));
        assertThat(violations.at("data_object.block_target")).extracting(Violation::code, Violation::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationCode.DUPLICATE_TARGET, Severity.WARNING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob.Smith", "ops_admin-2", "李雷", "a", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void iamUserNamesAreAccepted(String name) {
        EmergencyPolicyRequest request = emergencyRequest(seedPolicy().toBuilder().blockType(BlockType.USER_NAME)
                .targets(name).defensePolicyList(List.of(iamConnection())).build());
        assertThat(validate(request).all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1alice", "alice@example.com", "al/ice", "al;ice", "<script>"})
    void malformedIamUserNamesAreRefused(String name) {
        assertThat(validate(blocking(BlockType.USER_NAME, name)).at("data_object.block_target"))
                .extracting(Violation::code).contains(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE);
    }

    @Test
    void iamUserNameOfSixtyFiveCharactersIsRefused() {
        assertThat(validate(blocking(BlockType.USER_NAME, "a".repeat(65))).at("data_object.block_target"))
                .extracting(Violation::code).containsExactly(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "evil.example.co.uk", "xn--bcher-kva.example", "bücher.example",
            "例え.テスト", "a-b.c0m", "EXAMPLE.COM.", "x1.io"})
    void domainNamesAreAccepted(String name) {
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, name)).errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "-bad.example", "bad-.example", "a..b", ".example.com", "exa mple.com",
            "under_score.example", "1.2.3.4", "http://example.com", "example.com/path", "*.example.com"})
    void malformedDomainNamesAreRefused(String name) {
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, name)).at("data_object.block_target"))
                .extracting(Violation::code).containsExactly(ViolationCode.TARGET_DOES_NOT_MATCH_TYPE);
    }

    @Test
    void domainLabelOfSixtyThreeIsAcceptedAndSixtyFourIsRefused() {
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, "a".repeat(63) + ".com")).errors()).isEmpty();
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, "a".repeat(64) + ".com")).errors()).isNotEmpty();
    }

    @Test
    void domainNameOfTwoHundredFiftyThreeIsAcceptedAndTwoHundredFiftyFourIsRefused() {
        String label = "a".repeat(63);
        String name253 = String.join(".", label, label, label, label.substring(0, 57)) + ".com";
        assertThat(name253).hasSize(253);
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, name253)).errors()).isEmpty();
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, "b" + name253)).errors()).isNotEmpty();
    }

    @Test
    void objectsOfAnotherTypeAreRefused() {
        assertThat(validate(blocking(BlockType.DOMAIN_NAME, "example.com", "1.2.3.4")).errors()).hasSize(1);
        assertThat(validate(blocking(BlockType.SOURCE_IP, "example.com")).errors()).hasSize(1);
    }

    // Table 6 block_age

    @Test
    void ageingWithoutAnInstantIsRefused() {
        assertThat(validate(with(b -> b.blockAge(new BlockAge(true, null)))).at("data_object.block_age.block_ageing"))
                .extracting(Violation::code).containsExactly(ViolationCode.AGEING_INSTANT_REQUIRED);
    }

    @Test
    void anInstantWithoutAgeingIsRefused() {
        assertThat(validate(with(b -> b.blockAge(new BlockAge(false, "1893456000000")))).at("data_object.block_age.block_ageing"))
                .extracting(Violation::code).containsExactly(ViolationCode.AGEING_INSTANT_WITHOUT_AGEING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2030-01-01", "1.8e12", "-1", "18934560000000000000", "12 34", "9999999999999999999",
            "9223372036854775808"})
    void ageingInstantThatIsNotMillisecondsIsRefused(String instant) {
        assertThat(validate(with(b -> b.blockAge(new BlockAge(true, instant)))).at("data_object.block_age.block_ageing"))
                .extracting(Violation::code).containsExactly(ViolationCode.BAD_FORMAT);
    }

    @Test
    void ageingInstantTravelsAsMilliseconds() {
        BlockAge age = BlockAge.until(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(age.blockAgeing()).isEqualTo("1893456000000");
        assertThat(age.ageingInstant()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    }

    // Table 7 defense_policy_list

    static Stream<Arguments> connectionFields() {
        return Stream.of(
                Arguments.of("defense_connection_id", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(null, c.defenseConnectionName(), c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName())),
                Arguments.of("defense_connection_name", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), null, c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName())),
                Arguments.of("defense_connection_region_id", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), null, c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName())),
                Arguments.of("defense_connection_region_name", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseConnectionRegionId(), null, c.defenseType(), c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName())),
                Arguments.of("defense_type", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), null, c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName())),
                Arguments.of("target_enterprise_id", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), null, c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName())),
                Arguments.of("target_enterprise_name", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(), null, c.targetProjectId(), c.targetProjectName())),
                Arguments.of("target_project_id", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(), c.targetEnterpriseName(), null, c.targetProjectName())),
                Arguments.of("target_project_name", (UnaryOperator<DefenseConnection>) c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(), c.targetEnterpriseName(), c.targetProjectId(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionFields")
    void eachOfTheNineConnectionFieldsIsMandatory(String field, UnaryOperator<DefenseConnection> change) {
        assertThat(validate(withConnection(change)).at("data_object.defense_policy_list[0]." + field))
                .extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    @Test
    void connectionFieldsAreLimitedToTwoHundredFiftyFiveCharacters() {
        String name255 = "n".repeat(255);
        UnaryOperator<DefenseConnection> named = c -> new DefenseConnection(c.defenseConnectionId(), name255,
                c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(),
                c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName());
        assertThat(validate(withConnection(named)).all()).isEmpty();
        UnaryOperator<DefenseConnection> longer = c -> new DefenseConnection(c.defenseConnectionId(), name255 + "n",
                c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), c.defenseType(), c.targetEnterpriseId(),
                c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName());
        assertThat(validate(withConnection(longer)).at("data_object.defense_policy_list[0].defense_connection_name"))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void theSecondConnectionsProblemsCarryIndexOne() {
        DefenseConnection broken = new DefenseConnection("id-2", "", "cn-north-7", "x", "WAF", "0", "default", "p", "p");
        Violations violations = validate(with(b -> b.connection(broken)));
        assertThat(violations.all()).extracting(Violation::path)
                .containsExactly("data_object.defense_policy_list[1].defense_connection_name");
    }

    @Test
    void unknownDefenseLayerWarns() {
        UnaryOperator<DefenseConnection> layer = c -> new DefenseConnection(c.defenseConnectionId(), c.defenseConnectionName(),
                c.defenseConnectionRegionId(), c.defenseConnectionRegionName(), "ANTIDDOS", c.targetEnterpriseId(),
                c.targetEnterpriseName(), c.targetProjectId(), c.targetProjectName());
        assertThat(validate(withConnection(layer)).all()).extracting(Violation::code, Violation::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationCode.UNKNOWN_DEFENSE_LAYER, Severity.WARNING));
    }

    @Test
    void userNamesDeliveredToCfwWarnThatTheLayerDoesNotEnforceThem() {
        assertThat(validate(blocking(BlockType.USER_NAME, "alice")).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.DEFENSE_LAYER_MISMATCH);
    }

    @Test
    void theSameConnectionTwiceWarns() {
        assertThat(validate(with(b -> b.connection(seedConnection()))).all()).extracting(Violation::code)
                .containsExactly(ViolationCode.DUPLICATE_CONNECTION);
    }

    // Cross-field rules (docs/cloud-apis.md, Enums)

    @Test
    void whiteListingUserNamesIsRefused() {
        EmergencyPolicyRequest request = emergencyRequest(seedPolicy().toBuilder().category(PolicyCategory.WHITE)
                .blockType(BlockType.USER_NAME).targets("alice").defensePolicyList(List.of(iamConnection())).build());
        assertThat(validate(request).errors()).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationCode.WHITE_NOT_FOR_USER_NAMES,
                        "data_object.policy_category"));
    }

    @Test
    void retryWithoutPolicyIdsIsRefused() {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.retry(WORKSPACE, "25.5.0", List.of(), seedPolicy());
        assertThat(validate(request).errors()).extracting(Violation::code).containsExactly(ViolationCode.RETRY_LIST_REQUIRED);
    }

    @Test
    void retryWithPolicyIdsIsValid() {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.retry(WORKSPACE, "25.5.0",
                List.of("2f1a0c7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"), seedPolicy());
        assertThat(validate(request).all()).isEmpty();
    }

    @Test
    void createWithARetryListIsRefused() {
        EmergencyPolicyRequest request = new EmergencyPolicyRequest(WORKSPACE, "25.5.0", "create", List.of("abc"), seedPolicy());
        assertThat(validate(request).errors()).extracting(Violation::code).containsExactly(ViolationCode.RETRY_LIST_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "id with space"})
    void retryListItemsMustBePolicyIds(String id) {
        EmergencyPolicyRequest request = EmergencyPolicyRequest.retry(WORKSPACE, "25.5.0", List.of("ok-id", id), seedPolicy());
        assertThat(validate(request).at("data_object.retry_list[1]")).isNotEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        EmergencyPolicyRequest request = new EmergencyPolicyRequest(new SecMasterWorkspace("", ""), "x", "zap", null,
                EmergencyPolicy.builder().blockTarget("1.2.3.4").policyCategory("RED").policyType("Source Ip").build());
        assertThat(validate(request).errors()).extracting(Violation::path).contains("project_id", "workspace_id",
                "action_type", "x-secmaster-version", "data_object.defense_policy_list", "data_object.policy_category",
                "data_object.region_id");
    }

    private static DefenseConnection iamConnection() {
        return new DefenseConnection("5c9f0e1d-2a3b-4c5d-8e9f-0a1b2c3d4e5f", "IAM connection", "cn-north-7", "CN North",
                "IAM", "0", "default", "3bb27e024693436da46b5f5aaf499060", "cn-north-7");
    }
}
