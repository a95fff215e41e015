-- Logins that resist guessing (see README, "Login"): failures in a row are counted per account name (as typed,
-- whether or not the account exists) and per client address, shared by every console of the database; each key
-- waits until not_before before its next attempt is checked. The login log is append-only and each of its events is
-- a record of the audit chain (subject 'login').
CREATE TABLE login_counter (
    kind             VARCHAR(8)   NOT NULL CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    key              VARCHAR(64)  NOT NULL,
    failures         INTEGER      NOT NULL CHECK (failures >= 0),
    last_failure_at  TIMESTAMPTZ,
    not_before       TIMESTAMPTZ,
    locked           BOOLEAN      NOT NULL DEFAULT false,
    PRIMARY KEY (kind, key)
);

CREATE TABLE login_event (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      VARCHAR(16)  NOT NULL CHECK (kind IN ('SUCCEEDED', 'FAILED', 'THROTTLED', 'LOCKED', 'UNLOCKED')),
    at        TIMESTAMPTZ  NOT NULL,
    -- the name as typed, lower case, cut to 64; NULL for an address's lock or unlock
    username  VARCHAR(64),
    address   VARCHAR(64),
    actor     VARCHAR(64)
);
CREATE INDEX login_event_username_idx ON login_event (username, id DESC) WHERE username IS NOT NULL;

ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_check CHECK (kind IN ('REQUESTED', 'COMPLETED',
    'ACCOUNT_CREATED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED', 'MIGRATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED',
    'LOGIN_THROTTLED', 'LOGIN_LOCKED', 'LOGIN_UNLOCKED'));
ALTER TABLE audit_event DROP CONSTRAINT audit_event_subject_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_check CHECK (subject IN ('request', 'account', 'login'));

-- The recorded state of a login event, as canonical JSON text (NULL when it does not exist).
CREATE FUNCTION audit_login_state(event_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT jsonb_build_object('id', e.id, 'kind', e.kind, 'at', e.at, 'username', e.username,
                              'address', e.address, 'actor', e.actor)::text
      FROM login_event e WHERE e.id = $1
$$;

CREATE FUNCTION audit_login_written() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_append('LOGIN_' || NEW.kind, 'login', NEW.id, audit_login_state(NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER login_event_audit AFTER INSERT ON login_event FOR EACH ROW EXECUTE FUNCTION audit_login_written();
CREATE TRIGGER login_event_append_only BEFORE UPDATE OR DELETE ON login_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER login_event_no_truncate BEFORE TRUNCATE ON login_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
