import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../session';
import { newIdempotencyKey } from '@gateway/web-base/http';
import type { Plan, Pool, Tenant } from '../api/types';
import { ErrorMessage, Loading } from '../components/common';
import { tenantKeyProblem } from '../tenants/tenantKey';
import { InvitationLink } from '../tenants/InvitationLink';
import { ProvisioningWatch } from '../tenants/ProvisioningWatch';

export function poolLabel(pool: Pool): string {
  const free = pool.max_tenants - pool.tenant_count;
  return `${pool.name} (${pool.isolation}) — ${pool.tenant_count}/${pool.max_tenants} used${free <= 0 ? ', full' : ''}`;
}

export function CreateTenantPage() {
  const { api } = useSession();
  const [pools, setPools] = useState<Pool[] | null>(null);
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [company, setCompany] = useState('');
  const [poolId, setPoolId] = useState('');
  const [plan, setPlan] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ tenant: Tenant; at: number } | null>(null);
  // one key per filled-in form: a double submit or a retry after a network error creates one tenant
  const idempotencyKey = useMemo(newIdempotencyKey, [key, company, poolId, plan, email]);

  useEffect(() => {
    api.listPools().then(setPools).catch(setError);
    api.listPlans().then(setPlans).catch(setError);
  }, [api]);

  const keyProblem = tenantKeyProblem(key);
  const showKeyProblem = keyTouched && key.length > 0 && keyProblem;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setKeyTouched(true);
    if (keyProblem || !company.trim()) return;
    setBusy(true);
    setError(null);
    const at = Date.now();
    try {
      const tenant = await api.createTenant(
        {
          key,
          company_name: company.trim(),
          pool_id: poolId || undefined,
          plan: plan || undefined,
          admin_email: email.trim() || undefined,
        },
        idempotencyKey,
      );
      setCreated({ tenant: { ...tenant, key: tenant.key ?? key, status: tenant.status ?? 'pending' }, at });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <main id="main">
        <h1>Tenant {created.tenant.key} created</h1>
        {created.tenant.invitation?.url ? (
          <InvitationLink url={created.tenant.invitation.url} expiresAt={created.tenant.invitation.expires_at} />
        ) : (
          created.tenant.admin_email && (
            <p className="notice" role="note">
              An invitation to activate the workspace was emailed to <strong>{created.tenant.admin_email}</strong>.
            </p>
          )
        )}
        <ProvisioningWatch initial={created.tenant} startedAt={created.at} />
      </main>
    );
  }

  return (
    <main id="main">
      <h1>Create tenant</h1>
      {(!pools || !plans) && !error && <Loading what="pools and plans" />}
      <form className="stacked" onSubmit={submit} aria-busy={busy} noValidate>
        <label htmlFor="key">Tenant key</label>
        <input
          id="key"
          value={key}
          required
          autoComplete="off"
          spellCheck={false}
          aria-invalid={!!showKeyProblem}
          aria-describedby="key-help"
          onChange={(e) => {
            setKey(e.target.value);
            setKeyTouched(true);
          }}
        />
        <p id="key-help" className={showKeyProblem ? 'field-error' : 'muted'}>
          {showKeyProblem || `Used in the host name ${key && !keyProblem ? `${key}.<domain>` : '<key>.<domain>'} and the database name.`}
        </p>

        <label htmlFor="company">Company name</label>
        <input id="company" value={company} required onChange={(e) => setCompany(e.target.value)} />

        <label htmlFor="pool">Pool</label>
        <select id="pool" value={poolId} onChange={(e) => setPoolId(e.target.value)}>
          <option value="">default pool</option>
          {pools?.map((p) => (
            <option key={p.id} value={p.id} disabled={p.tenant_count >= p.max_tenants}>
              {poolLabel(p)}
            </option>
          ))}
        </select>

        <label htmlFor="plan">Plan</label>
        <select id="plan" value={plan} onChange={(e) => setPlan(e.target.value)}>
          <option value="">default plan</option>
          {plans?.map((p) => (
            <option key={p.key} value={p.key}>
              {p.key} — {p.rate_per_second}/s, {p.max_users} users
            </option>
          ))}
        </select>

        <label htmlFor="admin-email">First admin email (optional)</label>
        <input
          id="admin-email"
          type="email"
          autoComplete="off"
          value={email}
          aria-describedby="admin-email-help"
          onChange={(e) => setEmail(e.target.value)}
        />
        <p id="admin-email-help" className="muted">
          The first admin gets an invitation to choose a password. Without an email, the invitation link is shown here once.
        </p>

        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || !!keyProblem || !company.trim()}>
          {busy ? 'Creating…' : 'Create tenant'}
        </button>
      </form>
    </main>
  );
}
