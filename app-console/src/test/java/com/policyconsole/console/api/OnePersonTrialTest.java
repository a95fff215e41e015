package com.policyconsole.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.console.testing.TestUserFactory.TestUser;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-person trial setting: a requester approves their own held submission, and every page says that nothing
 * needs a second person.
 */
@QuarkusTest
@TestProfile(OnePersonTrialTest.Trial.class)
class OnePersonTrialTest {

    /** A trial with one person. */
    public static class Trial implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policyconsole.approval.one-person-trial", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ManageAccountsUseCase accounts;

    @Test
    void theRequesterApprovesTheirOwnAndEveryPageSaysSo() throws Exception {
        TestUser alone = TestUserFactory.create(accounts, "trial-tom", Roles.OPERATOR, Roles.APPROVER);
        String token = ApiTest.token(alone, "trial", Roles.OPERATOR, Roles.APPROVER);
        String range = "61.0.0.0/15"; // a range no other test blocks: this one is sent
        Response held = ApiTest.api(token).body(ApiTest.body(ApiTest.dataObject(alone, range), true))
                .post("/api/v1/emergency-policies");
        assertThat(held.statusCode()).as("still held: " + held.asString()).isEqualTo(202);
        long entry = JSON.readTree(held.asString()).get("entry_id").asLong();

        Response own = ApiTest.decide(token, "trial", "/api/v1/approvals/" + entry
                + "/approve");

        assertThat(own.statusCode()).as(own.asString()).isEqualTo(201);
        ConsoleSession session = ConsoleSession.logIn(alone.name(), alone.password());
        assertThat(session.get("/").asString()).contains("id=\"one-person-trial\"");
        assertThat(session.get("/history/" + entry).asString()).contains("id=\"one-person-trial\"")
                .contains("SUCCEEDED");
    }
}
