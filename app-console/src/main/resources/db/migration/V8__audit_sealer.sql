-- Audit records appended without a lock, sealed into the chain by one sealer (see README, "Tamper-evident audit").
--
-- Until now every write locked the one-row audit_chain_head at commit to take the next position, so all writers of
-- the database queued behind each other. From here on a write only appends its record, unsealed: it gets an append
-- number (seq) and a content hash over its own fields (kind, subject, subject ID, time, payload), but no position.
-- One sealer at a time — whoever holds the advisory lock audit_seal_lock_key(); the consoles try it about every
-- second — chains the unsealed records in append order: each gets the next position, the previous record's hash
-- and its chain hash by V5's formula, so that the records chained before this migration stay valid as they are.
-- A record is sealed once, only this way, and never changed otherwise; a record whose content no longer matches its
-- content hash is never sealed, and the sealer stops before it, so that the tampering stays visible.

ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey;
ALTER TABLE audit_event ALTER COLUMN position DROP NOT NULL,
                        ALTER COLUMN previous_hash DROP NOT NULL,
                        ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_position_key UNIQUE (position);
-- Records chained before this migration have no append number and no content hash: they were sealed at once.
CREATE SEQUENCE audit_event_seq AS BIGINT;
ALTER TABLE audit_event ADD COLUMN seq BIGINT CONSTRAINT audit_event_seq_key UNIQUE,
                        ADD COLUMN content_hash CHAR(64),
                        ADD COLUMN sealed_at TIMESTAMPTZ;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_sealed_or_guarded CHECK (
    position IS NOT NULL AND previous_hash IS NOT NULL AND hash IS NOT NULL
    OR position IS NULL AND previous_hash IS NULL AND hash IS NULL AND seq IS NOT NULL AND content_hash IS NOT NULL);
CREATE INDEX audit_event_unsealed_idx ON audit_event (seq) WHERE position IS NULL;

-- The advisory lock that makes one sealer at a time, whichever console (or script) it is.
CREATE FUNCTION audit_seal_lock_key() RETURNS BIGINT
LANGUAGE sql IMMUTABLE AS $$ SELECT 7040587214103582501::bigint $$;

-- The hash that guards a record until it is sealed: SHA-256 over kind, subject, subject ID, time and payload, joined
-- by '|' (the chain hash without the previous hash). The verifier (AuditChainVerifier) computes the same in Java.
CREATE FUNCTION audit_content_hash(kind TEXT, subject TEXT, subject_id BIGINT, recorded_at TIMESTAMPTZ, payload TEXT)
RETURNS TEXT
LANGUAGE sql IMMUTABLE SET timezone TO 'UTC' AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', kind, subject, subject_id::text,
        to_char(recorded_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), payload), 'UTF8')), 'hex')
$$;

-- Appending takes no lock: the record waits unsealed for the sealer.
CREATE OR REPLACE FUNCTION audit_append(kind TEXT, subject TEXT, subject_id BIGINT, payload TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    at TIMESTAMPTZ := date_trunc('microseconds', clock_timestamp());
BEGIN
    INSERT INTO audit_event (seq, recorded_at, kind, subject, subject_id, payload, content_hash)
    VALUES (nextval('audit_event_seq'), at, kind, subject, subject_id, payload,
            audit_content_hash(kind, subject, subject_id, at, payload));
END
$$;

-- Chains up to max_records unsealed records, in append order, and moves the head to the last one; returns how many
-- it sealed, or NULL when another sealer holds the lock (wait = false) — with wait = true it waits for that one.
CREATE FUNCTION audit_seal(max_records INTEGER, wait BOOLEAN) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head%ROWTYPE;
    r audit_event%ROWTYPE;
    sealed INTEGER := 0;
    next_hash TEXT;
    at TIMESTAMPTZ := clock_timestamp();
BEGIN
    IF wait THEN
        PERFORM pg_advisory_xact_lock(audit_seal_lock_key());
    ELSIF NOT pg_try_advisory_xact_lock(audit_seal_lock_key()) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
    FOR r IN SELECT * FROM audit_event WHERE position IS NULL ORDER BY seq LIMIT max_records LOOP
        IF r.content_hash <> audit_content_hash(r.kind, r.subject, r.subject_id, r.recorded_at, r.payload) THEN
            RAISE WARNING 'audit record (append %) no longer matches its content hash: it was changed before it was'
                ' sealed; sealing stops before it', r.seq;
            EXIT;
        END IF;
        next_hash := audit_record_hash(head.hash, r.kind, r.subject, r.subject_id, r.recorded_at, r.payload);
        UPDATE audit_event SET position = head.position + 1, previous_hash = head.hash, hash = next_hash, sealed_at = at
         WHERE seq = r.seq;
        head.position := head.position + 1;
        head.hash := next_hash;
        sealed := sealed + 1;
    END LOOP;
    IF sealed > 0 THEN
        UPDATE audit_chain_head SET position = head.position, hash = head.hash;
    END IF;
    RETURN sealed;
END
$$;

-- A record may only be sealed: once, its content unchanged and still matching its content hash, at the position
-- after the last sealed record, with that record's hash and its own correct chain hash. Nothing else changes it.
CREATE FUNCTION audit_event_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    previous TEXT;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.position IS NULL AND NEW.position IS NOT NULL
       AND NEW.seq = OLD.seq AND NEW.recorded_at = OLD.recorded_at AND NEW.kind = OLD.kind
       AND NEW.subject = OLD.subject AND NEW.subject_id = OLD.subject_id AND NEW.payload = OLD.payload
       AND NEW.content_hash = OLD.content_hash
       AND OLD.content_hash = audit_content_hash(OLD.kind, OLD.subject, OLD.subject_id, OLD.recorded_at, OLD.payload)
    THEN
        previous := CASE WHEN NEW.position = 1 THEN repeat('0', 64)
                         ELSE (SELECT e.hash FROM audit_event e WHERE e.position = NEW.position - 1) END;
        IF NEW.previous_hash = previous AND NEW.hash = audit_record_hash(previous, NEW.kind, NEW.subject,
                                                                         NEW.subject_id, NEW.recorded_at, NEW.payload)
        THEN
            RETURN NEW;
        END IF;
    END IF;
    PERFORM audit_refuse(TG_OP || ' on audit_event');
    RETURN NULL;
END
$$;
DROP TRIGGER audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_guard();

-- The head only moves forward, to a sealed record, and is never removed.
CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.position <= OLD.position
       OR NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.position = NEW.position AND e.hash = NEW.hash) THEN
        PERFORM audit_refuse('the audit chain head only moves forward');
    END IF;
    RETURN NEW;
END
$$;
