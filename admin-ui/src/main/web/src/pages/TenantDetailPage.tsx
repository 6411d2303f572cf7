import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useCatchUp, useLiveEvents, useSession } from '../session';
import type { LifecycleEntry, Plan, Tenant } from '../api/types';
import { applyEvent } from '../events/lifecycleEvents';
import { ErrorMessage, Loading, StatusBadge } from '../components/common';
import { TenantActions } from '../tenants/TenantActions';
import { LifecycleHistory, TenantDetails, TenantRoutes } from '../tenants/TenantPanels';
import { TenantUsagePanel } from '../usage/TenantUsagePanel';

export function TenantDetailPage() {
  const { key = '' } = useParams();
  const { api } = useSession();
  const catchUp = useCatchUp();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<LifecycleEntry[] | null>(null);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [baseDomain, setBaseDomain] = useState('localhost');
  const [publishedRule, setPublishedRule] = useState<string | null>(null);

  const loadHistory = useCallback(() => {
    api.tenantHistory(key).then(setHistory).catch(() => setHistory([]));
  }, [api, key]);

  useEffect(() => {
    setTenant(null);
    api.getTenant(key).then((t) => setTenant(catchUp(t))).catch(setError);
    loadHistory();
    api.listPlans().then(setPlans).catch(() => setPlans([]));
    api.settings().then((s) => setBaseDomain(s.base_domain)).catch(() => undefined);
  }, [api, key, loadHistory, catchUp]);

  useLiveEvents((event) => {
    if (event.tenant !== key) return;
    if (event.type === 'route.published') setPublishedRule(event.data?.rule ?? null);
    if (event.type === 'route.removed') setPublishedRule(null);
    setTenant((t) => (t ? applyEvent(t, event) : t));
    if (event.type.startsWith('tenant.')) loadHistory();
  });

  if (!tenant) {
    return (
      <main id="main">
        <h1>Tenant {key}</h1>
        {error ? <ErrorMessage error={error} /> : <Loading what="tenant" />}
      </main>
    );
  }
  return (
    <main id="main">
      <h1>
        {tenant.key} <StatusBadge status={tenant.status} />
      </h1>
      {tenant.status === 'failed' && (
        <p className="error" role="alert">
          Failed: {tenant.status_reason ?? 'no reason reported'}
        </p>
      )}
      <TenantActions
        tenant={tenant}
        plans={plans}
        onChange={(next) => {
          setTenant((t) => (t ? { ...t, ...next } : t));
          loadHistory();
        }}
      />
      <div className="grid">
        <TenantDetails tenant={tenant} />
        <TenantRoutes tenant={tenant} baseDomain={baseDomain} publishedRule={publishedRule} />
      </div>
      <LifecycleHistory history={history} />
      <TenantUsagePanel tenant={tenant.key} />
    </main>
  );
}
