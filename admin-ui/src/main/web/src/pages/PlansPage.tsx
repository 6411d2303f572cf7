import { useEffect, useState } from 'react';
import { useSession } from '../session';
import type { Plan } from '../api/types';
import { ErrorMessage, Loading } from '../components/common';

export function PlansPage() {
  const { api } = useSession();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.listPlans().then(setPlans).catch(setError);
  }, [api]);

  return (
    <main id="main">
      <h1>Plans</h1>
      <p className="muted">Limits per plan; a tenant may override rate, burst and users.</p>
      <ErrorMessage error={error} />
      {!plans && !error && <Loading what="plans" />}
      {plans && plans.length === 0 && <p className="empty">No plans defined.</p>}
      {plans && plans.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Requests per second</th>
              <th scope="col">Burst</th>
              <th scope="col">Max users</th>
              <th scope="col">Max projects</th>
              <th scope="col">Storage</th>
              <th scope="col">Features</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.key}</th>
                <td>{p.rate_per_second}</td>
                <td>{p.burst}</td>
                <td>{p.max_users}</td>
                <td>{p.max_projects ? p.max_projects : 'unlimited'}</td>
                <td>{p.max_storage_mb ? `${p.max_storage_mb} MB` : 'unlimited'}</td>
                <td>{p.features?.length ? p.features.join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
