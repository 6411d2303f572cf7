import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../session';
import type { Plan, Tenant } from '../api/types';
import { ConfirmByTyping, ErrorMessage } from '../components/common';

type Move = 'suspend' | 'activate' | 'retry';

/** Suspend / activate / retry / change plan / delete for one tenant; hands every server answer to onChange. */
export function TenantActions({ tenant, plans, onChange }: { tenant: Tenant; plans: Plan[]; onChange: (next: Partial<Tenant>) => void }) {
  const { api, canWrite } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [newPlan, setNewPlan] = useState('');

  async function perform(action: () => Promise<Partial<Tenant> | undefined>) {
    setBusy(true);
    setError(null);
    try {
      onChange((await action()) ?? {});
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const move = (m: Move) => perform(() => api[m](tenant.key));
  const changePlan = (e: React.FormEvent) => {
    e.preventDefault();
    if (newPlan) perform(() => api.updateTenant(tenant.key, { plan: newPlan })).then(() => setNewPlan(''));
  };
  const remove = () => {
    setConfirmDelete(false);
    perform(async () => ({ status: 'deleting', ...((await api.deleteTenant(tenant.key)) ?? {}) }));
  };

  const gone = tenant.status === 'deleting' || tenant.status === 'deleted';
  return (
    <section aria-labelledby="actions-title" className="card">
      <h2 id="actions-title">Actions</h2>
      {!canWrite && <p className="muted">Your role can read only.</p>}
      {canWrite && !gone && (
        <>
          <div className="actions">
            {tenant.status === 'ready' && (
              <button type="button" onClick={() => move('suspend')} disabled={busy}>
                Suspend
              </button>
            )}
            {tenant.status === 'suspended' && (
              <button type="button" onClick={() => move('activate')} disabled={busy}>
                Activate
              </button>
            )}
            {tenant.status === 'failed' && (
              <button type="button" onClick={() => move('retry')} disabled={busy}>
                Retry
              </button>
            )}
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)} disabled={busy}>
              Delete…
            </button>
          </div>
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
        </>
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
      <ErrorMessage error={error} />
      {gone && (
        <button type="button" onClick={() => navigate('/tenants')}>
          Back to tenants
        </button>
      )}
    </section>
  );
}
