import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TenantDetailPage } from './TenantDetailPage';
import { entryTransition } from '../tenants/TenantPanels';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';
import { series, twoHours } from '../test/usageFixtures';

vi.mock('uplot', () => import('../test/fakeUplot'));

const acme = {
  key: 'acme',
  company_name: 'Acme',
  plan: 'free',
  status: 'ready',
  revision: 4,
  pool: { id: 'p1', name: 'default', host: '127.0.0.1', port: 5432 },
  db_name: 'tenant_acme',
};

function backend(overrides: Record<string, () => Response> = {}) {
  return fakeFetch((call) => {
    const route = `${call.method} ${call.url}`;
    if (overrides[route]) return overrides[route]();
    if (route === 'GET /api/gateway/tenants/acme') return json(200, acme);
    if (route === 'GET /api/gateway/tenants/acme/events')
      return json(200, [{ type: 'tenant.created', from: null, to: 'pending', actor: 'admin', at: '2026-11-23T10:00:00Z' }]);
    if (route === 'GET /api/gateway/plans') return json(200, [{ key: 'free' }, { key: 'starter' }]);
    if (route === 'GET /api/admin/settings') return json(200, { base_domain: 'example.com' });
    if (route.startsWith('GET /api/gateway/usage?')) return json(200, series('acme', twoHours));
    if (route.startsWith('GET /api/gateway/tenants/acme/activity?')) return json(200, { items: [], next_cursor: null });
    if (route === 'POST /api/gateway/tenants/acme/suspend') return json(200, { ...acme, status: 'suspended', revision: 5 });
    if (route === 'DELETE /api/gateway/tenants/acme') return json(202, { ...acme, status: 'deleting', revision: 6 });
    return problem(404, 'not-found', 'Not found');
  });
}

describe('tenant detail', () => {
  it('shows details, the published route, history and the usage panel', async () => {
    backend();
    renderAt('/tenants/acme', '/tenants/:key', <TenantDetailPage />);

    expect(await screen.findByText('Host(`acme.example.com`)')).toBeInTheDocument();
    expect(screen.getByText('tenant-acme')).toBeInTheDocument();
    expect(screen.getByText('published')).toBeInTheDocument();
    expect(await screen.findByText('created → pending')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Requests: 1,234 in this range' })).toBeInTheDocument();
    expect(await screen.findByText('No activity in this range.')).toBeInTheDocument();
  });

  it('suspends a ready tenant and shows the new status', async () => {
    const calls = backend();
    renderAt('/tenants/acme', '/tenants/:key', <TenantDetailPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Suspend' }));

    expect(await screen.findByText('suspended', { selector: 'h1 .badge' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete…' })).toBeEnabled();
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/suspend'))).toBe(true);
  });

  it('deletes only after the key is typed', async () => {
    const calls = backend();
    renderAt('/tenants/acme', '/tenants/:key', <TenantDetailPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    await user.keyboard('acme{Enter}');

    expect(await screen.findByText('deleting', { selector: 'h1 .badge' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('shows a refused action as the registry explains it', async () => {
    backend({
      'POST /api/gateway/tenants/acme/suspend': () =>
        problem(409, 'illegal-transition', 'Illegal transition', 'a deleting tenant cannot become suspended'),
    });
    renderAt('/tenants/acme', '/tenants/:key', <TenantDetailPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Suspend' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Illegal transition: a deleting tenant cannot become suspended');
  });

  it('says a missing tenant is not found', async () => {
    backend({ 'GET /api/gateway/tenants/acme': () => problem(404, 'tenant-not-found', 'Tenant not found', "no tenant 'acme'") });
    renderAt('/tenants/acme', '/tenants/:key', <TenantDetailPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent("Tenant not found: no tenant 'acme'");
  });
});

describe('history entries', () => {
  it('reads transitions and same-status changes', () => {
    expect(entryTransition({ from: 'pending', to: 'provisioning' })).toBe('pending → provisioning');
    expect(entryTransition({ type: 'tenant.updated', from: 'ready', to: 'ready' })).toBe('updated (ready)');
    expect(entryTransition({ to_status: 'pending' })).toBe('created → pending');
  });
});
