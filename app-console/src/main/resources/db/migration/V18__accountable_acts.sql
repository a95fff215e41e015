-- Accountable admins (see README, "Four-eyes approval" and SECURITY.md).
--
-- 1. Who changed an account: the user it was changed by, when a password or roles were last set by someone other
--    than the user (an approval by such a user does not count within the approval validity), and whether the user
--    must set their own password at the next login (an admin set it). The account's audit state holds these once
--    they are set, so older records keep their states.
ALTER TABLE console_user ADD COLUMN changed_by VARCHAR(64),
                         ADD COLUMN set_by_other_at TIMESTAMPTZ,
                         ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION audit_account_state(user_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT (jsonb_build_object(
        'id', u.id, 'username', u.username, 'roles', u.roles, 'enabled', u.enabled,
        'password_digest', encode(sha256(convert_to(u.password_hash, 'UTF8')), 'hex'),
        'created_at', u.created_at, 'updated_at', u.updated_at)
        || CASE WHEN u.changed_by IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('changed_by', u.changed_by) END
        || CASE WHEN u.set_by_other_at IS NULL THEN '{}'::jsonb
                ELSE jsonb_build_object('set_by_other_at', u.set_by_other_at) END
        || CASE WHEN u.must_change_password THEN jsonb_build_object('must_change_password', true)
                ELSE '{}'::jsonb END)::text
      FROM console_user u WHERE u.id = $1
$$;

-- 2. Security-relevant acts that are not rows of their own elsewhere: API tokens made and revoked, bulk jobs cancelled
--    or withdrawn, failed deliveries retried, the approval settings a console started with. Append-only; each act is
--    a record of the audit chain (subject 'act').
CREATE TABLE security_act (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       TIMESTAMPTZ  NOT NULL,
    actor    VARCHAR(128) NOT NULL,
    act      VARCHAR(32)  NOT NULL CHECK (act IN ('TOKEN_CREATED', 'TOKEN_REVOKED', 'JOB_CANCELLED', 'JOB_WITHDRAWN',
                                                  'JOB_RETRIED', 'APPROVAL_SETTINGS')),
    subject  VARCHAR(64),
    detail   TEXT         NOT NULL
);

ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_check CHECK (kind IN ('REQUESTED', 'COMPLETED',
    'ACCOUNT_CREATED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED', 'MIGRATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED',
    'LOGIN_THROTTLED', 'LOGIN_LOCKED', 'LOGIN_UNLOCKED', 'JOB_RECORDED', 'JOB_APPROVED', 'JOB_REJECTED',
    'JOB_EXPIRED', 'TOKEN_CREATED', 'TOKEN_REVOKED', 'JOB_CANCELLED', 'JOB_WITHDRAWN', 'JOB_RETRIED',
    'APPROVAL_SETTINGS'));
ALTER TABLE audit_event DROP CONSTRAINT audit_event_subject_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_check CHECK (subject IN ('request', 'account', 'login',
    'bulk_job', 'act'));

-- The recorded state of an act, as canonical JSON text (NULL when it does not exist).
CREATE FUNCTION audit_act_state(act_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT jsonb_build_object('id', a.id, 'at', a.at, 'actor', a.actor, 'act', a.act, 'subject', a.subject,
                              'detail', a.detail)::text
      FROM security_act a WHERE a.id = $1
$$;

CREATE FUNCTION audit_act_written() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_append(NEW.act, 'act', NEW.id, audit_act_state(NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER security_act_audit AFTER INSERT ON security_act FOR EACH ROW EXECUTE FUNCTION audit_act_written();
CREATE TRIGGER security_act_append_only BEFORE UPDATE OR DELETE ON security_act
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER security_act_no_truncate BEFORE TRUNCATE ON security_act
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();


-- 3. A delivery sent again after "retry the failed deliveries" is sent in the name of whoever asked for the retry.
ALTER TABLE bulk_delivery ADD COLUMN retried_by VARCHAR(128);
