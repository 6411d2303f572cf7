import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TenantsPage } from './TenantsPage';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';

const tenant = (key: string, status = 'ready') => ({
  key,
  company_name: `${key} Inc`,
  plan: 'free',
  status,
  pool: { id: 'p1', name: 'default' },
  created_at: '2026-11-23T10:00:00Z',
  ready_at: null,
});

describe('tenants table', () => {
  it('lists tenants with their columns and pages with the cursor', async () => {
    const calls = fakeFetch((call) =>
      call.url.includes('cursor=c2')
        ? json(200, { items: [tenant('third')], next_cursor: null })
        : json(200, { items: [tenant('acme'), tenant('beta', 'pending')], next_cursor: 'c2' }),
    );
    renderAt('/tenants', '/tenants', <TenantsPage />);
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: 'acme' })).toHaveAttribute('href', '/tenants/acme');
    expect(screen.getByText('beta Inc')).toBeInTheDocument();
    expect(screen.getByText('pending', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByRole('link', { name: 'third' })).toBeInTheDocument();
    expect(calls.at(-1)!.url).toContain('cursor=c2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'acme' })).toBeInTheDocument();
  });

  it('filters by search text and status', async () => {
    const calls = fakeFetch(() => json(200, { items: [], next_cursor: null }));
    renderAt('/tenants', '/tenants', <TenantsPage />);
    const user = userEvent.setup();

    expect(await screen.findByText('No tenants yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search'), 'acme');
    await user.selectOptions(screen.getByLabelText('Status'), 'failed');

    await waitFor(() => expect(calls.at(-1)!.url).toBe('/api/gateway/tenants?q=acme&status=failed&limit=20'));
    expect(await screen.findByText('No tenant matches these filters.')).toBeInTheDocument();
  });

  it('shows the API problem as a readable message', async () => {
    fakeFetch(() => problem(403, 'forbidden', 'Forbidden', 'role viewer may not do this'));
    renderAt('/tenants', '/tenants', <TenantsPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Forbidden: role viewer may not do this');
  });
});
