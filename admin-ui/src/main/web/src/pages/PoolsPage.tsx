import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../session';
import type { Pool } from '../api/types';
import { ErrorMessage, Loading } from '../components/common';

const EMPTY = { name: '', host: '127.0.0.1', port: '5432', database: '', isolation: 'schema', max_tenants: '100' };

export function PoolsPage() {
  const { api, canWrite } = useSession();
  const [pools, setPools] = useState<Pool[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState(EMPTY);
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.listPools().then(setPools).catch(setError);
  }, [api]);
  useEffect(load, [load]);

  const field = (name: keyof typeof EMPTY) => ({
    id: `pool-${name}`,
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [name]: e.target.value }),
  });

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      await api.createPool({
        name: form.name.trim(),
        host: form.host.trim(),
        port: Number(form.port),
        database: form.database.trim() || undefined,
        isolation: form.isolation,
        max_tenants: Number(form.max_tenants),
      });
      setForm(EMPTY);
      load();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main">
      <h1>Pools</h1>
      <ErrorMessage error={error} />
      {!pools && !error && <Loading what="pools" />}
      {pools && pools.length === 0 && <p className="empty">No pools yet.</p>}
      {pools && pools.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Server</th>
              <th scope="col">Isolation</th>
              <th scope="col">Tenants</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {pools.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>
                  <code>
                    {p.host}:{p.port}
                    {p.database ? `/${p.database}` : ''}
                  </code>
                </td>
                <td>{p.isolation}</td>
                <td>
                  <meter
                    min={0}
                    max={p.max_tenants}
                    low={p.max_tenants * 0.7}
                    high={p.max_tenants * 0.9}
                    optimum={0}
                    value={p.tenant_count}
                    aria-label={`${p.name} capacity`}
                  />{' '}
                  {p.tenant_count} / {p.max_tenants}
                </td>
                <td>{p.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <section aria-labelledby="new-pool-title" className="card">
          <h2 id="new-pool-title">Create pool</h2>
          <form className="stacked" onSubmit={create} aria-busy={busy}>
            <label htmlFor="pool-name">Name</label>
            <input required {...field('name')} />
            <label htmlFor="pool-host">Host</label>
            <input required {...field('host')} />
            <label htmlFor="pool-port">Port</label>
            <input required type="number" min={1} max={65535} {...field('port')} />
            <label htmlFor="pool-isolation">Isolation</label>
            <select {...field('isolation')}>
              <option value="schema">schema (tenants share a database)</option>
              <option value="database">database (one database per tenant)</option>
            </select>
            <label htmlFor="pool-database">Database (schema isolation; empty for the default)</label>
            <input {...field('database')} />
            <label htmlFor="pool-max_tenants">Maximum tenants</label>
            <input required type="number" min={1} {...field('max_tenants')} />
            <ErrorMessage error={formError} />
            <button type="submit" className="primary" disabled={busy}>
              Create pool
            </button>
          </form>
        </section>
      )}
    </main>
  );
}
