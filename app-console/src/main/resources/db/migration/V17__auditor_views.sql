-- More views for auditors who query the database directly (see README, "Database roles"): approvals and their
-- decisions, Config rule operations, bulk jobs and their deliveries, logins and account changes. The auditor role
-- reads these views, the three of V3 and the audit chain, never the tables behind them (R__database_roles.sql), so
-- that no password or token hash reaches it.

-- Every submission and every bulk job held for a second person, with what became of the hold: decision is APPROVED,
-- REJECTED or EXPIRED, NULL while it awaits one; status is where the entry or job is now.
CREATE VIEW audit_approvals AS
SELECT 'request' AS subject, h.id AS subject_id, h.operation, h.actor, h.requested_by, h.requested_at,
       h.approval_reasons, h.approval_expires_at, h.approval_hash,
       CASE WHEN h.status IN ('REJECTED', 'EXPIRED') THEN h.status
            WHEN h.status <> 'AWAITING_APPROVAL' AND h.decided_by IS NOT NULL THEN 'APPROVED' END AS decision,
       h.decided_by, h.decided_at, h.decision_reason, h.status, h.project_id, h.workspace_id, h.domain_id
FROM request_history h
WHERE h.approval_hash IS NOT NULL
UNION ALL
SELECT 'bulk_job', j.id, 'BULK_JOB', j.actor, j.requested_by, j.created_at, j.approval_reasons, j.approval_expires_at,
       j.approval_hash, j.decision, j.decided_by, j.decided_at, j.decision_reason, j.status, j.project_id,
       j.workspace_id, NULL
FROM bulk_job j
WHERE j.approval_hash IS NOT NULL;

-- Every operation on a Config rule: adding, enabling, disabling, evaluating, updating and deleting it; rule_id is the
-- rule it was about (an added rule's is its result), step_of the entry whose later step it is (a delete that disabled
-- the rule first).
CREATE VIEW audit_config_rule_operations AS
SELECT h.id AS entry_id, h.requested_at, h.completed_at, h.actor, h.operation, h.status, h.domain_id, h.rule_name,
       coalesce(h.rule_id, CASE WHEN h.operation = 'ADD_CONFIG_RULE' THEN h.result_id END) AS rule_id, h.step_of,
       h.retry_of, h.result_state, h.http_status, h.error_code, h.error_message, h.cloud_request_id, h.decided_by,
       h.decided_at
FROM request_history h
WHERE h.operation IN ('ADD_CONFIG_RULE', 'ENABLE_CONFIG_RULE', 'DISABLE_CONFIG_RULE', 'EVALUATE_CONFIG_RULE',
                      'UPDATE_CONFIG_RULE', 'DELETE_CONFIG_RULE');

-- Every bulk job: who started it, its deliveries and objects counted by state, and its hold and decision if it had one.
CREATE VIEW audit_bulk_jobs AS
SELECT j.id AS job_id, j.actor, j.created_at, j.project_id, j.workspace_id, j.status, j.finished_at,
       count(d.number) AS deliveries, coalesce(sum(d.object_count), 0) AS objects,
       count(d.number) FILTER (WHERE d.state = 'SUCCEEDED') AS succeeded,
       count(d.number) FILTER (WHERE d.state = 'FAILED') AS failed,
       count(d.number) FILTER (WHERE d.state = 'CANCELLED') AS cancelled,
       count(d.number) FILTER (WHERE d.state IN ('WAITING', 'SENDING', 'DELIVERING')) AS in_progress,
       j.approval_hash IS NOT NULL AS held_for_approval, j.decision, j.decided_by, j.decided_at
FROM bulk_job j
LEFT JOIN bulk_delivery d ON d.job_id = j.id
GROUP BY j.id;

-- Every delivery of every bulk job: its objects (one per line), its state, and the history entry that sent it.
CREATE VIEW audit_bulk_deliveries AS
SELECT d.job_id, d.number, j.actor, j.project_id, j.workspace_id, d.object_count, d.objects, d.state, d.not_before,
       d.claimed_at, d.attempts, d.entry_id, h.status AS entry_status, h.requested_at, h.completed_at, h.http_status,
       h.error_code, h.result_id AS task_id
FROM bulk_delivery d
JOIN bulk_job j ON j.id = d.job_id
LEFT JOIN request_history h ON h.id = d.entry_id;

-- Every login (succeeded, failed, refused unchecked), lock and unlock, with its record in the audit chain (position
-- NULL until it is sealed).
CREATE VIEW audit_logins AS
SELECT l.id AS event_id, l.at, l.kind, l.username, l.address, l.actor, a.position, a.seq
FROM login_event l
LEFT JOIN audit_event a ON a.subject = 'login' AND a.subject_id = l.id;

-- Every creation, change and removal of a console account, from its records in the audit chain, next to the state
-- before it: roles, enabled, whether the password was set (the chain holds a digest of the hash, never the hash), and
-- who made the change when the console recorded it (changed_by; NULL in older records).
CREATE VIEW audit_account_changes AS
SELECT r.recorded_at, r.kind, r.subject_id AS account_id, r.state ->> 'username' AS username,
       r.state ->> 'roles' AS roles, lag(r.state ->> 'roles') OVER w AS roles_before,
       (r.state ->> 'enabled')::boolean AS enabled, lag((r.state ->> 'enabled')::boolean) OVER w AS enabled_before,
       r.state ? 'password_digest'
           AND (r.state ->> 'password_digest') IS DISTINCT FROM lag(r.state ->> 'password_digest') OVER w
           AS password_set,
       r.state ->> 'changed_by' AS changed_by, r.position, r.seq
FROM (SELECT e.recorded_at, e.kind, e.subject_id, e.position, e.seq, e.payload::jsonb AS state
      FROM audit_event e
      WHERE e.subject = 'account') r
WINDOW w AS (PARTITION BY r.subject_id ORDER BY r.position IS NULL, r.position, r.seq);
