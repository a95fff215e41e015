-- The reference for bench/console-load.sh: audit appends as they were before Flyway V8, chained at once under the
-- one-row audit_chain_head locked by every writer until commit (V5's audit_append, writing V8's columns). Created
-- as audit_append_locked; the script swaps it in by renaming, measures, and swaps V8's back.
CREATE OR REPLACE FUNCTION audit_append_locked(kind TEXT, subject TEXT, subject_id BIGINT, payload TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head%ROWTYPE;
    at TIMESTAMPTZ := date_trunc('microseconds', clock_timestamp());
    next_hash TEXT;
BEGIN
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
    next_hash := audit_record_hash(head.hash, kind, subject, subject_id, at, payload);
    INSERT INTO audit_event (position, recorded_at, kind, subject, subject_id, payload, previous_hash, hash, sealed_at)
    VALUES (head.position + 1, at, kind, subject, subject_id, payload, head.hash, next_hash, at);
    UPDATE audit_chain_head SET position = head.position + 1, hash = next_hash;
END
$$;
