package com.policyconsole.console.adapter.in.web;

import com.policyconsole.domain.validation.KnownConnections;
import java.util.List;
import java.util.Objects;

/**
 * What the pages need of the configuration, given them by the wiring: the values the forms propose, the operation
 * connections they offer, and whether the sandbox cloud is served.
 *
 * @param projectId the project the emergency-policy form proposes
 * @param workspaceId the SecMaster workspace it proposes
 * @param secmasterVersion the {@code x-secmaster-version} it proposes
 * @param domainId the account the rule form proposes
 * @param defaultRegion the region the emergency-policy form proposes
 * @param connections the operation connections the form offers
 * @param sandbox whether the sandbox cloud and its admin page are served
 */
public record WebSettings(String projectId, String workspaceId, String secmasterVersion, String domainId,
                          String defaultRegion, List<ConfiguredConnection> connections, boolean sandbox) {

    public WebSettings {
        Objects.requireNonNull(projectId, "'projectId' must not be null");
        Objects.requireNonNull(workspaceId, "'workspaceId' must not be null");
        Objects.requireNonNull(domainId, "'domainId' must not be null");
        connections = List.copyOf(connections);
    }

    /** The configured connections, which an API create must name. */
    public KnownConnections knownConnections() {
        return new KnownConnections(connections.stream().map(ConfiguredConnection::connection).toList());
    }
}
