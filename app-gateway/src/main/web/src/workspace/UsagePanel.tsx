import { useEffect, useState } from 'react';
import type { Quota, Usage } from '../api/types';
import { ErrorMessage, Loading } from '../common/forms';
import { useSession } from './session';

const ROWS: { key: 'users' | 'projects' | 'storage_mb' | 'requests'; label: string; unit: string }[] = [
  { key: 'users', label: 'Users', unit: '' },
  { key: 'projects', label: 'Projects', unit: '' },
  { key: 'storage_mb', label: 'Storage', unit: ' MB' },
  { key: 'requests', label: 'API requests this month', unit: '' },
];

/** Plan & usage: what the workspace uses this period against its plan's limits (from GET /api/usage). */
export function UsagePanel() {
  const { api } = useSession();
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.usage().then(setUsage).catch(setError);
  }, [api]);

  return (
    <section className="card" aria-labelledby="plan-usage-title">
      <h2 id="plan-usage-title">Plan &amp; usage</h2>
      {usage === null && !error && <Loading what="usage" />}
      <ErrorMessage error={error} />
      {usage && (
        <table>
          <caption className="muted">
            {usage.plan} plan, {usage.period}
          </caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Used</th>
              <th scope="col">Limit</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map(({ key, label, unit }) => (
              <UsageRow key={key} label={label} unit={unit} quota={usage[key]} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UsageRow({ label, unit, quota }: { label: string; unit: string; quota: Quota }) {
  const full = quota.limit !== null && quota.used >= quota.limit;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        {quota.used.toLocaleString('en')}
        {unit}
        {quota.limit !== null && (
          <>
            {' '}
            <meter min={0} max={quota.limit} value={quota.used} high={quota.limit * 0.9} aria-label={`${label} used`} />
          </>
        )}
      </td>
      <td>
        {quota.limit === null ? 'unlimited' : `${quota.limit.toLocaleString('en')}${unit}`}
        {full && <strong className="field-error"> limit reached</strong>}
      </td>
    </tr>
  );
}
