import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCatchUp, useLiveEvents, useSession } from '../session';
import type { Page } from '@gateway/web-base/http';
import { describeError } from '@gateway/web-base/problem';
import type { Tenant, TenantStatus } from '../api/types';
import { TENANT_STATUSES } from '../api/types';
import { applyEvent } from '../events/lifecycleEvents';
import { ErrorMessage, Loading, StatusBadge, formatTime } from '../components/common';
import { Sparkline } from '../usage/Sparkline';
import { last24Hours } from '../usage/range';

export const PAGE_SIZE = 20;

export function TenantsPage() {
  const { api, canWrite } = useSession();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TenantStatus | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page<Tenant> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const cursor = cursors[cursors.length - 1];
  const catchUp = useCatchUp();

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => setCursors([null]), [q, status]);

  useEffect(() => {
    let current = true;
    setError(null);
    api
      .listTenants({ q, status, limit: PAGE_SIZE, cursor })
      .then((p) => current && setPage({ ...p, items: p.items.map(catchUp) }))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, q, status, cursor, reload, catchUp]);

  const keys = useMemo(() => page?.items.map((t) => t.key).join(',') ?? '', [page]);
  const sparklines = useRequestSparklines(keys);

  const streamState = useLiveEvents((event) => {
    if (event.type === 'tenant.created' && cursors.length === 1) {
      setReload((n) => n + 1);
      return;
    }
    setPage((p) => p && { ...p, items: p.items.map((t) => applyEvent(t, event)) });
  });

  return (
    <main id="main">
      <header className="page-header">
        <h1>Tenants</h1>
        {canWrite && (
          <Link className="button primary" to="/tenants/new">
            Create tenant
          </Link>
        )}
      </header>
      <form role="search" className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="tenant-search">Search</label>
        <input
          id="tenant-search"
          type="search"
          placeholder="key or company"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label htmlFor="tenant-status">Status</label>
        <select id="tenant-status" value={status} onChange={(e) => setStatus(e.target.value as TenantStatus | '')}>
          <option value="">any</option>
          {TENANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className={`live live-${streamState}`} role="status">
          {streamState === 'live' ? 'Live updates on' : streamState === 'connecting' ? 'Connecting to live updates…' : 'Live updates off'}
        </span>
      </form>
      <ErrorMessage error={error} />
      {!page && !error && <Loading what="tenants" />}
      {page && page.items.length === 0 && (
        <p className="empty">{q || status ? 'No tenant matches these filters.' : 'No tenants yet.'}</p>
      )}
      {page && page.items.length > 0 && (
        <table>
          <caption className="visually-hidden">Tenants</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Company</th>
              <th scope="col">Plan</th>
              <th scope="col">Pool</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Ready</th>
              <th scope="col">Requests (24 h)</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((t) => (
              <tr key={t.key} data-tenant={t.key}>
                <th scope="row" className="nowrap">
                  <Link to={`/tenants/${t.key}`}>{t.key}</Link>
                </th>
                <td>{t.company_name}</td>
                <td>{t.plan}</td>
                <td>{t.pool?.name ?? '—'}</td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td className="nowrap">{formatTime(t.created_at)}</td>
                <td className="nowrap">{formatTime(t.ready_at)}</td>
                <td className="nowrap">
                  {sparklines.series && <Sparkline values={sparklines.series[t.key] ?? []} what="requests in the last 24 hours" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.items.length > 0 && sparklines.error ? (
        <p className="muted">Requests per tenant not available: {describeError(sparklines.error)}</p>
      ) : null}
      <nav className="pager" aria-label="Tenant pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button
          type="button"
          disabled={!page?.next_cursor}
          onClick={() => page?.next_cursor && setCursors((c) => [...c, page.next_cursor])}
        >
          Next page
        </button>
      </nav>
    </main>
  );
}

/** One request for the hourly requests of every tenant on the page; the table stays usable when it fails. */
function useRequestSparklines(keys: string) {
  const { api } = useSession();
  const [sparklines, setSparklines] = useState<{ series?: Record<string, number[]>; error?: unknown }>({});
  useEffect(() => {
    if (!keys) return undefined;
    let current = true;
    setSparklines({});
    api
      .requestSparklines(keys.split(','), last24Hours())
      .then((s) => current && setSparklines({ series: s.series }))
      .catch((error) => current && setSparklines({ error }));
    return () => {
      current = false;
    };
  }, [api, keys]);
  return sparklines;
}
