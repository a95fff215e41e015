-- The workspace filter alone (without a project) also gets its index.
CREATE INDEX request_history_workspace_only_idx ON request_history (workspace_id, requested_at DESC, id DESC);
