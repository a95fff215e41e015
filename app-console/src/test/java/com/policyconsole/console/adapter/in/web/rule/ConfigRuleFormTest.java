package com.policyconsole.console.adapter.in.web.rule;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.policyconsole.console.testing.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConfigRuleFormTest {

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification builtin(ConsoleSession session, String name, String parameters) {
        return session.form()
                .formParam("domain_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .formParam("policy_assignment_type", "builtin")
                .formParam("name", name)
                .formParam("description", "The ECS resource is non-compliant if the image it used is not in the allowed list")
                .formParam("policy_definition_id", "5fa265c0aa1e6afc05a0ff07")
                .formParam("parameters", parameters)
                .formParam("trigger", "change")
                .formParam("f_resource_provider", "ecs")
                .formParam("f_resource_type", "cloudservers")
                .formParam("tags", "tagkey=tagValue");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void theFormListsTheBuiltInDefinitionsFromTheCloud() {
        given().when().get("/rules/new").then().statusCode(200)
                .body(containsString("allowed-images-by-id"))
                .body(containsString("listOfAllowedImages"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void builtinRuleIsPreviewedWithItsTagsAndAdded() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");
        String name = uniqueName("images");
        String params = "{\"listOfAllowedImages\": [\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"]}";

        builtin(session, name, params).when().post("/rules/preview").then().statusCode(200)
                .body(containsString("PUT"))
                .body(containsString("/sandbox/rms/v1/resource-manager/domains/0a1b2c3d4e5f60718293a4b5c6d7e8f9/policy-assignments"))
                .body(containsString("&quot;tags&quot;:[{&quot;key&quot;:&quot;tagkey&quot;,&quot;value&quot;:&quot;tagValue&quot;}]"));
        String location = builtin(session, name, params).when().post("/rules/submit")
                .then().statusCode(303).extract().header("Location");

        String detail = given().when().get(location).then().statusCode(200).extract().asString();
        assertThat(detail).contains("SUCCEEDED").contains("rule ID").contains("Enabled");
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void parametersThatAreNotJsonAreAFieldError() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");

        builtin(session, uniqueName("r"), "{listOfAllowedImages: x}").when().post("/rules/preview")
                .then().statusCode(422).body(containsString("parameters are not JSON"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void parametersAreCheckedAgainstTheDefinitionBeforeSending() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");

        builtin(session, uniqueName("r"), "{\"listOfAllowedImages\": \"not-a-list\"}").when().post("/rules/preview")
                .then().statusCode(422).body(containsString("listOfAllowedImages must be an array"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void customPeriodicRuleIsAdded() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");

        session.form()
                .formParam("domain_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .formParam("policy_assignment_type", "custom")
                .formParam("name", uniqueName("owner-tag"))
                .formParam("function_urn", "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check:latest")
                .formParam("agency_name", "rms_fgs_agency")
                .formParam("trigger", "period")
                .formParam("period", "Twelve_Hours")
                .when().post("/rules/submit")
                .then().statusCode(303);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aPeriodicRuleWithoutPeriodIsAFieldError() {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/rules/new");

        session.form().formParam("domain_id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .formParam("policy_assignment_type", "custom").formParam("name", uniqueName("p"))
                .formParam("function_urn", "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check")
                .formParam("agency_name", "a").formParam("trigger", "period")
                .when().post("/rules/preview")
                .then().statusCode(422).body(containsString("choose how often the rule runs"));
    }
}
