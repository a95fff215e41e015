-- Bulk jobs (see README, "Bulk deliveries"): a confirmed plan of deliveries, run by whichever console claims a due
-- delivery first (FOR UPDATE SKIP LOCKED), so that a job survives a restart and several consoles share the work.
-- A delivery is claimed (SENDING, by a console), then its history entry is recorded in the same transaction that
-- links it here, and only then sent; a delivery never gets a second entry unless its first one is known not to have
-- reached the cloud.
CREATE TABLE bulk_job (
    id            BIGSERIAL    PRIMARY KEY,
    actor         VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    project_id    VARCHAR(255) NOT NULL,
    workspace_id  VARCHAR(255) NOT NULL,
    -- The template request as the SecMaster wire body (its block_target is replaced per delivery), and its version.
    template      TEXT         NOT NULL,
    secmaster_version VARCHAR(32) NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'CANCELLED', 'FINISHED')),
    finished_at   TIMESTAMPTZ
);

CREATE TABLE bulk_delivery (
    job_id        BIGINT       NOT NULL REFERENCES bulk_job (id),
    number        INTEGER      NOT NULL CHECK (number > 0),
    -- The objects, one per line, in source order; the line of each object in the batch, comma-separated.
    objects       TEXT         NOT NULL,
    object_count  INTEGER      NOT NULL CHECK (object_count > 0),
    not_before    TIMESTAMPTZ  NOT NULL,
    state         VARCHAR(16)  NOT NULL CHECK (state IN ('WAITING', 'SENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    claimed_by    UUID,
    claimed_at    TIMESTAMPTZ,
    entry_id      BIGINT       REFERENCES request_history (id),
    attempts      INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, number)
);
CREATE INDEX bulk_delivery_due_idx ON bulk_delivery (not_before) WHERE state = 'WAITING';
CREATE INDEX bulk_delivery_sending_idx ON bulk_delivery (claimed_by) WHERE state = 'SENDING';
CREATE INDEX bulk_delivery_entry_idx ON bulk_delivery (entry_id);
