import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MigrationsPage } from './MigrationsPage';
import { isFinished } from './MigrationRunView';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';

describe('migrations page', () => {
  it('starts a fleet run and follows its per-tenant progress until it is finished', async () => {
    let polls = 0;
    const calls = fakeFetch((call) => {
      if (call.method === 'POST') return json(202, { run_id: 'run-1', status: 'running', total: 2, succeeded: 0, failed: 0, pending: 2 });
      if (call.url === '/api/gateway/migrations/drift')
        return json(200, { latest_version: '3', ready_tenants: 2, drifted: [{ tenant: 'beta', schema_version: '2', isolation: 'schema' }] });
      if (!call.url.startsWith('/api/gateway/migrations/run-1')) return json(200, { items: [], next_cursor: null });
      polls++;
      return polls < 2
        ? json(200, {
            run: { run_id: 'run-1', status: 'running', total: 2, succeeded: 1, failed: 0, pending: 1 },
            results: [{ tenant: 'acme', status: 'succeeded', to_version: '3', duration_ms: 40 }, { tenant: 'beta', status: 'running' }],
          })
        : json(200, {
            run: { run_id: 'run-1', status: 'failed', total: 2, succeeded: 1, failed: 1, pending: 0 },
            results: [
              { tenant: 'acme', status: 'succeeded', to_version: '3', duration_ms: 40 },
              { tenant: 'beta', status: 'failed', error: 'relation "tasks" already exists' },
            ],
          });
    });
    renderAt('/migrations', '/migrations', <MigrationsPage />);
    const user = userEvent.setup();

    expect(await screen.findByText(/1 of 2 ready tenants are behind the latest tenant schema 3: beta \(2\)/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('all tenants'));
    await user.clear(screen.getByLabelText('Tenants migrated in parallel'));
    await user.type(screen.getByLabelText('Tenants migrated in parallel'), '4');

    await user.click(screen.getByLabelText(/keep going past failed/));

    const post = calls.find((c) => c.method === 'POST');
    expect(post).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Start migration' }));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ all: true, parallel: 4, skip_failing: true, canary: 0 });
    expect(await screen.findByText(/1 of 2 tenants/)).toBeInTheDocument();
    expect(await screen.findByText('relation "tasks" already exists', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText(/failed — 2 of 2 tenants, 1 failed/)).toBeInTheDocument();
  });

  it('validates a single tenant key before starting', async () => {
    fakeFetch(() => problem(502, 'upstream-unavailable', 'Upstream unavailable', 'The provisioner service did not answer'));
    renderAt('/migrations', '/migrations', <MigrationsPage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Tenant key'), 'Bad');
    expect(screen.getByRole('button', { name: 'Start migration' })).toBeDisabled();
    await user.clear(screen.getByLabelText('Tenant key'));
    await user.type(screen.getByLabelText('Tenant key'), 'acme');
    await user.click(screen.getByRole('button', { name: 'Start migration' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Upstream unavailable: The provisioner service did not answer');
  });

  it('knows when a run is over', () => {
    expect(isFinished({ status: 'running', total: 3, completed: 1 })).toBe(false);
    expect(isFinished({ total: 3, completed: 3 })).toBe(true);
    expect(isFinished({ status: 'FAILED' })).toBe(true);
  });
});
