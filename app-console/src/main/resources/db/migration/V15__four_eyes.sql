-- Four-eyes approval (see README, "Four-eyes approval"): a submission that needs a second person is recorded as
-- AWAITING_APPROVAL with why, who asked, until when, and the hash of its exact request; another person with the
-- approver role approves it (it becomes PENDING and is sent as recorded) or rejects it (REJECTED), or it EXPIRED.
-- The status column grows for the new status; the views over it are made again as they were.
DROP VIEW audit_failures_by_actor;
DROP VIEW audit_failures;
DROP VIEW audit_policy_objects;
ALTER TABLE request_history ALTER COLUMN status TYPE VARCHAR(24);
ALTER TABLE request_history DROP CONSTRAINT request_history_status_check;
ALTER TABLE request_history ADD CONSTRAINT request_history_status_check CHECK (status IN ('AWAITING_APPROVAL',
    'PENDING', 'SUCCEEDED', 'FAILED', 'REFUSED', 'UNKNOWN', 'REJECTED', 'EXPIRED'));
ALTER TABLE request_history ADD COLUMN approval_reasons TEXT,
                            ADD COLUMN requested_by VARCHAR(64),
                            ADD COLUMN approval_hash VARCHAR(64),
                            ADD COLUMN approval_expires_at TIMESTAMPTZ,
                            ADD COLUMN decided_by VARCHAR(128),
                            ADD COLUMN decided_at TIMESTAMPTZ,
                            ADD COLUMN decision_reason TEXT;
CREATE INDEX request_history_awaiting_idx ON request_history (approval_expires_at) WHERE status = 'AWAITING_APPROVAL';

CREATE VIEW audit_policy_objects AS
SELECT h.id AS entry_id, h.requested_at, h.actor, h.operation, h.status, h.policy_category, h.block_type,
       t.target, t.network, h.ages_out_at, h.project_id, h.workspace_id, h.retry_of, h.http_status,
       h.error_code, h.error_message, h.cloud_request_id, h.result_id
FROM request_history h
JOIN request_target t ON t.entry_id = h.id
WHERE h.operation IN ('CREATE_EMERGENCY_POLICY', 'RETRY_EMERGENCY_POLICY');

-- Every request that did not succeed, newest first per actor.
CREATE VIEW audit_failures AS
SELECT h.actor, h.id AS entry_id, h.requested_at, h.operation, h.status, h.http_status, h.error_code,
       h.error_message, h.cloud_request_id
FROM request_history h
WHERE h.status IN ('FAILED', 'REFUSED', 'UNKNOWN');

-- Failures counted by actor and status.
CREATE VIEW audit_failures_by_actor AS
SELECT actor, status, count(*) AS requests, max(requested_at) AS latest
FROM audit_failures
GROUP BY actor, status;

-- The approver role.
ALTER TABLE console_user DROP CONSTRAINT console_user_roles_check;
ALTER TABLE console_user ADD CONSTRAINT console_user_roles_check CHECK (
    roles ~ '^(operator|auditor|approver|admin)(,(operator|auditor|approver|admin))*$');
ALTER TABLE api_token DROP CONSTRAINT api_token_roles_check;
ALTER TABLE api_token ADD CONSTRAINT api_token_roles_check CHECK (
    roles ~ '^(operator|auditor|approver|admin)(,(operator|auditor|approver|admin))*$');

-- The hold and the decision are part of an entry's audit state (older entries, without them, keep theirs).
CREATE OR REPLACE FUNCTION audit_request_state(entry_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT (jsonb_build_object(
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
                               FROM request_target t WHERE t.entry_id = h.id), '[]'::jsonb))
        || CASE WHEN h.request_structure IS NULL THEN '{}'::jsonb
                ELSE jsonb_build_object('request_structure', h.request_structure::jsonb) END
        || CASE WHEN h.console_instance IS NULL THEN '{}'::jsonb
                ELSE jsonb_build_object('console_instance', h.console_instance) END
        || jsonb_strip_nulls(jsonb_build_object('rule_id', h.rule_id, 'step_of', h.step_of,
               'approval_reasons', h.approval_reasons, 'requested_by', h.requested_by,
               'approval_hash', h.approval_hash, 'approval_expires_at', h.approval_expires_at,
               'decided_by', h.decided_by, 'decided_at', h.decided_at, 'decision_reason', h.decision_reason)))::text
      FROM request_history h WHERE h.id = $1
$$;

-- ... the hold is part of the request, the decision is written once.
CREATE OR REPLACE FUNCTION request_history_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM audit_refuse('history entry ' || OLD.id || ' cannot be deleted');
    END IF;
    IF OLD.status NOT IN ('PENDING', 'AWAITING_APPROVAL') THEN
        PERFORM audit_refuse('history entry ' || OLD.id || ' is final (' || OLD.status || ') and cannot be changed');
    END IF;
    -- held for approval: it is approved (to be sent: PENDING), rejected or expired, once, and nothing else changes
    IF OLD.status = 'AWAITING_APPROVAL' AND (NEW.status NOT IN ('AWAITING_APPROVAL', 'PENDING', 'REJECTED', 'EXPIRED')
       OR NEW.completed_at IS DISTINCT FROM OLD.completed_at AND NEW.status = 'PENDING') THEN
        PERFORM audit_refuse('history entry ' || OLD.id || ' awaits approval: it is approved, rejected or expired');
    END IF;
    IF OLD.status = 'PENDING' AND (NEW.decided_by IS DISTINCT FROM OLD.decided_by
       OR NEW.decided_at IS DISTINCT FROM OLD.decided_at OR NEW.decision_reason IS DISTINCT FROM OLD.decision_reason) THEN
        PERFORM audit_refuse('the approval of history entry ' || OLD.id || ' cannot be changed');
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.operation IS DISTINCT FROM OLD.operation
       OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.requested_at IS DISTINCT FROM OLD.requested_at
       OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.workspace_id IS DISTINCT FROM OLD.workspace_id
       OR NEW.domain_id IS DISTINCT FROM OLD.domain_id OR NEW.policy_category IS DISTINCT FROM OLD.policy_category
       OR NEW.block_type IS DISTINCT FROM OLD.block_type OR NEW.ages_out_at IS DISTINCT FROM OLD.ages_out_at
       OR NEW.rule_name IS DISTINCT FROM OLD.rule_name OR NEW.retry_of IS DISTINCT FROM OLD.retry_of
       OR NEW.request_method IS DISTINCT FROM OLD.request_method OR NEW.request_url IS DISTINCT FROM OLD.request_url
       OR NEW.request_headers IS DISTINCT FROM OLD.request_headers
       OR NEW.request_body IS DISTINCT FROM OLD.request_body
       OR NEW.request_structure IS DISTINCT FROM OLD.request_structure
       OR NEW.console_instance IS DISTINCT FROM OLD.console_instance
       OR NEW.rule_id IS DISTINCT FROM OLD.rule_id OR NEW.step_of IS DISTINCT FROM OLD.step_of
       OR NEW.approval_reasons IS DISTINCT FROM OLD.approval_reasons OR NEW.requested_by IS DISTINCT FROM OLD.requested_by
       OR NEW.approval_hash IS DISTINCT FROM OLD.approval_hash
       OR NEW.approval_expires_at IS DISTINCT FROM OLD.approval_expires_at THEN
        PERFORM audit_refuse('the request of history entry ' || OLD.id || ' cannot be changed, only its outcome');
    END IF;
    RETURN NEW;
END
$$;
