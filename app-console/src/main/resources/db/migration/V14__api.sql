-- The automation API (see README, "JSON API"): tokens per user (only the SHA-256 of the secret is kept), calls per
-- token per minute (rate limits shared by every console of the database), and idempotency keys per token (the first
-- attempt's answer, bound to a hash of its request).
CREATE TABLE api_token (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT       NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
    name          VARCHAR(64)  NOT NULL CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    roles         VARCHAR(64)  NOT NULL CHECK (roles ~ '^(operator|auditor|admin)(,(operator|auditor|admin))*$'),
    secret_hash   CHAR(64)     NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

CREATE TABLE api_rate_window (
    token_id      BIGINT       NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
    window_start  TIMESTAMPTZ  NOT NULL,
    calls         INTEGER      NOT NULL,
    PRIMARY KEY (token_id, window_start)
);

CREATE TABLE api_idempotency (
    token_id      BIGINT       NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
    key           VARCHAR(128) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    -- the answer, once there is one; NULL while the first attempt runs
    status        INTEGER,
    body          TEXT,
    location      VARCHAR(256),
    PRIMARY KEY (token_id, key)
);
