-- What each database role may do (see README, "Database roles"). Flyway runs this after the versioned migrations, and
-- again whenever this file or a role name changes, as the role that owns every object here (quarkus.flyway.username,
-- policyconsole_owner): only the owner can alter, drop or truncate a table, switch its triggers off or redefine a
-- function. The roles exist already (scripts/db-roles.sh creates them); ${app_role} is the console at runtime,
-- ${auditor_role} auditors who query the database. Everything is revoked first and granted again below, so that this
-- file alone says who may do what. A migration that adds a table, view or function the console or an auditor uses,
-- or makes one again, changes this file too (DatabaseRolesTest fails until it does).

-- 1. Nothing for anybody by default: no role but the owner creates objects here, uses a table or runs a function.
REVOKE ALL ON SCHEMA public FROM PUBLIC, ${app_role}, ${auditor_role};
GRANT USAGE ON SCHEMA public TO ${app_role}, ${auditor_role};
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, ${app_role}, ${auditor_role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, ${app_role}, ${auditor_role};
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, ${app_role}, ${auditor_role};
-- ... nor a function a later migration makes.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- 2. The audit chain is written by the owner's functions only: the triggers that append a record for every write
--    and the sealer run with the owner's rights (SECURITY DEFINER, on a search path nobody else can put objects in),
--    so the console can neither insert a record of its own nor change one, and calls audit_seal to seal them.
--    CREATE OR REPLACE FUNCTION drops these settings: a migration that makes one of them again changes this file.
ALTER FUNCTION audit_request_written() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION audit_account_written() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION audit_login_written() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION audit_bulk_job_written() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION audit_act_written() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION audit_seal(INTEGER, BOOLEAN) SECURITY DEFINER SET search_path = public, pg_temp;

-- 3. The console at runtime: it reads what it reads, inserts what it records, updates only the columns its state
--    machines move, and deletes only what is not history (drafts, leases, login counters, unanswered idempotency
--    keys). The append-only triggers still decide which changes of an entry, a job or a delivery are allowed.

-- History entries: Hibernate writes every mapped column when it completes an entry, and the approval's decision is
-- written beside them; request_history_guard lets only a PENDING entry's outcome, or a held entry's decision, change.
GRANT SELECT, INSERT ON request_history TO ${app_role};
GRANT UPDATE (operation, actor, status, requested_at, completed_at, duration_ms, project_id, workspace_id, domain_id,
              policy_category, block_type, ages_out_at, rule_name, retry_of, http_status, error_code, error_message,
              cloud_request_id, result_id, result_state, request_method, request_url, request_headers, request_body,
              response_body, request_structure, console_instance, rule_id, step_of, approval_reasons, requested_by,
              approval_hash, approval_expires_at, decided_by, decided_at, decision_reason)
    ON request_history TO ${app_role};
GRANT SELECT, INSERT ON request_target TO ${app_role};
GRANT SELECT, INSERT ON policy_change_subject TO ${app_role};
GRANT SELECT, INSERT ON secmaster_policy TO ${app_role};
GRANT UPDATE (policy_id, delivery, layers, checked_at, next_check_at, checks, ageing_changed, ages_out_at, removed_by)
    ON secmaster_policy TO ${app_role};

-- The audit chain: read (its head, the verifier), never written directly.
GRANT SELECT ON audit_event, audit_chain_head TO ${app_role};

-- Accounts (Hibernate writes every mapped column of a changed account; the trigger records each change) and the API.
GRANT SELECT, INSERT ON console_user TO ${app_role};
GRANT UPDATE (username, password_hash, roles, enabled, created_at, updated_at, changed_by, set_by_other_at,
              must_change_password)
    ON console_user TO ${app_role};
GRANT SELECT, INSERT ON api_token TO ${app_role};
GRANT UPDATE (last_used_at, revoked_at) ON api_token TO ${app_role};
GRANT SELECT, INSERT ON api_rate_window TO ${app_role};
GRANT UPDATE (calls) ON api_rate_window TO ${app_role};
GRANT SELECT, INSERT, DELETE ON api_idempotency TO ${app_role};
GRANT UPDATE (status, body, location) ON api_idempotency TO ${app_role};

-- Logins: counted failures are forgotten after a success, events are append-only.
GRANT SELECT, INSERT, DELETE ON login_counter TO ${app_role};
GRANT UPDATE (failures, last_failure_at, not_before, locked) ON login_counter TO ${app_role};
GRANT SELECT, INSERT ON login_event TO ${app_role};
GRANT SELECT, INSERT, DELETE ON login_throttle_window TO ${app_role};
GRANT SELECT, INSERT ON session_epoch TO ${app_role};
GRANT UPDATE (epoch) ON session_epoch TO ${app_role};
GRANT UPDATE (attempts) ON login_throttle_window TO ${app_role};
GRANT SELECT, INSERT ON security_act TO ${app_role};

-- Leases of the consoles sharing the database: renewed, dropped at a clean stop.
GRANT SELECT, INSERT, DELETE ON console_lease TO ${app_role};
GRANT UPDATE (heartbeat_at) ON console_lease TO ${app_role};

-- Bulk jobs and their deliveries (claimed FOR UPDATE SKIP LOCKED, which needs UPDATE on a column), drafts.
GRANT SELECT, INSERT ON bulk_job TO ${app_role};
GRANT UPDATE (status, finished_at, decision, decided_by, decided_at, decision_reason) ON bulk_job TO ${app_role};
GRANT USAGE ON SEQUENCE bulk_job_id_seq TO ${app_role};
GRANT SELECT, INSERT ON bulk_delivery TO ${app_role};
GRANT UPDATE (state, claimed_by, claimed_at, entry_id, attempts, not_before, retried_by) ON bulk_delivery TO ${app_role};
GRANT SELECT, INSERT, DELETE ON bulk_draft TO ${app_role};

-- Functions: sealing (and its lock's key, for whoever seals), the refusal the append-only triggers raise in the
-- writer's name, and the recorded states the verifier compares each row with.
GRANT EXECUTE ON FUNCTION audit_seal(INTEGER, BOOLEAN), audit_seal_lock_key(), audit_refuse(TEXT),
    audit_request_state(BIGINT), audit_account_state(BIGINT), audit_login_state(BIGINT), audit_bulk_job_state(BIGINT),
    audit_act_state(BIGINT)
    TO ${app_role};

-- 4. Auditors: the audit views and the chain, nothing else (no account, password or token hash, no request row).
GRANT SELECT ON audit_policy_objects, audit_failures, audit_failures_by_actor, audit_approvals,
    audit_config_rule_operations, audit_bulk_jobs, audit_bulk_deliveries, audit_logins, audit_account_changes,
    audit_event, audit_chain_head
    TO ${auditor_role};
