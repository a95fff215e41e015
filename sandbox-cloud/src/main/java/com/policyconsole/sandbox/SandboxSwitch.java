package com.policyconsole.sandbox;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Turns the sandbox cloud and its admin page off in live mode ({@code policyconsole.console.sandbox=false}). */
public class SandboxSwitch {

    private final boolean on;

    public SandboxSwitch(@ConfigProperty(name = "policyconsole.console.sandbox", defaultValue = "true") boolean on) {
        this.on = on;
    }

    @ServerRequestFilter(preMatching = true)
    public Response offInLiveMode(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean sandboxPath = path.startsWith("/sandbox/") || path.startsWith("/admin/sandbox");
        return sandboxPath && !on ? Response.status(404).build() : null;
    }
}
