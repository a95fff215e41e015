package com.policyconsole.adapter.out.auth;

import static com.policyconsole.adapter.out.testing.SeedExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.adapter.out.http.WireJson;
import org.junit.jupiter.api.Test;

class IamWireTest {

    @Test
    void domainScopeUsesTheIdWhenKnownAndTheAccountNameOtherwise() {
        String byId = WireJson.write(IamWire.passwordRequest("u", "p", "acct", new AuthScope.Domain("d-1")));
        String byName = WireJson.write(IamWire.passwordRequest("u", "p", "acct", new AuthScope.Domain(null)));

        assertThat(tree(byId).at("/auth/scope")).isEqualTo(tree("{\"domain\":{\"id\":\"d-1\"}}"));
        assertThat(tree(byName).at("/auth/scope")).isEqualTo(tree("{\"domain\":{\"name\":\"acct\"}}"));
    }

    @Test
    void theRequestsToStringHidesThePassword() {
        IamWire.TokenRequest request = IamWire.passwordRequest("u", "hidden-password-123", "acct", new AuthScope.Project("p"));

        assertThat(request.toString()).doesNotContain("hidden-password-123").contains("password=****");
    }
}
