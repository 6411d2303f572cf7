import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useLiveEvents, useSession } from '../session';
import type { LifecycleEntry, Plan, Tenant, TenantUsage } from '../api/types';
import { applyEvent } from '../events/lifecycleEvents';
import { ConfirmByTyping, ErrorMessage, Loading, StatusBadge, formatTime } from '../components/common';
import { tenantObjectName } from '../tenants/tenantKey';

type Action = 'suspend' | 'activate' | 'retry';

function entryTime(e: LifecycleEntry) {
  return e.at ?? e.occurred_at ?? e.created_at;
}

/** "pending → provisioning" for a transition; the event name for a change that kept the status (e.g. a plan change). */
export function entryTransition(e: LifecycleEntry): string {
  const from = e.from_status ?? e.from;
  const to = e.to_status ?? e.to;
  const type = e.type?.replace(/^tenant\./, '');
  if (from && from === to) return `${type ?? 'changed'} (${to})`;
  if (from || to) return `${from ?? 'created'} → ${to ?? '?'}`;
  return type ?? 'change';
}

export function TenantDetailPage() {
  const { key = '' } = useParams();
  const { api, canWrite } = useSession();
  const navigate = useNavigate();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [history, setHistory] = useState<LifecycleEntry[] | null>(null);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [usage, setUsage] = useState<TenantUsage | null>(null);
  const [usageError, setUsageError] = useState<unknown>(null);
  const [baseDomain, setBaseDomain] = useState('localhost');
  const [publishedRule, setPublishedRule] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [newPlan, setNewPlan] = useState('');

  const loadHistory = useCallback(() => {
    api.tenantHistory(key).then(setHistory).catch(() => setHistory([]));
  }, [api, key]);

  useEffect(() => {
    setTenant(null);
    api.getTenant(key).then(setTenant).catch(setError);
    loadHistory();
    api.listPlans().then(setPlans).catch(() => setPlans([]));
    api.settings().then((s) => setBaseDomain(s.base_domain)).catch(() => undefined);
    api.tenantUsage(key).then(setUsage).catch(setUsageError);
  }, [api, key, loadHistory]);

  useLiveEvents((event) => {
    if (event.tenant !== key) return;
    if (event.type === 'route.published') setPublishedRule(event.data?.rule ?? null);
    if (event.type === 'route.removed') setPublishedRule(null);
    setTenant((t) => (t ? applyEvent(t, event) : t));
    if (event.type.startsWith('tenant.')) loadHistory();
  });

  async function run(action: Action) {
    setBusy(true);
    setActionError(null);
    try {
      const next = await api[action](key);
      setTenant((t) => (t && next ? { ...t, ...next } : t));
      loadHistory();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  async function changePlan(e: React.FormEvent) {
    e.preventDefault();
    if (!newPlan) return;
    setBusy(true);
    setActionError(null);
    try {
      const next = await api.updateTenant(key, { plan: newPlan });
      setTenant((t) => (t ? { ...t, ...next } : t));
      setNewPlan('');
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setConfirmDelete(false);
    setBusy(true);
    setActionError(null);
    try {
      const next = await api.deleteTenant(key);
      setTenant((t) => (t ? { ...t, ...(next ?? {}), status: next?.status ?? 'deleting' } : t));
      loadHistory();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  if (error) {
    return (
      <main id="main">
        <h1>Tenant {key}</h1>
        <ErrorMessage error={error} />
      </main>
    );
  }
  if (!tenant) {
    return (
      <main id="main">
        <h1>Tenant {key}</h1>
        <Loading what="tenant" />
      </main>
    );
  }

  const routed = tenant.status === 'ready';
  const rule = publishedRule ?? `Host(\`${tenant.key}.${baseDomain}\`)`;
  const gone = tenant.status === 'deleting' || tenant.status === 'deleted';
  return (
    <main id="main">
      <header className="page-header">
        <h1>
          {tenant.key} <StatusBadge status={tenant.status} />
        </h1>
      </header>
      {tenant.status === 'failed' && (
        <p className="error" role="alert">
          Failed: {tenant.status_reason ?? 'no reason reported'}
        </p>
      )}

      <section aria-labelledby="actions-title" className="card">
        <h2 id="actions-title">Actions</h2>
        {!canWrite && <p className="muted">Your role can read only.</p>}
        {canWrite && !gone && (
          <div className="actions">
            {tenant.status === 'ready' && (
              <button type="button" onClick={() => run('suspend')} disabled={busy}>
                Suspend
              </button>
            )}
            {tenant.status === 'suspended' && (
              <button type="button" onClick={() => run('activate')} disabled={busy}>
                Activate
              </button>
            )}
            {tenant.status === 'failed' && (
              <button type="button" onClick={() => run('retry')} disabled={busy}>
                Retry
              </button>
            )}
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)} disabled={busy}>
              Delete…
            </button>
          </div>
        )}
        {canWrite && !gone && (
          <form className="inline" onSubmit={changePlan}>
            <label htmlFor="new-plan">Change plan</label>
            <select id="new-plan" value={newPlan} onChange={(e) => setNewPlan(e.target.value)}>
              <option value="">choose…</option>
              {plans
                .filter((p) => p.key !== tenant.plan)
                .map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.key}
                  </option>
                ))}
            </select>
            <button type="submit" disabled={!newPlan || busy}>
              Save plan
            </button>
          </form>
        )}
        {confirmDelete && (
          <ConfirmByTyping
            expected={tenant.key}
            action="Delete tenant"
            description={`This drops ${tenant.key}'s database objects (a final backup is kept when retention is on) and removes its routes.`}
            onConfirm={remove}
            onCancel={() => setConfirmDelete(false)}
          />
        )}
        <ErrorMessage error={actionError} />
        {gone && (
          <button type="button" onClick={() => navigate('/tenants')}>
            Back to tenants
          </button>
        )}
      </section>

      <div className="grid">
        <section aria-labelledby="details-title" className="card">
          <h2 id="details-title">Details</h2>
          <dl>
            <dt>Company</dt>
            <dd>{tenant.company_name}</dd>
            <dt>Plan</dt>
            <dd>
              {tenant.plan}
              {tenant.rate_per_second !== undefined && (
                <span className="muted">
                  {' '}
                  ({tenant.rate_per_second}/s, burst {tenant.burst}, {tenant.max_users} users)
                </span>
              )}
            </dd>
            <dt>Pool</dt>
            <dd>
              {tenant.pool ? `${tenant.pool.name} (${tenant.pool.host}:${tenant.pool.port})` : '—'}
            </dd>
            <dt>Isolation</dt>
            <dd>{tenant.isolation ?? tenant.pool?.isolation ?? '—'}</dd>
            <dt>Database / schema / role</dt>
            <dd>
              <code>
                {tenant.db_name ?? '—'} / {tenant.schema_name ?? tenantObjectName(tenant.key)} /{' '}
                {tenant.role_name ?? tenantObjectName(tenant.key)}
              </code>
            </dd>
            <dt>Created</dt>
            <dd>{formatTime(tenant.created_at)}</dd>
            <dt>Ready</dt>
            <dd>{formatTime(tenant.ready_at)}</dd>
            <dt>Revision</dt>
            <dd>{tenant.revision ?? '—'}</dd>
          </dl>
        </section>

        <section aria-labelledby="routes-title" className="card">
          <h2 id="routes-title">Routes</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Router</th>
                <th scope="col">Rule</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <code>tenant-{tenant.key}</code>
                </td>
                <td>
                  <code>{rule}</code>
                </td>
                <td>{routed ? 'published' : 'not published'}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted">
            {routed
              ? `Requests to ${tenant.key}.${baseDomain} reach the app-gateway with X-Tenant-ID ${tenant.key}.`
              : 'Only ready tenants are routed; suspended and deleted tenants get the gateway’s 503/410 answer.'}
          </p>
        </section>

        <section aria-labelledby="usage-title" className="card">
          <h2 id="usage-title">Usage</h2>
          {!usage && !usageError && <Loading what="usage" />}
          {usageError ? <p className="muted">Usage not available: {String((usageError as Error).message)}</p> : null}
          {usage && !usage.available && <p className="muted">Usage not available: {usage.detail}</p>}
          {usage?.available && (
            <dl>
              <dt>Requests</dt>
              <dd>{usage.requests ?? 'no requests counted yet'}</dd>
              <dt>Rate-limited</dt>
              <dd>{usage.rate_limited ?? 0}</dd>
            </dl>
          )}
        </section>
      </div>

      <section aria-labelledby="history-title" className="card">
        <h2 id="history-title">Lifecycle history</h2>
        {!history && <Loading what="history" />}
        {history && history.length === 0 && <p className="empty">No history recorded.</p>}
        {history && history.length > 0 && (
          <ol className="timeline">
            {history.map((entry, i) => (
              <li key={entry.event_id ?? entry.id ?? i}>
                <time dateTime={entryTime(entry)}>{formatTime(entryTime(entry))}</time>
                <strong>{entryTransition(entry)}</strong>
                {(entry.actor ?? entry.who) && <span className="muted"> by {entry.actor ?? entry.who}</span>}
                {entry.reason && <span> — {entry.reason}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
