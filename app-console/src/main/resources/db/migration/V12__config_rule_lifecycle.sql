-- The life of a Config rule after it was added (see README, "The life of a Config rule"): enabling, disabling, running
-- an evaluation, updating and deleting it are operations of their own. An entry names the rule it was about
-- (rule_id; an added rule's ID is its result_id), and a later step of an operation names the entry of its first step
-- (step_of: a delete of an enabled rule disables it first, then deletes it).
ALTER TABLE request_history DROP CONSTRAINT request_history_operation_check;
ALTER TABLE request_history ADD CONSTRAINT request_history_operation_check CHECK (operation IN (
    'CREATE_EMERGENCY_POLICY', 'RETRY_EMERGENCY_POLICY', 'REMOVE_EMERGENCY_POLICY', 'CHANGE_POLICY_AGEING',
    'ADD_CONFIG_RULE', 'ENABLE_CONFIG_RULE', 'DISABLE_CONFIG_RULE', 'EVALUATE_CONFIG_RULE', 'UPDATE_CONFIG_RULE',
    'DELETE_CONFIG_RULE'));
ALTER TABLE request_history ADD COLUMN rule_id VARCHAR(64);
ALTER TABLE request_history ADD COLUMN step_of BIGINT REFERENCES request_history (id);
CREATE INDEX request_history_step_idx ON request_history (step_of) WHERE step_of IS NOT NULL;
CREATE INDEX request_history_rule_idx ON request_history (domain_id, rule_name) WHERE rule_name IS NOT NULL;

-- The rule and the step are part of an entry's audit state once recorded (older entries, without them, keep theirs).
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
        || jsonb_strip_nulls(jsonb_build_object('rule_id', h.rule_id, 'step_of', h.step_of)))::text
      FROM request_history h WHERE h.id = $1
$$;

-- ... and part of the request: written with it, never changed.
CREATE OR REPLACE FUNCTION request_history_guard() RETURNS TRIGGER
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
       OR NEW.request_body IS DISTINCT FROM OLD.request_body
       OR NEW.request_structure IS DISTINCT FROM OLD.request_structure
       OR NEW.console_instance IS DISTINCT FROM OLD.console_instance
       OR NEW.rule_id IS DISTINCT FROM OLD.rule_id OR NEW.step_of IS DISTINCT FROM OLD.step_of THEN
        PERFORM audit_refuse('the request of history entry ' || OLD.id || ' cannot be changed, only its outcome');
    END IF;
    RETURN NEW;
END
$$;
