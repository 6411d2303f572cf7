import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreateTenantPage } from './CreateTenantPage';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';

const pools = [
  { id: 'p1', name: 'default', host: '127.0.0.1', port: 5432, isolation: 'database', max_tenants: 10, tenant_count: 3, status: 'active' },
  { id: 'p2', name: 'tiny', host: '127.0.0.1', port: 5432, isolation: 'schema', max_tenants: 1, tenant_count: 1, status: 'active' },
];
const plans = [{ key: 'starter', rate_per_second: 50, burst: 100, max_users: 25, max_projects: 100, max_storage_mb: 5000, features: [] }];

function backend(onCreate: (body: unknown) => Response) {
  return fakeFetch((call) => {
    if (call.url.startsWith('/api/gateway/pools')) return json(200, pools);
    if (call.url.startsWith('/api/gateway/plans')) return json(200, plans);
    if (call.method === 'POST' && call.url === '/api/gateway/tenants') return onCreate(call.body);
    if (call.url === '/api/gateway/tenants/acme') return json(200, { key: 'acme', company_name: 'Acme', plan: 'starter', status: 'ready', revision: 3 });
    return problem(404, 'not-found', 'Not found');
  });
}

describe('create tenant form', () => {
  it('validates the key as it is typed with the registry rules', async () => {
    backend(() => json(202, {}));
    renderAt('/tenants/new', '/tenants/new', <CreateTenantPage />);
    const user = userEvent.setup();
    const key = screen.getByLabelText('Tenant key');

    await user.type(key, 'Acme');
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/must be 3-32 characters/)).toBeInTheDocument();

    await user.clear(key);
    await user.type(key, 'admin');
    expect(screen.getByText("key 'admin' is reserved")).toBeInTheDocument();

    await user.clear(key);
    await user.type(key, 'acme');
    expect(key).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('button', { name: 'Create tenant' })).toBeDisabled();
    await user.type(screen.getByLabelText('Company name'), 'Acme');
    expect(screen.getByRole('button', { name: 'Create tenant' })).toBeEnabled();
  });

  it('shows pool capacity and refuses full pools', async () => {
    backend(() => json(202, {}));
    renderAt('/tenants/new', '/tenants/new', <CreateTenantPage />);

    const full = await screen.findByRole('option', { name: /tiny \(schema\) — 1\/1 used, full/ });
    expect(full).toBeDisabled();
    expect(screen.getByRole('option', { name: 'default (database) — 3/10 used' })).toBeEnabled();
  });

  it('sends the form without a password, shows the mailed invitation and follows provisioning', async () => {
    const calls = backend(() =>
      json(202, { key: 'acme', company_name: 'Acme', plan: 'starter', status: 'pending', revision: 1, admin_email: 'a@acme.test' }),
    );
    renderAt('/tenants/new', '/tenants/new', <CreateTenantPage />);
    const user = userEvent.setup();
    await screen.findByRole('option', { name: /default \(database\)/ });

    await user.type(screen.getByLabelText('Tenant key'), 'acme');
    await user.type(screen.getByLabelText('Company name'), 'Acme');
    await user.selectOptions(screen.getByLabelText('Pool'), 'p1');
    await user.selectOptions(screen.getByLabelText('Plan'), 'starter');
    await user.type(screen.getByLabelText('First admin email (optional)'), 'a@acme.test');
    await user.click(screen.getByRole('button', { name: 'Create tenant' }));

    expect(await screen.findByText(/An invitation to activate the workspace was emailed to/)).toHaveTextContent('a@acme.test');
    expect(screen.queryByTestId('invitation-url')).not.toBeInTheDocument();
    const create = calls.find((c) => c.method === 'POST')!;
    expect(create.body).toEqual({ key: 'acme', company_name: 'Acme', pool_id: 'p1', plan: 'starter', admin_email: 'a@acme.test' });
    expect(create.headers['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(screen.getByText('ready', { selector: '.badge' })).toBeInTheDocument(), { timeout: 3000 });
  });

  it('shows the invitation link once, copyable, for a tenant created without an email', async () => {
    const url = 'http://acme.localhost:8000/activate#q3Hk0_aZ-9mP2rT7vW1xYw';
    backend(() =>
      json(202, { key: 'acme', company_name: 'Acme', plan: 'starter', status: 'pending', revision: 1, invitation: { url, expires_at: '2030-01-04T10:00:00Z' } }),
    );
    renderAt('/tenants/new', '/tenants/new', <CreateTenantPage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Tenant key'), 'acme');
    await user.type(screen.getByLabelText('Company name'), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Create tenant' }));

    expect(await screen.findByLabelText('Invitation link')).toHaveValue(url);
    expect(screen.getByText(/shown only this once/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(url);
  });

  it('shows the registry problem when the create is refused', async () => {
    backend(() => problem(409, 'validation', 'Tenant exists', "tenant 'acme' already exists"));
    renderAt('/tenants/new', '/tenants/new', <CreateTenantPage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Tenant key'), 'acme');
    await user.type(screen.getByLabelText('Company name'), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Create tenant' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Tenant exists: tenant 'acme' already exists");
  });
});
