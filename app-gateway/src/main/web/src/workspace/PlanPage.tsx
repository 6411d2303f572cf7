import { useEffect, useState } from 'react';
import { ErrorMessage, Loading } from '../common/forms';
import { useMe, useSession } from './session';
import { UsagePanel } from './UsagePanel';

export function PlanPage() {
  const me = useMe();
  const { api } = useSession();
  const [seatsTaken, setSeatsTaken] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api
      .users()
      .then((list) => setSeatsTaken(list.filter((u) => u.status === 'active' || u.status === 'invited').length))
      .catch(setError);
  }, [api]);

  const max = me.limits.max_users;
  return (
    <main id="main">
      <h1>Plan: {me.plan}</h1>
      <section className="card" aria-labelledby="usage-title">
        <h2 id="usage-title">Users</h2>
        <p className="muted">Active members and open invitations count against the plan.</p>
        {seatsTaken === null && !error && <Loading what="usage" />}
        <ErrorMessage error={error} />
        {seatsTaken !== null && (
          <p>
            <meter id="users-meter" min={0} max={max} value={seatsTaken} high={max * 0.9} aria-labelledby="users-used" />{' '}
            <span id="users-used">
              {seatsTaken} of {max} users
            </span>
            {seatsTaken >= max && (
              <strong className="field-error"> The plan is full: new members can join once someone leaves, an invitation is withdrawn or the plan grows.</strong>
            )}
          </p>
        )}
      </section>
      <UsagePanel />
      <section className="card" aria-labelledby="limits-title">
        <h2 id="limits-title">Limits</h2>
        <dl>
          <dt>API requests</dt>
          <dd>{me.limits.rate_per_second} per second</dd>
          <dt>Bursts</dt>
          <dd>up to {me.limits.burst} requests at once</dd>
          <dt>Users</dt>
          <dd>up to {max}</dd>
          <dt>Features</dt>
          <dd>{me.features.length ? me.features.join(', ') : 'the essentials'}</dd>
        </dl>
        <p className="muted">To change your plan, contact the Gateway team.</p>
      </section>
    </main>
  );
}
