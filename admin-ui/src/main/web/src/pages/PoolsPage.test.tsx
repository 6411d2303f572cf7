import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PoolsPage } from './PoolsPage';
import { PlansPage } from './PlansPage';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';

const defaultPool = { id: 'p1', name: 'default', host: '127.0.0.1', port: 5432, database: 'postgres', isolation: 'database', max_tenants: 10, tenant_count: 4, status: 'active' };

describe('pools page', () => {
  it('shows each pool with a capacity meter', async () => {
    fakeFetch(() => json(200, [defaultPool]));
    renderAt('/pools', '/pools', <PoolsPage />);

    const meter = await screen.findByRole('meter', { name: 'default capacity' });
    expect(meter).toHaveAttribute('value', '4');
    expect(meter).toHaveAttribute('max', '10');
    expect(screen.getByText('4 / 10')).toBeInTheDocument();
  });

  it('creates a pool and lists it, or shows why the registry refused it', async () => {
    let pools = [defaultPool];
    const calls = fakeFetch((call) => {
      if (call.method === 'POST') {
        const body = call.body as { name: string };
        if (body.name === 'default') return problem(409, 'validation', 'Pool exists', "pool 'default' already exists");
        pools = [...pools, { ...defaultPool, id: 'p2', name: body.name, isolation: 'schema', tenant_count: 0 }];
        return json(201, pools[1]);
      }
      return json(200, pools);
    });
    renderAt('/pools', '/pools', <PoolsPage />);
    const user = userEvent.setup();
    await screen.findByRole('meter', { name: 'default capacity' });

    await user.type(screen.getByLabelText('Name'), 'default');
    await user.click(screen.getByRole('button', { name: 'Create pool' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Pool exists: pool 'default' already exists");

    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'shared-eu');
    await user.clear(screen.getByLabelText('Maximum tenants'));
    await user.type(screen.getByLabelText('Maximum tenants'), '500');
    await user.click(screen.getByRole('button', { name: 'Create pool' }));

    expect(await screen.findByRole('meter', { name: 'shared-eu capacity' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({
      name: 'shared-eu', host: '127.0.0.1', port: 5432, isolation: 'schema', max_tenants: 500,
    });
  });
});

describe('plans page', () => {
  it('lists the limits of each plan', async () => {
    fakeFetch(() => json(200, [{ key: 'enterprise', rate_per_second: 500, burst: 1000, max_users: 1000, max_projects: 0, max_storage_mb: 0, features: ['sso', 'audit'] }]));
    renderAt('/plans', '/plans', <PlansPage />);

    expect(await screen.findByRole('rowheader', { name: 'enterprise' })).toBeInTheDocument();
    expect(screen.getByText('sso, audit')).toBeInTheDocument();
  });
});
