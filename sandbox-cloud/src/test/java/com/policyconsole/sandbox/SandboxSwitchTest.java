package com.policyconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxSwitchTest {

    private static ContainerRequestContext request(String path) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> "getPath".equals(m.getName()) ? path : null);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (p, m, a) -> "getUriInfo".equals(m.getName()) ? uri : null);
    }

    @ParameterizedTest
    @CsvSource({
            "true, /sandbox/secmaster/v1/p/workspaces/w/soc/policys, -1",
            "false, /sandbox/secmaster/v1/p/workspaces/w/soc/policys, 404",
            "false, /sandbox/rms/v1/resource-manager/policy-definitions, 404",
            "false, /admin/sandbox, 404",
            "false, /policies/new, -1",
            "false, /history, -1"})
    void theSandboxAnswersOnlyInSandboxMode(boolean sandbox, String path, int expected) {
        Response response = new SandboxSwitch(sandbox).offInLiveMode(request(path));
        assertThat(response == null ? -1 : response.getStatus()).isEqualTo(expected);
    }
}
