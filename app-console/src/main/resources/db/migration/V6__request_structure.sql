-- The request of every history entry kept as a structure beside its URL and header text: the path template and its
-- values, the query and the headers (secrets masked), as JSON text
-- {"path_template": …, "path_parameters": {…}, "query": {…}, "headers": {…}}. A retry reads the request back from
-- it and from request_body, without parsing a URL or header lines.
ALTER TABLE request_history ADD COLUMN request_structure TEXT;

-- A new kind of audit record: MIGRATED, a change made by a migration (below: the structure of older entries).
ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_check CHECK (kind IN ('REQUESTED', 'COMPLETED', 'MIGRATED',
    'ACCOUNT_CREATED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED'));

-- The audit state of an entry holds its structure once it has one; entries recorded before keep their states.
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
                ELSE jsonb_build_object('request_structure', h.request_structure::jsonb) END)::text
      FROM request_history h WHERE h.id = $1
$$;

-- The structure given to entries recorded before this migration is a change of its own in the chain: MIGRATED.
CREATE OR REPLACE FUNCTION audit_request_written() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_append(CASE WHEN TG_OP = 'INSERT' THEN 'REQUESTED'
                              WHEN OLD.request_structure IS NULL AND NEW.request_structure IS NOT NULL THEN 'MIGRATED'
                              ELSE 'COMPLETED' END,
                         'request', NEW.id, audit_request_state(NEW.id));
    RETURN NULL;
END
$$;

-- The structure is part of the request: written with it, never changed.
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
       OR NEW.request_structure IS DISTINCT FROM OLD.request_structure THEN
        PERFORM audit_refuse('the request of history entry ' || OLD.id || ' cannot be changed, only its outcome');
    END IF;
    RETURN NEW;
END
$$;

-- Entries recorded before: their structure, once, from their own columns — the path values are the project,
-- workspace and domain columns, the action follows from the operation, the headers from their lines.
ALTER TABLE request_history DISABLE TRIGGER request_history_append_only;
UPDATE request_history h SET request_structure = jsonb_build_object(
        'path_template', CASE WHEN h.operation = 'ADD_CONFIG_RULE'
                              THEN '/v1/resource-manager/domains/{domain_id}/policy-assignments'
                              ELSE '/v1/{project_id}/workspaces/{workspace_id}/soc/policys' END,
        'path_parameters', CASE WHEN h.operation = 'ADD_CONFIG_RULE'
                                THEN jsonb_build_object('domain_id', coalesce(h.domain_id, ''))
                                ELSE jsonb_build_object('project_id', h.project_id, 'workspace_id', h.workspace_id) END,
        'query', CASE WHEN h.operation = 'ADD_CONFIG_RULE' THEN '{}'::jsonb
                      WHEN h.operation = 'RETRY_EMERGENCY_POLICY' THEN jsonb_build_object('action_type', 'retry')
                      ELSE jsonb_build_object('action_type', 'create') END,
        'headers', coalesce((SELECT jsonb_object_agg(split_part(line, ':', 1), btrim(substr(line, strpos(line, ':') + 1)))
                               FROM regexp_split_to_table(h.request_headers, E'\n') AS line
                              WHERE strpos(line, ':') > 0), '{}'::jsonb))::text
 WHERE h.request_structure IS NULL;
-- The audit records of those changes are written now, not at commit: the table cannot be altered while they wait.
SET CONSTRAINTS request_history_audit IMMEDIATE;
ALTER TABLE request_history ENABLE TRIGGER request_history_append_only;
