import type { MigrationRun, MigrationTenantResult } from '../api/types';
import { formatDuration, formatTime } from '../components/common';

const FINISHED = new Set(['completed', 'succeeded', 'failed', 'finished', 'done', 'stopped', 'cancelled']);

export function runResults(run: MigrationRun): MigrationTenantResult[] {
  return run.results ?? run.tenants ?? [];
}

export function isFinished(run: MigrationRun): boolean {
  if (run.status && FINISHED.has(run.status.toLowerCase())) return true;
  return run.total !== undefined && run.completed !== undefined && run.total > 0 && run.completed >= run.total;
}

/** Tenants done so far: from the run's counters when the provisioner sends them, else from the result rows. */
export function runProgress(run: MigrationRun): { done: number; total: number; failed: number } {
  const results = runResults(run);
  const total = run.total ?? results.length;
  const failed = run.failed ?? results.filter((r) => r.error || r.status === 'failed').length;
  const done =
    run.completed ??
    (run.pending !== undefined ? total - run.pending : results.filter((r) => r.status !== 'running' && r.status !== 'pending').length);
  return { done, total, failed };
}

export function MigrationRunView({ run }: { run: MigrationRun }) {
  const results = runResults(run);
  const { done, total, failed } = runProgress(run);
  return (
    <section aria-labelledby="run-title" className="card">
      <h2 id="run-title">Run {run.run_id ?? run.id}</h2>
      <p aria-live="polite">
        {run.status ?? (isFinished(run) ? 'finished' : 'running')} — {done} of {total} tenants
        {failed > 0 && `, ${failed} failed`}
        {run.target_version && <span className="muted"> · target version {run.target_version}</span>}
        {run.finished_at && <span className="muted"> · finished {formatTime(run.finished_at)}</span>}
      </p>
      <progress max={Math.max(total, 1)} value={done} aria-label="Migration progress" />
      {results.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col">Status</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Applied</th>
              <th scope="col">Duration</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.tenant} className={r.error ? 'row-error' : undefined}>
                <th scope="row">{r.tenant}</th>
                <td>{r.status ?? (r.error ? 'failed' : 'succeeded')}</td>
                <td>{r.from_version ?? '—'}</td>
                <td>{r.to_version ?? '—'}</td>
                <td>{r.applied ?? '—'}</td>
                <td>{r.duration_ms !== undefined && r.duration_ms !== null ? formatDuration(r.duration_ms) : '—'}</td>
                <td>{r.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
