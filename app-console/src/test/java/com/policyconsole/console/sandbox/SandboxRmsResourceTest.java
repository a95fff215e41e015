package com.policyconsole.console.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.policyconsole.sandbox.SandboxFaults;
import com.policyconsole.sandbox.SandboxRmsResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxRmsResourceTest {

    @ConfigProperty(name = "policyconsole.cloud.token")
    String token;

    private static final String RULES = "/sandbox/rms/v1/resource-manager/domains/{domain}/policy-assignments";

    /** The Config document's example body, its tag list under "tags". */
    private static final String SEED = """
            {
              "name" : "%s",
              "description" : "The ECS resource is non-compliant if the image it used is not in the allowed list",
              "parameters" : { "listOfAllowedImages" : { "value" : [ %s ] } },
              "policy_filter" : { "resource_provider" : "ecs", "resource_type" : "cloudservers" },
              "policy_definition_id" : "%s",
              "tags" : [ { "key" : "tagkey", "value" : "tagValue" } ]
            }""";

    private static String seed(String name, String images, String definition) {
        return SEED.formatted(name, images, definition);
    }

    private static String seed(String name) {
        return seed(name, "\"ea0d6e0e-99c3-406d-a873-3bb45462b624\"", "5fa265c0aa1e6afc05a0ff07");
    }

    private static String domain() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void seedExampleIsAddedAndEchoedWithIdStateAndTimestamps() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("allowed-images-by-id"))
                .when().put(RULES, domain())
                .then().statusCode(200)
                .body("id", matchesPattern("[0-9a-f]{24}"))
                .body("policy_assignment_type", equalTo("builtin"))
                .body("state", equalTo("Enabled"))
                .body("created", notNullValue())
                .body("policy_filter.resource_type", equalTo("cloudservers"))
                .body("policy_filter.tag_key", nullValue())
                .body("parameters.listOfAllowedImages.value[0]", equalTo("ea0d6e0e-99c3-406d-a873-3bb45462b624"))
                .body("tags[0].key", equalTo("tagkey"))
                .body("custom_policy", nullValue());
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefused() {
        given().header("X-Auth-Token", token).contentType("text/plain").body(seed("plain"))
                .when().put(RULES, domain())
                .then().statusCode(400).body("error_code", equalTo(SandboxRmsResource.INVALID_PARAMETER));
    }

    @Test
    void aNameLongerThanSixtyFourIsRefusedWithConfigsCode() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("n".repeat(65)))
                .when().put(RULES, domain())
                .then().statusCode(400).body("error_code", equalTo(SandboxRmsResource.NAME_TOO_LONG));
    }

    @Test
    void anIllegalNameIsRefusedWithConfigsCode() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("bad name!"))
                .when().put(RULES, domain())
                .then().statusCode(400).body("error_code", equalTo(SandboxRmsResource.ILLEGAL_NAME));
    }

    @Test
    void anUnknownDefinitionIsRefused() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("r1", "\"x\"", "000000000000000000000000"))
                .when().put(RULES, domain())
                .then().statusCode(400).body("error_code", equalTo(SandboxRmsResource.INVALID_DEFINITION));
    }

    @Test
    void parametersAreCheckedAgainstTheDefinitionsSchema() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("r1", "\"not-an-image-id\"", "5fa265c0aa1e6afc05a0ff07"))
                .when().put(RULES, domain())
                .then().statusCode(400).body("error_code", equalTo(SandboxRmsResource.INVALID_PARAMETER))
                .body("error_msg", org.hamcrest.Matchers.startsWith("parameters.listOfAllowedImages.value"));
    }

    @Test
    void aSecondRuleWithTheSameNameIsRefused() {
        String domain = domain();
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("twice")).when().put(RULES, domain).then().statusCode(200);
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("twice")).when().put(RULES, domain)
                .then().statusCode(400).body("error_code", equalTo(SandboxRmsResource.INVALID_PARAMETER));
    }

    @Test
    void customPeriodicRuleIsAdded() {
        String body = """
                { "name" : "owner-tag", "policy_assignment_type" : "custom", "period" : "One_Hour",
                  "custom_policy" : { "function_urn" : "urn:fss:cn-north-4:0a1b2c3d4e5f60718293a4b5c6d7e8f9:function:default:check:latest",
                                      "auth_type" : "agency", "auth_value" : { "agency_name" : "rms_fgs" } } }""";
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(body).when().put(RULES, domain())
                .then().statusCode(200).body("policy_assignment_type", equalTo("custom"))
                .body("custom_policy.auth_value.agency_name", equalTo("rms_fgs"))
                .body("period", equalTo("One_Hour"));
    }

    @jakarta.inject.Inject
    SandboxFaults faults;

    @Test
    void anInjectedServerErrorHappensAfterTheRuleIsStoredAndThrottlingBefore() {
        String domain = domain();
        try {
            faults.update(new SandboxFaults.Settings(0, 0, 0, 1));
            given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("stored-anyway"))
                    .when().put(RULES, domain).then().statusCode(500).body("error_code", equalTo("RMS.INTERNAL.ERROR"));
            faults.update(new SandboxFaults.Settings(100, 0, 0, 0));
            given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("never-stored"))
                    .when().put(RULES, domain).then().statusCode(429);
        } finally {
            faults.update(new SandboxFaults.Settings(0, 0, 0, 0));
        }
        given().header("X-Auth-Token", token).when().get(RULES, domain)
                .then().statusCode(200).body("value.name", org.hamcrest.Matchers.contains("stored-anyway"));
    }

    @Test
    void listFollowsMarkerPaging() {
        String domain = domain();
        for (int i = 0; i < 3; i++) {
            given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("rule-" + i)).when().put(RULES, domain).then().statusCode(200);
        }
        String marker = given().header("X-Auth-Token", token).queryParam("limit", 2).when().get(RULES, domain)
                .then().statusCode(200).body("value", hasSize(2)).body("page_info.next_marker", notNullValue())
                .extract().path("page_info.next_marker");
        given().header("X-Auth-Token", token).queryParam("limit", 2).queryParam("marker", marker).when().get(RULES, domain)
                .then().statusCode(200).body("value", hasSize(1)).body("value[0].name", equalTo("rule-2"))
                .body("page_info.next_marker", nullValue());
    }

    @Test
    void catalogueHasTheDocumentsDefinitionWithItsParameterSchema() {
        given().header("X-Auth-Token", token).when().get("/sandbox/rms/v1/resource-manager/policy-definitions")
                .then().statusCode(200)
                .body("value.name", hasItem("allowed-images-by-id"))
                .body("value.find { it.name == 'allowed-images-by-id' }.parameters.listOfAllowedImages.type", equalTo("Array"));
    }
}
