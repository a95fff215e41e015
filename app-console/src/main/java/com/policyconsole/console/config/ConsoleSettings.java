package com.policyconsole.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Settings of the console itself (prefix {@code policyconsole.console}); the cloud's are in the adapters' settings. */
@ConfigMapping(prefix = "policyconsole.console")
public interface ConsoleSettings {

    /** Whether the embedded sandbox cloud serves the SecMaster and Config endpoints (off in live mode). */
    @WithDefault("true")
    boolean sandbox();

    /** Region ID the emergency-policy form proposes. */
    @WithDefault("cn-north-4")
    String defaultRegion();

    /**
     * Operation connections the form offers, each {@code id|name|defense type|region id|region name|
     * enterprise project id|enterprise project name|project id|project name}.
     */
    List<String> connections();
}
