package com.policyconsole.console.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.policyconsole.sandbox.SandboxSecMasterResource;
import com.policyconsole.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxSecMasterResourceTest {

    private static final String PATH = "/sandbox/secmaster/v1/3bb27e024693436da46b5f5aaf499060/workspaces/{ws}/soc/policys";

    /** The SecMaster document's example body. */
    static final String SEED_BODY = """
            {
              "data_object" : {
                "region_id" : "cn-north-7",
                "block_target" : "%s",
                "policy_category" : "BLOCK",
                "description" : "",
                "labels" : "",
                "block_age" : { "is_block_ageing" : %s, "block_ageing" : null },
                "policy_type" : { "policy_type" : "Source Ip" },
                "defense_policy_list" : [ {
                  "defense_connection_id" : "%s",
                  "defense_connection_name" : "CFW authentication token.",
                  "defense_type" : "CFW",
                  "target_enterprise_id" : "0",
                  "target_enterprise_name" : "default",
                  "target_project_id" : "3bb27e024693436da46b5f5aaf499060",
                  "target_project_name" : "cn-north-7",
                  "defense_connection_region_id" : "cn-north-7",
                  "defense_connection_region_name" : "XXX"
                } ]
              }
            }""";

    @Inject
    SandboxState state;

    @ConfigProperty(name = "policyconsole.cloud.token")
    String token;

    private static String body(String target, String ageing, String connection) {
        return SEED_BODY.formatted(target, ageing, connection);
    }

    private static String seed(String target) {
        return body(target, "false", "84b273d3-47a8-3aba-bd00-7bdd1431d635");
    }

    @Test
    void seedExampleIsAcceptedWithATaskId() {
        given().header("X-Auth-Token", token).contentType("application/json;charset=UTF-8").header("x-secmaster-version", "25.5.0")
                .body(seed("1.2.3.4"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("success", equalTo(true))
                .body("data", startsWith("task-"));
    }

    @Test
    void aCallWithoutTheSandboxTokenIsRefusedLikeTheApiGateway() {
        io.restassured.RestAssured.given().contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0")
                .body(seed("1.2.3.4"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(401)
                .body("error_code", equalTo("APIG.0301"))
                .body("error_msg", org.hamcrest.Matchers.containsString("missing X-Auth-Token"));
        io.restassured.RestAssured.given().contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0")
                .header("X-Auth-Token", "sandbox-token").body(seed("1.2.3.4"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(401).body("error_msg", org.hamcrest.Matchers.containsString("token mismatch"));
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsRefusedAtItsPath() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0")
                .body(body("1.2.3.4", "\"no\"", "84b273d3-47a8-3aba-bd00-7bdd1431d635"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(400)
                .body("code", equalTo(SandboxSecMasterResource.INVALID_PARAMETER))
                .body("message", startsWith("data_object.block_age.is_block_ageing"));
    }

    @Test
    void theDocumentsRulesAreEnforcedServerSide() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0")
                .body(seed("1.2.3.999"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(400)
                .body("code", equalTo(SandboxSecMasterResource.INVALID_PARAMETER))
                .body("message", startsWith("data_object.block_target"));
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefused() {
        given().header("X-Auth-Token", token).contentType("text/plain").header("x-secmaster-version", "25.5.0")
                .body(seed("1.2.3.4"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(400).body("message", startsWith("content-type must be application/json"));
    }

    @Test
    void aMissingVersionHeaderIsRefused() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(seed("1.2.3.4"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(400).body("message", startsWith("x-secmaster-version"));
    }

    @Test
    void bodyThatIsNotJsonIsRefusedInSecMastersFormat() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0").body("{not json")
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(400).body("code", equalTo(SandboxSecMasterResource.INVALID_PARAMETER));
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0").body(seed("1.2.3.4"))
                .when().post(PATH + "?action_type=create", "no-such-workspace")
                .then().statusCode(400).body("code", equalTo(SandboxSecMasterResource.WORKSPACE_NOT_FOUND));
    }

    @Test
    void anUnknownOperationConnectionIsNotFound() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0")
                .body(body("1.2.3.4", "false", "00000000-0000-0000-0000-000000000000"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID)
                .then().statusCode(400).body("code", equalTo(SandboxSecMasterResource.CONNECTION_NOT_FOUND));
    }

    @Test
    void retryRedeliversAnExistingPolicyAndRefusesUnknownOnes() {
        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0").body(seed("5.6.7.8"))
                .when().post(PATH + "?action_type=create", SandboxState.WORKSPACE_ID).then().statusCode(200);
        SandboxState.StoredPolicy created = state.policies(SandboxState.WORKSPACE_ID).stream()
                .filter(p -> p.policy().blockTarget().equals("5.6.7.8")).findFirst().orElseThrow();
        String retry = seed("5.6.7.8").replace("\"data_object\" : {",
                "\"data_object\" : { \"retry_list\" : [ \"" + created.id() + "\" ],");

        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0").body(retry)
                .when().post(PATH + "?action_type=retry", SandboxState.WORKSPACE_ID)
                .then().statusCode(200).body("success", equalTo(true));
        assertThat(state.policies(SandboxState.WORKSPACE_ID)).filteredOn(p -> p.id().equals(created.id()))
                .singleElement().satisfies(p -> assertThat(p.deliveries()).isEqualTo(2));

        given().header("X-Auth-Token", token).contentType(ContentType.JSON).header("x-secmaster-version", "25.5.0")
                .body(retry.replace(created.id(), "00000000-aaaa-bbbb-cccc-000000000000"))
                .when().post(PATH + "?action_type=retry", SandboxState.WORKSPACE_ID)
                .then().statusCode(400).body("code", equalTo(SandboxSecMasterResource.POLICY_NOT_FOUND));
    }
}
