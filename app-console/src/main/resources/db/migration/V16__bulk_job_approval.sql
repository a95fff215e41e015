-- Four-eyes for bulk jobs (see README, "Four-eyes approval"): a job over the configured number of objects is recorded
-- AWAITING_APPROVAL with why, who asked, until when and the hash of every delivery's request; none of its deliveries
-- is claimed until another person with the approver role approves it (RUNNING), and never once it is REJECTED or
-- EXPIRED. Each job - what it asked for, its objects, its hold and its decision - is a record of the audit chain
-- (subject 'bulk_job'), written when it is recorded and when it is decided.
ALTER TABLE bulk_job DROP CONSTRAINT bulk_job_status_check;
ALTER TABLE bulk_job ALTER COLUMN status TYPE VARCHAR(24);
ALTER TABLE bulk_job ADD CONSTRAINT bulk_job_status_check CHECK (status IN ('AWAITING_APPROVAL', 'REJECTED', 'EXPIRED',
    'RUNNING', 'CANCELLED', 'FINISHED'));
ALTER TABLE bulk_job ADD COLUMN approval_reasons TEXT,
                     ADD COLUMN requested_by VARCHAR(64),
                     ADD COLUMN approval_hash VARCHAR(64),
                     ADD COLUMN approval_expires_at TIMESTAMPTZ,
                     ADD COLUMN decision VARCHAR(8) CHECK (decision IN ('APPROVED', 'REJECTED', 'EXPIRED')),
                     ADD COLUMN decided_by VARCHAR(128),
                     ADD COLUMN decided_at TIMESTAMPTZ,
                     ADD COLUMN decision_reason TEXT;
CREATE INDEX bulk_job_awaiting_idx ON bulk_job (approval_expires_at) WHERE status = 'AWAITING_APPROVAL';

ALTER TABLE audit_event DROP CONSTRAINT audit_event_kind_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_kind_check CHECK (kind IN ('REQUESTED', 'COMPLETED',
    'ACCOUNT_CREATED', 'ACCOUNT_CHANGED', 'ACCOUNT_REMOVED', 'MIGRATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED',
    'LOGIN_THROTTLED', 'LOGIN_LOCKED', 'LOGIN_UNLOCKED', 'JOB_RECORDED', 'JOB_APPROVED', 'JOB_REJECTED',
    'JOB_EXPIRED'));
ALTER TABLE audit_event DROP CONSTRAINT audit_event_subject_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_check CHECK (subject IN ('request', 'account', 'login',
    'bulk_job'));

-- The recorded state of a bulk job, as canonical JSON text (NULL when it does not exist): what was asked, its
-- deliveries' objects, its hold and its decision; not its progress.
CREATE FUNCTION audit_bulk_job_state(job_id BIGINT) RETURNS TEXT
LANGUAGE sql STABLE SET timezone TO 'UTC' AS $$
    SELECT (jsonb_build_object(
        'id', j.id, 'actor', j.actor, 'created_at', j.created_at, 'project_id', j.project_id,
        'workspace_id', j.workspace_id, 'template', j.template, 'secmaster_version', j.secmaster_version,
        'deliveries', coalesce((SELECT jsonb_agg(jsonb_build_array(d.number, d.objects) ORDER BY d.number)
                                  FROM bulk_delivery d WHERE d.job_id = j.id), '[]'::jsonb))
        || jsonb_strip_nulls(jsonb_build_object('approval_reasons', j.approval_reasons,
               'requested_by', j.requested_by, 'approval_hash', j.approval_hash,
               'approval_expires_at', j.approval_expires_at, 'decision', j.decision, 'decided_by', j.decided_by,
               'decided_at', j.decided_at, 'decision_reason', j.decision_reason)))::text
      FROM bulk_job j WHERE j.id = $1
$$;

CREATE FUNCTION audit_bulk_job_written() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM audit_append(CASE WHEN TG_OP = 'INSERT' THEN 'JOB_RECORDED' ELSE 'JOB_' || NEW.decision END,
                         'bulk_job', NEW.id, audit_bulk_job_state(NEW.id));
    RETURN NULL;
END
$$;
-- Deferred: the job's deliveries are recorded after it, in the same transaction.
CREATE CONSTRAINT TRIGGER bulk_job_audit AFTER INSERT ON bulk_job
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_bulk_job_written();
CREATE TRIGGER bulk_job_decision_audit AFTER UPDATE ON bulk_job
    FOR EACH ROW WHEN (OLD.decision IS NULL AND NEW.decision IS NOT NULL) EXECUTE FUNCTION audit_bulk_job_written();

-- What a job asked for and its hold are written with it; its decision once; a delivery's objects never change.
CREATE FUNCTION bulk_job_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.actor, NEW.created_at, NEW.project_id, NEW.workspace_id, NEW.template, NEW.secmaster_version,
           NEW.approval_reasons, NEW.requested_by, NEW.approval_hash, NEW.approval_expires_at)
       IS DISTINCT FROM ROW(OLD.actor, OLD.created_at, OLD.project_id, OLD.workspace_id, OLD.template,
           OLD.secmaster_version, OLD.approval_reasons, OLD.requested_by, OLD.approval_hash, OLD.approval_expires_at)
       OR OLD.decision IS NOT NULL AND ROW(NEW.decision, NEW.decided_by, NEW.decided_at, NEW.decision_reason)
          IS DISTINCT FROM ROW(OLD.decision, OLD.decided_by, OLD.decided_at, OLD.decision_reason) THEN
        PERFORM audit_refuse('bulk job ' || OLD.id || ': what it asked for, its hold and its decision are written once');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER bulk_job_written_once BEFORE UPDATE ON bulk_job FOR EACH ROW EXECUTE FUNCTION bulk_job_guard();

CREATE FUNCTION bulk_delivery_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.job_id, NEW.number, NEW.objects, NEW.object_count)
       IS DISTINCT FROM ROW(OLD.job_id, OLD.number, OLD.objects, OLD.object_count) THEN
        PERFORM audit_refuse('bulk delivery ' || OLD.job_id || '/' || OLD.number || ': its objects never change');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER bulk_delivery_objects_once BEFORE UPDATE ON bulk_delivery
    FOR EACH ROW EXECUTE FUNCTION bulk_delivery_guard();

-- The jobs recorded before this migration enter the chain as they are.
SELECT audit_append('MIGRATED', 'bulk_job', id, audit_bulk_job_state(id)) FROM bulk_job ORDER BY id;
