package com.policyconsole.console.adapter.in.web.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.TestUserFactory;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class LoginOriginCheckTest {

    @Inject
    ManageAccountsUseCase accounts;

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "same-origin, http://localhost:8081, localhost:8081, false",
            "same-origin, null, localhost:8081, false",
            "none, -, localhost:8081, false",
            "-, -, localhost:8081, false",
            "cross-site, https://evil.example, localhost:8081, true",
            "same-site, https://other.example.com, console.example.com, true",
            "-, https://evil.example, localhost:8081, true",
            "-, null, localhost:8081, true",
            "-, http://localhost:9999, localhost:8081, true"})
    void aLoginPostFromAnotherSiteIsCrossSite(String fetchSite, String origin, String host, boolean crossSite) {
        assertThat(LoginOriginCheck.isCrossSite(fetchSite, origin, host)).isEqualTo(crossSite);
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedAndASameOriginOneWorks() {
        TestUserFactory.TestUser user = TestUserFactory.create(accounts, "origin", Roles.AUDITOR);

        given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("j_username", user.name()).formParam("j_password", user.password())
                .when().post("/j_security_check")
                .then().statusCode(403);

        String location = given().redirects().follow(false).header("Origin", "http://localhost:8081")
                .formParam("j_username", user.name()).formParam("j_password", user.password())
                .when().post("/j_security_check")
                .then().statusCode(302).extract().header("Location");
        assertThat(location).doesNotContain("error");
    }
}
