import { useEffect, useId, useState } from 'react';
import type { Page } from '@gateway/web-base/http';
import type { UsageRange } from '../api/client';
import { usageCalls } from '../api/client';
import type { ActivityEntry } from '../api/types';
import { useSession } from '../session';
import { ErrorMessage, Loading, formatTime } from '../components/common';
import { ACTIVITY_TYPES, activityLabel } from './activityTypes';
import { CsvExport } from './CsvExport';
import { csvName } from './csvName';

const ACTIVITY_PAGE_SIZE = 25;

/** Who did what in the tenant over the range, newest first, a page at a time. */
export function ActivityFeed({ tenant, range }: { tenant: string; range: UsageRange | null }) {
  const { api } = useSession();
  const id = useId();
  const [type, setType] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page<ActivityEntry> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => setCursors([null]), [tenant, range, type]);

  useEffect(() => {
    if (!range) return undefined;
    let current = true;
    setPage(null);
    setError(null);
    api
      .tenantActivity(tenant, { from: range.from, to: range.to, type, limit: ACTIVITY_PAGE_SIZE, cursor })
      .then((p) => current && setPage(p))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, tenant, range, type, cursor]);

  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <header className="page-header">
        <h2 id={`${id}-title`}>Activity</h2>
        {range && (
          <CsvExport
            call={usageCalls.activity(tenant, { from: range.from, to: range.to, type })}
            filename={csvName(`activity-${tenant}`, range)}
          />
        )}
      </header>
      <div className="filters">
        <label htmlFor={`${id}-type`}>What</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">everything</option>
          {Object.entries(ACTIVITY_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      {range && !page && !error && <Loading what="activity" />}
      {page && page.items.length === 0 && (
        <p className="empty">{type ? 'No such activity in this range.' : 'No activity in this range.'}</p>
      )}
      {page && page.items.length > 0 && (
        <table className="activity">
          <caption className="visually-hidden">Activity of {tenant}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((entry) => (
              <tr key={entry.id} className={entry.type === 'activity.login.failed' ? 'row-error' : undefined}>
                <td className="nowrap">
                  <time dateTime={entry.occurred_at}>{formatTime(entry.occurred_at)}</time>
                </td>
                <td>{entry.actor_email ?? entry.actor_id ?? '—'}</td>
                <td>{activityLabel(entry.type)}</td>
                <td>
                  {entry.summary ?? ''}
                  {entry.entity_id && <code className="muted"> {entry.entity_id}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Activity pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Newer
        </button>
        <span>Page {cursors.length}</span>
        <button type="button" disabled={!page?.next_cursor} onClick={() => page?.next_cursor && setCursors((c) => [...c, page.next_cursor])}>
          Older
        </button>
      </nav>
    </section>
  );
}
