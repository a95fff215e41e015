-- Tamper evidence (see README, "Tamper-evident audit").
--
-- 1. Append-only: recorded requests cannot be changed or removed. A history entry may only be completed once
--    (PENDING to its outcome); its request columns never change; request rows, their objects and audit records are
--    never deleted. Triggers enforce this for every database user except one who switches triggers off, which
--    only a superuser can do, and which the chain below then exposes.
-- 2. Hash chain: every write to request_history and console_user appends a record to audit_event holding the
--    row's state after the write; each record's hash covers the previous record's hash, so changing, removing or
--    reordering any record breaks the chain from that point. `scripts/verify-audit.sh` and the page
--    /audit/integrity walk the chain and compare each row with its last record.

CREATE TABLE audit_event (
    position       BIGINT       PRIMARY KEY CHECK (position > 0),
    recorded_at    TIMESTAMPTZ  NOT NULL,
    kind           VARCHAR(24)  NOT NULL CHECK (kind IN ('REQUESTED', 'COMPLETED',
                                                        'ACCOUNT_CREATED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED')),
    subject        VARCHAR(16)  NOT NULL CHECK (subject IN ('request', 'account')),
    subject_id     BIGINT       NOT NULL,
    payload        TEXT         NOT NULL,
    previous_hash  CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, subject_id, position DESC);

-- The end of the chain: its last position and hash. One row; appends lock it, so records are chained in commit order.
CREATE TABLE audit_chain_head (
    singleton  BOOLEAN   PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    position   BIGINT    NOT NULL,
    hash       CHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (position, hash) VALUES (0, repeat('0', 64));

-- The recorded state of a history entry with its objects, as canonical JSON text (NULL when the entry does not
-- exist). Columns are listed, not taken with to_jsonb(row), so that a later column does not change old states.
CREATE FUNCTION audit_request_state(entry_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT jsonb_build_object(
        'id', h.id, 'operation', h.operation, 'actor', h.actor, 'status', h.status,
        'requested_at', h.requested_at, 'completed_at', h.completed_at, 'duration_ms', h.duration_ms,
        'project_id', h.project_id, 'workspace_id', h.workspace_id, 'domain_id', h.domain_id,
        'policy_category', h.policy_category, 'block_type', h.block_type, 'ages_out_at', h.ages_out_at,
        'rule_name', h.rule_name, 'retry_of', h.retry_of, 'http_status', h.http_status,
        'error_code', h.error_code, 'error_message', h.error_message, 'cloud_request_id', h.cloud_request_id,
        'result_id', h.result_id, 'result_state', h.result_state, 'request_method', h.request_method,
        'request_url', h.request_url, 'request_headers', h.request_headers, 'request_body', h.request_body,
        'response_body', h.response_body,
        'objects', coalesce((SELECT jsonb_agg(jsonb_build_array(t.target, t.network) ORDER BY t.id)
                               FROM request_target t WHERE t.entry_id = h.id), '[]'::jsonb))::text
      FROM request_history h WHERE h.id = $1
$$;

-- The recorded state of a console user: never the password hash itself, only a digest of it, so that a password
-- changed behind the console's back is still exposed.
CREATE FUNCTION audit_account_state(user_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT jsonb_build_object(
        'id', u.id, 'username', u.username, 'roles', u.roles, 'enabled', u.enabled,
        'password_digest', encode(sha256(convert_to(u.password_hash, 'UTF8')), 'hex'),
        'created_at', u.created_at, 'updated_at', u.updated_at)::text
      FROM console_user u WHERE u.id = $1
$$;

-- The hash of a record: SHA-256 over the previous hash, kind, subject, subject ID, time and payload, joined by '|'.
-- The verifier (AuditChainVerifier) computes the same in Java.
CREATE FUNCTION audit_record_hash(previous_hash TEXT, kind TEXT, subject TEXT, subject_id BIGINT,
                                  recorded_at TIMESTAMPTZ, payload TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE SET timezone TO 'UTC' AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', previous_hash, kind, subject, subject_id::text,
        to_char(recorded_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), payload), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_append(kind TEXT, subject TEXT, subject_id BIGINT, payload TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_head%ROWTYPE;
    at TIMESTAMPTZ := date_trunc('microseconds', clock_timestamp());
    next_hash TEXT;
BEGIN
    SELECT * INTO head FROM audit_chain_head FOR UPDATE;
    next_hash := audit_record_hash(head.hash, kind, subject, subject_id, at, payload);
    INSERT INTO audit_event (position, recorded_at, kind, subject, subject_id, payload, previous_hash, hash)
    VALUES (head.position + 1, at, kind, subject, subject_id, payload, head.hash, next_hash);
    UPDATE audit_chain_head SET position = head.position + 1, hash = next_hash;
END
$$;

-- Runs at commit (deferred), when the entry's objects are written too.
CREATE FUNCTION audit_request_written() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_append(CASE WHEN TG_OP = 'INSERT' THEN 'REQUESTED' ELSE 'COMPLETED' END,
                         'request', NEW.id, audit_request_state(NEW.id));
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER request_history_audit AFTER INSERT OR UPDATE ON request_history
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_request_written();

CREATE FUNCTION audit_account_written() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM audit_append('ACCOUNT_REMOVED', 'account', OLD.id,
                             jsonb_build_object('id', OLD.id, 'username', OLD.username)::text);
    ELSE
        PERFORM audit_append(CASE WHEN TG_OP = 'INSERT' THEN 'ACCOUNT_CREATED' ELSE 'ACCOUNT_CHANGED' END,
                             'account', NEW.id, audit_account_state(NEW.id));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER console_user_audit AFTER INSERT OR UPDATE OR DELETE ON console_user
    FOR EACH ROW EXECUTE FUNCTION audit_account_written();

-- Append-only rules.
CREATE FUNCTION audit_refuse(reason TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only: %', reason USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION request_history_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM audit_refuse('history entry ' || OLD.id || ' cannot be deleted');
    END IF;
    IF OLD.status <> 'PENDING' THEN
        PERFORM audit_refuse('history entry ' || OLD.id || ' is final (' || OLD.status || ') and cannot be changed');
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.operation IS DISTINCT FROM OLD.operation
       OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.requested_at IS DISTINCT FROM OLD.requested_at
       OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.workspace_id IS DISTINCT FROM OLD.workspace_id
       OR NEW.domain_id IS DISTINCT FROM OLD.domain_id OR NEW.policy_category IS DISTINCT FROM OLD.policy_category
       OR NEW.block_type IS DISTINCT FROM OLD.block_type OR NEW.ages_out_at IS DISTINCT FROM OLD.ages_out_at
       OR NEW.rule_name IS DISTINCT FROM OLD.rule_name OR NEW.retry_of IS DISTINCT FROM OLD.retry_of
       OR NEW.request_method IS DISTINCT FROM OLD.request_method OR NEW.request_url IS DISTINCT FROM OLD.request_url
       OR NEW.request_headers IS DISTINCT FROM OLD.request_headers
       OR NEW.request_body IS DISTINCT FROM OLD.request_body THEN
        PERFORM audit_refuse('the request of history entry ' || OLD.id || ' cannot be changed, only its outcome');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER request_history_append_only BEFORE UPDATE OR DELETE ON request_history
    FOR EACH ROW EXECUTE FUNCTION request_history_guard();

CREATE FUNCTION audit_refuse_change() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_refuse(TG_OP || ' on ' || TG_TABLE_NAME);
    RETURN NULL;
END
$$;
CREATE TRIGGER request_target_append_only BEFORE UPDATE OR DELETE ON request_target
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER request_history_no_truncate BEFORE TRUNCATE ON request_history
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER request_target_no_truncate BEFORE TRUNCATE ON request_target
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head only moves forward, one record at a time, and is never removed.
CREATE FUNCTION audit_chain_head_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.position <> OLD.position + 1 THEN
        PERFORM audit_refuse('the audit chain head only moves forward');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_chain_head_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Entries written before this migration enter the chain once, in ID order, as they are now.
SELECT audit_append('REQUESTED', 'request', id, audit_request_state(id)) FROM request_history ORDER BY id;
SELECT audit_append('ACCOUNT_CREATED', 'account', id, audit_account_state(id)) FROM console_user ORDER BY id;
