package com.policyconsole.console.sandbox;

import com.policyconsole.console.config.ConsoleSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Turns the sandbox cloud and its admin page off in live mode ({@code policyconsole.console.sandbox=false}). */
public class SandboxSwitch {

    private final ConsoleSettings settings;

    public SandboxSwitch(ConsoleSettings settings) {
        this.settings = settings;
    }

    @ServerRequestFilter(preMatching = true)
    public Response offInLiveMode(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean sandboxPath = path.startsWith("/sandbox/") || path.startsWith("/admin/sandbox");
        return sandboxPath && !settings.sandbox() ? Response.status(404).build() : null;
    }
}
