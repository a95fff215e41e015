-- Every request the console sends: recorded as PENDING before the cloud is called, completed after.
CREATE TABLE request_history (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operation         VARCHAR(32)  NOT NULL CHECK (operation IN ('CREATE_EMERGENCY_POLICY', 'RETRY_EMERGENCY_POLICY', 'ADD_CONFIG_RULE')),
    actor             VARCHAR(128) NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUSED', 'UNKNOWN')),
    requested_at      TIMESTAMPTZ  NOT NULL,
    completed_at      TIMESTAMPTZ,
    duration_ms       BIGINT,
    project_id        VARCHAR(64),
    workspace_id      VARCHAR(64),
    domain_id         VARCHAR(64),
    policy_category   VARCHAR(8),
    block_type        VARCHAR(16),
    ages_out_at       TIMESTAMPTZ,
    rule_name         VARCHAR(64),
    retry_of          BIGINT REFERENCES request_history (id),
    http_status       INTEGER,
    error_code        VARCHAR(128),
    error_message     TEXT,
    cloud_request_id  VARCHAR(128),
    result_id         VARCHAR(128),
    result_state      VARCHAR(32),
    request_method    VARCHAR(8)   NOT NULL,
    request_url       TEXT         NOT NULL,
    request_headers   TEXT         NOT NULL,
    request_body      TEXT         NOT NULL,
    response_body     TEXT
);

-- The objects of each request, one row each; network holds IP objects as cidr so that
-- "every request for an IP inside 203.0.113.0/24" is an index lookup (network <<= '203.0.113.0/24').
CREATE TABLE request_target (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id  BIGINT       NOT NULL REFERENCES request_history (id),
    target    VARCHAR(512) NOT NULL,
    network   CIDR
);

-- Keyset pagination and every audit filter (newest first).
CREATE INDEX request_history_time_idx      ON request_history (requested_at DESC, id DESC);
CREATE INDEX request_history_actor_idx     ON request_history (actor, requested_at DESC, id DESC);
CREATE INDEX request_history_operation_idx ON request_history (operation, requested_at DESC, id DESC);
CREATE INDEX request_history_status_idx    ON request_history (status, requested_at DESC, id DESC);
CREATE INDEX request_history_workspace_idx ON request_history (project_id, workspace_id, requested_at DESC, id DESC);
CREATE INDEX request_history_domain_idx    ON request_history (domain_id, requested_at DESC, id DESC);
CREATE INDEX request_history_retry_idx     ON request_history (retry_of);
CREATE INDEX request_history_ageing_idx    ON request_history (ages_out_at) WHERE ages_out_at IS NOT NULL;
CREATE INDEX request_target_entry_idx      ON request_target (entry_id);
CREATE INDEX request_target_target_idx     ON request_target (lower(target));
CREATE INDEX request_target_network_idx    ON request_target USING gist (network inet_ops);
