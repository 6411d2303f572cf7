import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../session';
import type { MigrationRun, MigrationTenantResult } from '../api/types';
import { ErrorMessage, formatDuration } from '../components/common';
import { tenantKeyProblem } from '../tenants/tenantKey';

const FINISHED = new Set(['completed', 'succeeded', 'failed', 'finished', 'done', 'stopped', 'cancelled']);

export function runResults(run: MigrationRun): MigrationTenantResult[] {
  return run.results ?? run.tenants ?? [];
}

export function isFinished(run: MigrationRun): boolean {
  if (run.status && FINISHED.has(run.status.toLowerCase())) return true;
  return run.total !== undefined && run.completed !== undefined && run.total > 0 && run.completed >= run.total;
}

export function MigrationsPage() {
  const { api, canWrite } = useSession();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const [scope, setScope] = useState<'one' | 'all'>('one');
  const [tenant, setTenant] = useState('');
  const [parallel, setParallel] = useState('8');
  const [run, setRun] = useState<MigrationRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!runId) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () =>
      api
        .getMigration(runId)
        .then((r) => {
          if (stopped) return;
          setRun(r);
          if (!isFinished(r)) timer = setTimeout(poll, 1000);
        })
        .catch((e) => !stopped && setError(e));
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, runId]);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const started = await api.startMigration(
        scope === 'one' ? { tenant } : { all: true, parallel: Math.max(1, Number(parallel) || 1) },
      );
      const id = started.run_id ?? started.id;
      setRun(started);
      if (id) setParams({ run: id });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const results = run ? runResults(run) : [];
  const total = run?.total ?? results.length;
  const done = run?.completed ?? results.filter((r) => r.status !== 'running' && r.status !== 'pending').length;
  const failed = results.filter((r) => r.error);
  const tenantProblem = scope === 'one' && tenant ? tenantKeyProblem(tenant) : null;
  return (
    <main id="main">
      <h1>Migrations</h1>
      {canWrite && (
        <form className="stacked" onSubmit={start} aria-busy={busy}>
          <fieldset>
            <legend>Run tenant migrations for</legend>
            <label className="radio">
              <input type="radio" name="scope" value="one" checked={scope === 'one'} onChange={() => setScope('one')} /> one tenant
            </label>
            <label className="radio">
              <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} /> all tenants
            </label>
          </fieldset>
          {scope === 'one' ? (
            <>
              <label htmlFor="migration-tenant">Tenant key</label>
              <input
                id="migration-tenant"
                value={tenant}
                aria-invalid={!!tenantProblem}
                aria-describedby="migration-tenant-help"
                onChange={(e) => setTenant(e.target.value)}
              />
              <p id="migration-tenant-help" className={tenantProblem ? 'field-error' : 'muted'}>
                {tenantProblem ?? 'Applies pending tenant migrations to this tenant only.'}
              </p>
            </>
          ) : (
            <>
              <label htmlFor="migration-parallel">Tenants migrated in parallel</label>
              <input id="migration-parallel" type="number" min={1} max={64} value={parallel} onChange={(e) => setParallel(e.target.value)} />
            </>
          )}
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy || (scope === 'one' && (!tenant || !!tenantProblem))}>
            Start migration
          </button>
        </form>
      )}
      {!canWrite && <ErrorMessage error={error} />}
      {run && (
        <section aria-labelledby="run-title" className="card">
          <h2 id="run-title">Run {run.run_id ?? run.id ?? runId}</h2>
          <p aria-live="polite">
            {run.status ?? (isFinished(run) ? 'finished' : 'running')} — {done} of {total} tenants
            {failed.length > 0 && `, ${failed.length} failed`}
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
                    <td>{r.duration_ms !== undefined ? formatDuration(r.duration_ms) : '—'}</td>
                    <td>{r.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </main>
  );
}
