-- Views for auditors who query the database directly (see README, "Audit with SQL").

-- One row per object of every emergency-policy request, with who, when and what became of it.
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
