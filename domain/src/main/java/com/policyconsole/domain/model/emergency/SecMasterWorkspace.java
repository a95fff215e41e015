package com.policyconsole.domain.model.emergency;

/**
 * The path values of every emergency-policy call (Table 1): the project and the SecMaster workspace.
 *
 * @param projectId {@code project_id}
 * @param workspaceId {@code workspace_id}
 */
public record SecMasterWorkspace(String projectId, String workspaceId) {
}
