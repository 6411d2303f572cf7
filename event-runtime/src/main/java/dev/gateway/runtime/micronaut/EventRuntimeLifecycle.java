package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.EventRuntime;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Starts consuming and relaying once the service is up; stops before its datasource and connection close. */
@Singleton
class EventRuntimeLifecycle {

    private final EventRuntime runtime;

    EventRuntimeLifecycle(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        runtime.start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) throws InterruptedException {
        runtime.close();
    }
}
