package com.policyconsole.adapter.out.auth;

/**
 * What a call's credentials must be scoped to: a project (SecMaster is project-scoped) or an account, i.e. a
 * domain (Config is global). It decides the IAM token scope and the AK/SK {@code X-Project-Id} /
 * {@code X-Domain-Id} header.
 */
public sealed interface AuthScope permits AuthScope.Project, AuthScope.Domain {

    /**
     * Project scope.
     *
     * @param projectId the project ID, as in the request path
     */
    record Project(String projectId) implements AuthScope {
        public Project {
            if (projectId == null || projectId.isBlank()) {
                throw new IllegalArgumentException("'projectId' must not be blank");
            }
        }
    }

    /**
     * Domain (account) scope.
     *
     * @param domainId the account ID, or {@code null} when unknown (IAM then scopes by the user's domain name,
     *                 and AK/SK sends no {@code X-Domain-Id})
     */
    record Domain(String domainId) implements AuthScope {
        public Domain {
            if (domainId != null && domainId.isBlank()) {
                domainId = null;
            }
        }
    }
}
