import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLiveEvents, useSession } from '../session';
import type { LifecycleEvent, Tenant } from '../api/types';
import { applyEvent } from '../events/lifecycleEvents';
import { ErrorMessage, StatusBadge, formatDuration } from '../components/common';

const TERMINAL = new Set(['ready', 'failed', 'suspended', 'deleted']);
const STEPS = ['pending', 'provisioning', 'ready'] as const;

function stepState(step: string, status: string, reached: Record<string, number>): string {
  if (step === status) return status === 'ready' ? 'done' : status === 'failed' ? 'failed' : 'current';
  return reached[step] !== undefined ? 'done' : 'todo';
}

function eventTime(event: LifecycleEvent): number {
  const t = event.occurred_at ? Date.parse(event.occurred_at) : NaN;
  return Number.isNaN(t) ? Date.now() : t;
}

/**
 * Follows a new tenant from pending to ready (or failed) with the time each step was reached.
 * Live events drive it; a once-a-second read is the fallback while the stream is not connected.
 */
export function ProvisioningWatch({ initial, startedAt }: { initial: Tenant; startedAt: number }) {
  const { api, canWrite } = useSession();
  const [tenant, setTenant] = useState(initial);
  const [reached, setReached] = useState<Record<string, number>>({ [initial.status]: startedAt });
  const [error, setError] = useState<unknown>(null);
  const [retrying, setRetrying] = useState(false);

  const record = (next: Tenant, at: number) => {
    setTenant((current) => (current.revision !== undefined && next.revision !== undefined && next.revision < current.revision ? current : next));
    setReached((r) => (r[next.status] ? r : { ...r, [next.status]: at }));
  };

  const streamState = useLiveEvents((event) => {
    if (event.tenant !== tenant.key) return;
    const next = applyEvent(tenant, event);
    if (next !== tenant) record(next, eventTime(event));
  });

  const settled = TERMINAL.has(tenant.status);
  useEffect(() => {
    if (settled) return undefined;
    const timer = setInterval(() => {
      api.getTenant(tenant.key).then((t) => record(t, Date.now())).catch(setError);
    }, streamState === 'live' ? 3000 : 1000);
    return () => clearInterval(timer);
  }, [api, tenant.key, settled, streamState]);

  async function retry() {
    setRetrying(true);
    setError(null);
    try {
      const next = await api.retry(tenant.key);
      const now = Date.now();
      setReached({ [next.status ?? 'pending']: now });
      setTenant({ ...tenant, ...next });
    } catch (e) {
      setError(e);
    } finally {
      setRetrying(false);
    }
  }

  const steps: string[] = tenant.status === 'failed' ? ['pending', 'provisioning', 'failed'] : [...STEPS];
  const total = reached.ready ?? reached.failed;
  return (
    <section className="watch" aria-labelledby="watch-title">
      <h2 id="watch-title">
        Provisioning <Link to={`/tenants/${tenant.key}`}>{tenant.key}</Link>
      </h2>
      <p aria-live="polite">
        Status: <StatusBadge status={tenant.status} />
        {total !== undefined && <span className="muted"> after {formatDuration(total - startedAt)}</span>}
      </p>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step} className={stepState(step, tenant.status, reached)}>
            <span className="step-name">{step}</span>
            <span className="muted">
              {reached[step] !== undefined ? `+${formatDuration(Math.max(0, reached[step] - startedAt))}` : 'waiting'}
            </span>
          </li>
        ))}
      </ol>
      {tenant.status === 'failed' && (
        <div className="error" role="alert">
          <strong>Provisioning failed</strong>
          <p>{tenant.status_reason ?? 'No reason was reported.'}</p>
          {canWrite && (
            <button type="button" onClick={retry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
