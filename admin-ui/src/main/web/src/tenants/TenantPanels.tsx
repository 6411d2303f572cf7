import type { LifecycleEntry, Tenant } from '../api/types';
import { Loading, formatTime } from '../components/common';
import { tenantObjectName } from './tenantKey';

export function TenantDetails({ tenant }: { tenant: Tenant }) {
  return (
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
              ({tenant.rate_per_second}/s, burst {tenant.burst}, {tenant.max_users} users,{' '}
              {tenant.max_projects ? `${tenant.max_projects} projects` : 'unlimited projects'},{' '}
              {tenant.max_storage_mb ? `${tenant.max_storage_mb} MB` : 'unlimited storage'})
            </span>
          )}
        </dd>
        <dt>Pool</dt>
        <dd>{tenant.pool ? `${tenant.pool.name} (${tenant.pool.host}:${tenant.pool.port})` : '—'}</dd>
        <dt>Isolation</dt>
        <dd>{tenant.isolation ?? tenant.pool?.isolation ?? '—'}</dd>
        <dt>Database / schema / role</dt>
        <dd>
          <code>
            {tenant.db_name ?? '—'} / {tenant.schema_name ?? tenantObjectName(tenant.key)} / {tenant.role_name ?? tenantObjectName(tenant.key)}
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
  );
}

/** The route-publisher gives a ready tenant router tenant-<key>; the rule comes from its route event when one was seen. */
export function TenantRoutes({ tenant, baseDomain, publishedRule }: { tenant: Tenant; baseDomain: string; publishedRule: string | null }) {
  const routed = tenant.status === 'ready';
  return (
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
              <code>{publishedRule ?? `Host(\`${tenant.key}.${baseDomain}\`)`}</code>
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
  );
}

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

export function LifecycleHistory({ history }: { history: LifecycleEntry[] | null }) {
  return (
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
  );
}
