package com.policyconsole.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrisTest {

    @Test
    void buildsAnAbsoluteUriFromBaseTemplateAndQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action_type", "create");
        query.put("absent", null);

        URI uri = Uris.build(URI.create("https://secmaster.cn-north-4.myhuaweicloud.com/"),
                "/v1/{project_id}/workspaces/{workspace_id}/soc/policys",
                Map.of("project_id", "p1", "workspace_id", "w-2"), query);

        assertThat(uri).hasToString("https://secmaster.cn-north-4.myhuaweicloud.com/v1/p1/workspaces/w-2/soc/policys?action_type=create");
    }

    @Test
    void keepsAPathPrefixOfTheBaseUrl() {
        assertThat(Uris.build(URI.create("http://localhost:8080/sandbox/rms"), "/v1/resource-manager/policy-definitions",
                Map.of(), Map.of())).hasToString("http://localhost:8080/sandbox/rms/v1/resource-manager/policy-definitions");
    }

    @Test
    void encodesPathValuesStrictlyAndQueryValuesAsTheRestClientDoes() {
        assertThat(Uris.encode("a b/c+é~*")).isEqualTo("a%20b%2Fc%2B%C3%A9~%2A");
        assertThat(Uris.encodeQuery("a b/c+é~*=&")).isEqualTo("a+b%2Fc%2B%C3%A9~*%3D%26");
    }

    @Test
    void missingPathValuesStayVisibleAsEncodedPlaceholders() {
        assertThat(Uris.build(URI.create("http://h"), "/v1/{project_id}/x", Map.of(), Map.of()))
                .hasToString("http://h/v1/%7Bproject_id%7D/x");
    }

    @Test
    void hostHeaderOmitsTheSchemesDefaultPort() {
        assertThat(Uris.hostHeader(URI.create("https://rms.myhuaweicloud.com:443/v1"))).isEqualTo("rms.myhuaweicloud.com");
        assertThat(Uris.hostHeader(URI.create("http://localhost:80/"))).isEqualTo("localhost");
        assertThat(Uris.hostHeader(URI.create("http://localhost:8089/"))).isEqualTo("localhost:8089");
        assertThat(Uris.hostHeader(URI.create("https://iam.cn-north-4.myhuaweicloud.com"))).isEqualTo("iam.cn-north-4.myhuaweicloud.com");
    }
}
