import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../session';
import type { DriftReport, MigrationRun } from '../api/types';
import { ErrorMessage, formatTime } from '../components/common';
import { describeError } from '@gateway/web-base/problem';
import { tenantKeyProblem } from '../tenants/tenantKey';
import { MigrationRunView, isFinished } from './MigrationRunView';

export function MigrationsPage() {
  const { api, canWrite } = useSession();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const [scope, setScope] = useState<'one' | 'all'>('one');
  const [tenant, setTenant] = useState('');
  const [parallel, setParallel] = useState('8');
  const [skipFailing, setSkipFailing] = useState(false);
  const [canary, setCanary] = useState('0');
  const [run, setRun] = useState<MigrationRun | null>(null);
  const [recent, setRecent] = useState<MigrationRun[]>([]);
  const [drift, setDrift] = useState<DriftReport | null>(null);
  const [driftError, setDriftError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const runDone = run ? isFinished(run) : false;
  useEffect(() => {
    api.listMigrations().then(setRecent).catch(() => setRecent([]));
    api
      .migrationDrift()
      .then((d) => setDrift(Array.isArray(d?.drifted) ? d : null))
      .catch((e) => {
        setDrift(null);
        setDriftError(e);
      });
  }, [api, runId, runDone]);

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
        scope === 'one'
          ? { tenant }
          : { all: true, parallel: Math.max(1, Number(parallel) || 1), skip_failing: skipFailing, canary: Math.max(0, Number(canary) || 0) },
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

  const tenantProblem = scope === 'one' && tenant ? tenantKeyProblem(tenant) : null;
  return (
    <main id="main">
      <h1>Migrations</h1>
      {drift && (
        <p className={drift.drifted.length ? 'notice' : 'muted'}>
          {drift.drifted.length
            ? `${drift.drifted.length} of ${drift.ready_tenants} ready tenants are behind the latest tenant schema ${drift.latest_version ?? ''}: ${drift.drifted
                .slice(0, 10)
                .map((d) => `${d.tenant} (${d.schema_version ?? 'empty'})`)
                .join(', ')}${drift.drifted.length > 10 ? ', …' : ''}`
            : `All ${drift.ready_tenants} ready tenants are at the latest tenant schema ${drift.latest_version ?? ''}.`}
        </p>
      )}
      {driftError ? <p className="muted">Drift report not available: {describeError(driftError)}</p> : null}
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
              <label htmlFor="migration-canary">Canary: migrate this many tenants first, stop on a failure</label>
              <input id="migration-canary" type="number" min={0} value={canary} onChange={(e) => setCanary(e.target.value)} />
              <label className="radio">
                <input type="checkbox" checked={skipFailing} onChange={(e) => setSkipFailing(e.target.checked)} /> keep going past failed
                tenants
              </label>
            </>
          )}
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy || (scope === 'one' && (!tenant || !!tenantProblem))}>
            Start migration
          </button>
        </form>
      )}
      {!canWrite && <ErrorMessage error={error} />}
      {run && <MigrationRunView run={run} />}
      {recent.length > 0 && (
        <section aria-labelledby="recent-title" className="card">
          <h2 id="recent-title">Recent runs</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.run_id}>
                <Link to={`/migrations?run=${r.run_id}`}>{formatTime(r.created_at)}</Link> — {r.scope ?? 'run'}, {r.status},{' '}
                {r.succeeded ?? 0} succeeded, {r.failed ?? 0} failed of {r.total ?? 0}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
