import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { UsageRange } from '../api/client';
import { usageCalls } from '../api/client';
import type { TopMetric, TopTenants } from '../api/types';
import { TOP_METRICS } from '../api/types';
import { useSession } from '../session';
import { ErrorMessage, Loading } from '../components/common';
import { CsvExport } from './CsvExport';
import { csvName } from './csvName';
import { formatBytes, formatCount, formatMs } from './format';

const COLUMNS: { metric: Exclude<TopMetric, 'active_users'>; label: string; format: (n: number) => string }[] = [
  { metric: 'requests', label: 'Requests', format: formatCount },
  { metric: 'errors', label: 'Errors (5xx)', format: formatCount },
  { metric: 'rate_limited', label: 'Rate-limited', format: formatCount },
  { metric: 'db_ms', label: 'DB time', format: formatMs },
  { metric: 'storage_bytes', label: 'Storage', format: formatBytes },
];

const METRIC_LABELS: Record<TopMetric, string> = {
  requests: 'requests',
  errors: 'errors (5xx)',
  rate_limited: 'rate-limited',
  db_ms: 'DB time',
  active_users: 'active users',
  storage_bytes: 'storage',
};

const LIMITS = [10, 25, 100];

/** The noisy-neighbour view: the tenants that used most of a metric over the range, largest first. */
export function TopTenantsTable({ range }: { range: UsageRange | null }) {
  const { api } = useSession();
  const id = useId();
  const [metric, setMetric] = useState<TopMetric>('requests');
  const [limit, setLimit] = useState(10);
  const [top, setTop] = useState<TopTenants | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!range) return undefined;
    let current = true;
    setTop(null);
    setError(null);
    api
      .topTenants(metric, range, limit)
      .then((t) => current && setTop(t))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, metric, limit, range]);

  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <header className="page-header">
        <h2 id={`${id}-title`}>Top tenants</h2>
        {range && <CsvExport call={usageCalls.top(metric, range, limit)} filename={csvName(`top-tenants-${metric}`, range)} />}
      </header>
      <div className="filters">
        <label htmlFor={`${id}-metric`}>By</label>
        <select id={`${id}-metric`} value={metric} onChange={(e) => setMetric(e.target.value as TopMetric)}>
          {TOP_METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-limit`}>Rows</label>
        <select id={`${id}-limit`} value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      {range && !top && !error && <Loading what="top tenants" />}
      {top && top.items.length === 0 && <p className="empty">No tenant used anything in this range.</p>}
      {top && top.items.length > 0 && <TopRows top={top} />}
    </section>
  );
}

function TopRows({ top }: { top: TopTenants }) {
  const sorted = (m: TopMetric) => (top.metric === m ? 'descending' : undefined);
  return (
    <table className="numbers">
      <caption className="visually-hidden">Top tenants by {METRIC_LABELS[top.metric]}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Tenant</th>
          {COLUMNS.map((c) => (
            <th key={c.metric} scope="col" aria-sort={sorted(c.metric)}>
              {c.label}
            </th>
          ))}
          {top.metric === 'active_users' && (
            <th scope="col" aria-sort="descending">
              Active users
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {top.items.map((row, i) => (
          <tr key={row.tenant} data-tenant={row.tenant}>
            <td>{i + 1}</td>
            <th scope="row">
              <Link to={`/tenants/${encodeURIComponent(row.tenant)}`}>{row.tenant}</Link>
            </th>
            {COLUMNS.map((c) => (
              <td key={c.metric} className={top.metric === c.metric ? 'sorted' : undefined}>
                {c.format(row[c.metric])}
              </td>
            ))}
            {top.metric === 'active_users' && <td className="sorted">{formatCount(row.value)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
