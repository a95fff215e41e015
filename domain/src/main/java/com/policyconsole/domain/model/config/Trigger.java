package com.policyconsole.domain.model.config;

/** When a rule runs: periodically, on a configuration change of filtered resources, or on any change. */
public sealed interface Trigger permits Trigger.Periodic, Trigger.OnConfigurationChange, Trigger.OnAnyChange {

    /** Runs every {@code period}. */
    record Periodic(Period period) implements Trigger {
    }

    /** Runs when a resource matching {@code filter} changes. */
    record OnConfigurationChange(PolicyFilter filter) implements Trigger {
    }

    /** Neither period nor filter: every resource is evaluated when it changes. */
    record OnAnyChange() implements Trigger {
    }
}
