package dev.gateway.routes.reconcile;

import jakarta.inject.Singleton;

import java.time.Instant;

/** The last reconcile outcome and whether the registry answered, shared by the status endpoint and health. */
@Singleton
public class ReconcileStatus {

    private volatile ReconcileReport lastReport;
    private volatile boolean registryReachable;
    private volatile Instant lastRegistryFailureAt;
    private volatile String lastRegistryError;
    private volatile String lastReconcileError;

    void completed(ReconcileReport report) {
        lastReport = report;
        lastReconcileError = null;
    }

    void failed(String error) {
        lastReconcileError = error;
    }

    void registryReached() {
        registryReachable = true;
    }

    void registryFailed(Instant at, String error) {
        registryReachable = false;
        lastRegistryFailureAt = at;
        lastRegistryError = error;
    }

    public ReconcileReport lastReport() {
        return lastReport;
    }

    public boolean registryReachable() {
        return registryReachable;
    }

    public Instant lastRegistryFailureAt() {
        return lastRegistryFailureAt;
    }

    public String lastRegistryError() {
        return lastRegistryError;
    }

    /** Why the last run stopped early (Redis unavailable, …); null after a completed run. */
    public String lastReconcileError() {
        return lastReconcileError;
    }
}
