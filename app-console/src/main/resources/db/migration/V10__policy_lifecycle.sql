-- The life of a block after it was created (see README, "Delivery status, active blocks and unblocking"): SecMaster's
-- policy ID once found, the delivery records per defense layer as last read (polled until final), and the removal or
-- ageing change that a later history entry made. The guardrails' inventory reads the removal and the changed ageing
-- from here, so that a removed block no longer counts and a changed one counts with its new ageing.
ALTER TABLE request_history DROP CONSTRAINT request_history_operation_check;
ALTER TABLE request_history ADD CONSTRAINT request_history_operation_check CHECK (operation IN (
    'CREATE_EMERGENCY_POLICY', 'RETRY_EMERGENCY_POLICY', 'REMOVE_EMERGENCY_POLICY', 'CHANGE_POLICY_AGEING',
    'ADD_CONFIG_RULE'));

CREATE TABLE secmaster_policy (
    -- the create entry that made the policy
    entry_id          BIGINT       PRIMARY KEY REFERENCES request_history (id),
    project_id        VARCHAR(64)  NOT NULL,
    workspace_id      VARCHAR(64)  NOT NULL,
    secmaster_version VARCHAR(32),
    policy_id         VARCHAR(128),
    delivery          VARCHAR(16)  NOT NULL CHECK (delivery IN ('LOOKING', 'IN_PROGRESS', 'DELIVERED', 'FAILED',
                                                                'NOT_FOUND', 'REMOVED')),
    -- the latest record per operation connection, as JSON: [{connection_id, connection_name, defense_type,
    -- block_status, block_action, failure, direction, recorded_at}]
    layers            TEXT         NOT NULL DEFAULT '[]',
    checked_at        TIMESTAMPTZ,
    -- when to read the records again; NULL once final. A console claims a due row by moving this forward, so that
    -- consoles sharing the database do not read the same policy at once and a stopped console's claim runs out.
    next_check_at     TIMESTAMPTZ,
    checks            INTEGER      NOT NULL DEFAULT 0,
    tracked_since     TIMESTAMPTZ  NOT NULL,
    ageing_changed    BOOLEAN      NOT NULL DEFAULT false,
    ages_out_at       TIMESTAMPTZ,
    removed_by        BIGINT       REFERENCES request_history (id)
);
CREATE UNIQUE INDEX secmaster_policy_id_idx ON secmaster_policy (project_id, workspace_id, policy_id)
    WHERE policy_id IS NOT NULL;
CREATE INDEX secmaster_policy_due_idx ON secmaster_policy (next_check_at) WHERE next_check_at IS NOT NULL;

-- The policies a removal or an ageing change names, and the entries that created them (NULL: not in the history).
CREATE TABLE policy_change_subject (
    entry_id          BIGINT       NOT NULL REFERENCES request_history (id),
    policy_id         VARCHAR(128) NOT NULL,
    subject_entry_id  BIGINT       REFERENCES request_history (id),
    PRIMARY KEY (entry_id, policy_id)
);
CREATE INDEX policy_change_subject_idx ON policy_change_subject (subject_entry_id);

-- A bulk delivery SecMaster accepted whose layers are still being delivered to: it counts against the tasks that may
-- run at once until its delivery records are final.
ALTER TABLE bulk_delivery DROP CONSTRAINT bulk_delivery_state_check;
ALTER TABLE bulk_delivery ADD CONSTRAINT bulk_delivery_state_check CHECK (state IN (
    'WAITING', 'SENDING', 'DELIVERING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));
CREATE INDEX bulk_delivery_delivering_idx ON bulk_delivery (entry_id) WHERE state = 'DELIVERING';
