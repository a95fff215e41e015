package com.policyconsole.adapter.out.testing;

import com.policyconsole.adapter.out.http.CloudSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test fixture factory for {@link CloudSettings} outside CDI: the mode plus any {@code policyconsole.cloud.*}
 * string keys (relative names such as {@code "token"} or {@code "iam.password-file"}); everything else has
 * the documented defaults.
 */
public final class TestCloudSettings implements CloudSettings {

    private final AuthMode mode;
    private final Map<String, String> values = new HashMap<>();

    private TestCloudSettings(AuthMode mode) {
        this.mode = mode;
    }

    public static TestCloudSettings mode(AuthMode mode) {
        return new TestCloudSettings(mode);
    }

    public TestCloudSettings with(String key, String value) {
        values.put(key, value);
        return this;
    }

    private Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public AuthMode auth() {
        return mode;
    }

    @Override
    public Optional<String> token() {
        return get("token");
    }

    @Override
    public Optional<String> tokenFile() {
        return get("token-file");
    }

    @Override
    public Optional<String> accessKey() {
        return get("access-key");
    }

    @Override
    public Optional<String> accessKeyFile() {
        return get("access-key-file");
    }

    @Override
    public Optional<String> secretKey() {
        return get("secret-key");
    }

    @Override
    public Optional<String> secretKeyFile() {
        return get("secret-key-file");
    }

    @Override
    public Optional<String> securityToken() {
        return get("security-token");
    }

    @Override
    public Optional<String> securityTokenFile() {
        return get("security-token-file");
    }

    @Override
    public Iam iam() {
        return new Iam() {
            @Override
            public Optional<String> user() {
                return get("iam.user");
            }

            @Override
            public Optional<String> userFile() {
                return get("iam.user-file");
            }

            @Override
            public Optional<String> password() {
                return get("iam.password");
            }

            @Override
            public Optional<String> passwordFile() {
                return get("iam.password-file");
            }

            @Override
            public Optional<String> domainName() {
                return get("iam.domain-name");
            }

            @Override
            public Optional<String> domainNameFile() {
                return get("iam.domain-name-file");
            }

            @Override
            public Duration renewBefore() {
                return Duration.ofHours(1);
            }
        };
    }

    @Override
    public Optional<String> projectId() {
        return get("project-id");
    }

    @Override
    public Optional<String> workspaceId() {
        return get("workspace-id");
    }

    @Override
    public Optional<String> domainId() {
        return get("domain-id");
    }

    @Override
    public String secmasterVersion() {
        return get("secmaster-version").orElse("25.5.0");
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Retry retry() {
        return new Retry() {
            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public Duration backoffBase() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration backoffMax() {
                return Duration.ofSeconds(5);
            }
        };
    }

    @Override
    public Paging paging() {
        return new Paging() {
            @Override
            public int pageSize() {
                return 100;
            }

            @Override
            public int maxPages() {
                return 50;
            }
        };
    }
}
