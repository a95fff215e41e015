-- A bulk batch between its plan and its confirmation (see README, "Bulk deliveries"): the plan page carries the draft's
-- ID, not the batch, so that the batch confirmed is byte for byte the one planned and a 2 MiB file is not sent back and
-- forth. Drafts are the planning person's own and are dropped a day after they were made.
CREATE TABLE bulk_draft (
    id          UUID         PRIMARY KEY,
    actor       VARCHAR(128) NOT NULL,
    file_name   VARCHAR(255),
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bulk_draft_created_idx ON bulk_draft (created_at);
