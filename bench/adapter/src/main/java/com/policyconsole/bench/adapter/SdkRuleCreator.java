package com.policyconsole.bench.adapter;

import com.huaweicloud.sdk.config.v1.ConfigClient;
import com.huaweicloud.sdk.config.v1.model.CreatePolicyAssignmentsRequest;
import com.huaweicloud.sdk.config.v1.model.CreatePolicyAssignmentsResponse;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;

/**
 * The competitor: {@code huaweicloud-sdk-config}'s {@link ConfigClient} with AK/SK {@link GlobalCredentials}
 * (domain ID given, so the SDK never calls IAM), calling {@code createPolicyAssignments} on the stub.
 */
final class SdkRuleCreator implements RuleCreator {

    private final ConfigClient client;

    private SdkRuleCreator(ConfigClient client) {
        this.client = client;
    }

    /**
     * A client as the SDK's documentation builds it.
     *
     * @param idleConnections {@code 0} for the SDK's default connection pool (OkHttp: 5 idle connections kept),
     *                        otherwise a pool that keeps this many idle connections
     */
    static SdkRuleCreator create(URI endpoint, String accessKey, String secretKey, int idleConnections) {
        HttpConfig config = HttpConfig.getDefaultHttpConfig();
        if (idleConnections > 0) {
            config.withConnectionPool(new ConnectionPool(idleConnections, 5, TimeUnit.MINUTES));
        }
        GlobalCredentials credentials = new GlobalCredentials()
                .withAk(accessKey)
                .withSk(secretKey)
                .withDomainId(BenchRule.DOMAIN_ID);
        ConfigClient client = ConfigClient.newBuilder()
                .withHttpConfig(config)
                .withCredential(credentials)
                .withEndpoints(List.of(endpoint.toString()))
                .build();
        return new SdkRuleCreator(client);
    }

    @Override
    public String createRule() {
        CreatePolicyAssignmentsResponse response = client.createPolicyAssignments(
                new CreatePolicyAssignmentsRequest().withBody(BenchRule.sdkBody()));
        if (response.getHttpStatusCode() == 200 && BenchRule.ANSWERED_ID.equals(response.getId())) {
            return null;
        }
        return "HTTP " + response.getHttpStatusCode() + " id=" + response.getId();
    }
}
