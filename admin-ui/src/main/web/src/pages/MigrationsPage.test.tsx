import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MigrationsPage, isFinished } from './MigrationsPage';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';

describe('migrations page', () => {
  it('starts a fleet run and follows its per-tenant progress until it is finished', async () => {
    let polls = 0;
    const calls = fakeFetch((call) => {
      if (call.method === 'POST') return json(202, { run_id: 'run-1', status: 'running', total: 2, completed: 0, results: [] });
      polls++;
      return polls < 2
        ? json(200, { run_id: 'run-1', status: 'running', total: 2, completed: 1, results: [{ tenant: 'acme', to_version: '3', duration_ms: 40 }] })
        : json(200, {
            run_id: 'run-1',
            status: 'completed',
            total: 2,
            completed: 2,
            results: [
              { tenant: 'acme', to_version: '3', duration_ms: 40 },
              { tenant: 'beta', error: 'relation "tasks" already exists' },
            ],
          });
    });
    renderAt('/migrations', '/migrations', <MigrationsPage />);
    const user = userEvent.setup();

    await user.click(screen.getByLabelText('all tenants'));
    await user.clear(screen.getByLabelText('Tenants migrated in parallel'));
    await user.type(screen.getByLabelText('Tenants migrated in parallel'), '4');
    await user.click(screen.getByRole('button', { name: 'Start migration' }));

    expect(calls[0].body).toEqual({ all: true, parallel: 4 });
    expect(await screen.findByText(/1 of 2 tenants/)).toBeInTheDocument();
    expect(await screen.findByText('relation "tasks" already exists', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText(/completed — 2 of 2 tenants, 1 failed/)).toBeInTheDocument();
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
