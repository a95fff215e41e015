package com.policyconsole.console.config;

import com.policyconsole.adapter.out.http.CloudSettings;
import com.policyconsole.console.adapter.in.web.ConfiguredConnection;
import com.policyconsole.console.adapter.in.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Gives the pages what they need of the cloud's and the console's settings, so that they read neither. */
@ApplicationScoped
public class WebWiring {

    @Produces
    @Singleton
    WebSettings webSettings(CloudSettings cloud, ConsoleSettings console) {
        return new WebSettings(cloud.projectId().orElse(""), cloud.workspaceId().orElse(""), cloud.secmasterVersion(),
                cloud.domainId().orElse(""), console.defaultRegion(),
                ConfiguredConnection.parseAll(console.connections()), console.sandbox());
    }
}
