package com.policyconsole.adapter.out.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code policyconsole.cloud.*} setting of the HTTP adapters (documented in {@code adapters-http/CONFIG.md}).
 * The service URLs are not here: they are Quarkus' own {@code quarkus.rest-client.<key>.url} keys, read by
 * {@link CloudEndpoints}. Secrets are {@code Optional<String>}: each has a {@code …-file} twin, and none is
 * ever logged.
 */
@ConfigMapping(prefix = "policyconsole.cloud")
public interface CloudSettings {

    /** How calls are authenticated. */
    enum AuthMode {
        /** A given token, sent as {@code X-Auth-Token}. */
        TOKEN,
        /** A token obtained from IAM with a user name and password, cached and renewed. */
        IAM,
        /** AK/SK request signing ({@code SDK-HMAC-SHA256}). */
        AKSK
    }

    /** {@code policyconsole.cloud.auth}: token, iam or aksk. */
    @WithDefault("token")
    AuthMode auth();

    /** {@code policyconsole.cloud.token}: the token for {@link AuthMode#TOKEN}. */
    Optional<String> token();

    /** {@code policyconsole.cloud.token-file}: a file holding the token. */
    Optional<String> tokenFile();

    /** {@code policyconsole.cloud.access-key}: the AK for {@link AuthMode#AKSK}. */
    Optional<String> accessKey();

    /** {@code policyconsole.cloud.access-key-file}. */
    Optional<String> accessKeyFile();

    /** {@code policyconsole.cloud.secret-key}: the SK for {@link AuthMode#AKSK}. */
    Optional<String> secretKey();

    /** {@code policyconsole.cloud.secret-key-file}. */
    Optional<String> secretKeyFile();

    /** {@code policyconsole.cloud.security-token}: the security token of temporary AK/SK credentials. */
    Optional<String> securityToken();

    /** {@code policyconsole.cloud.security-token-file}. */
    Optional<String> securityTokenFile();

    /** {@code policyconsole.cloud.iam.*}: the IAM user for {@link AuthMode#IAM}. */
    Iam iam();

    /** {@code policyconsole.cloud.project-id}: the default SecMaster project ID offered by the console. */
    Optional<String> projectId();

    /** {@code policyconsole.cloud.workspace-id}: the default SecMaster workspace ID offered by the console. */
    Optional<String> workspaceId();

    /** {@code policyconsole.cloud.domain-id}: the default account (domain) ID; also scopes definition reads. */
    Optional<String> domainId();

    /** {@code policyconsole.cloud.secmaster-version}: the {@code x-secmaster-version} sent when a request has none. */
    @WithDefault("25.5.0")
    String secmasterVersion();

    /** {@code policyconsole.cloud.connect-timeout}: TCP (and TLS) connect timeout of every call. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** {@code policyconsole.cloud.read-timeout}: how long to wait for a response once the request is sent. */
    @WithDefault("30s")
    Duration readTimeout();

    /** {@code policyconsole.cloud.retry.*}. */
    Retry retry();

    /** {@code policyconsole.cloud.paging.*}. */
    Paging paging();

    /** The IAM user whose token is used in {@link AuthMode#IAM}. */
    interface Iam {
        /** {@code policyconsole.cloud.iam.user}: the IAM user name. */
        Optional<String> user();

        /** {@code policyconsole.cloud.iam.user-file}. */
        Optional<String> userFile();

        /** {@code policyconsole.cloud.iam.password}. */
        Optional<String> password();

        /** {@code policyconsole.cloud.iam.password-file}. */
        Optional<String> passwordFile();

        /** {@code policyconsole.cloud.iam.domain-name}: the account (domain) name the user belongs to. */
        Optional<String> domainName();

        /** {@code policyconsole.cloud.iam.domain-name-file}. */
        Optional<String> domainNameFile();

        /** {@code policyconsole.cloud.iam.renew-before}: renew a cached token this long before it expires. */
        @WithDefault("1h")
        Duration renewBefore();
    }

    /** Bounded retries with exponential backoff and jitter (see {@code adapters-http/RETRIES.md}). */
    interface Retry {
        /** {@code policyconsole.cloud.retry.max-attempts}: attempts per call, the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** {@code policyconsole.cloud.retry.backoff-base}: the backoff ceiling before the second attempt. */
        @WithDefault("200ms")
        Duration backoffBase();

        /** {@code policyconsole.cloud.retry.backoff-max}: the largest wait between two attempts. */
        @WithDefault("5s")
        Duration backoffMax();
    }

    /** Bounds of the paged read-backs. */
    interface Paging {
        /** {@code policyconsole.cloud.paging.page-size}: items asked for per page. */
        @WithDefault("100")
        int pageSize();

        /** {@code policyconsole.cloud.paging.max-pages}: a read that needs more pages fails instead of looping. */
        @WithDefault("50")
        int maxPages();
    }
}
