package com.policyconsole.console.reliability;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Notes the secrets of every application start of the tests — the cloud token and session key each start makes up,
 * whatever a profile configures — in {@link RunSecrets}, for the leak scan that runs after them all.
 */
@ApplicationScoped
class StartSecrets {

    void noted(@Observes StartupEvent start) {
        for (String key : LeakScan.SECRET_KEYS) {
            ConfigProvider.getConfig().getOptionalValue(key, String.class)
                    .ifPresent(value -> RunSecrets.remember(key + " of an application start", value));
        }
    }
}
