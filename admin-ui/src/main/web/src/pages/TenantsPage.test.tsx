import { screen, waitFor, within } from '@testing-library/react';
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
    expect(calls.filter((c) => c.url.startsWith('/api/gateway/tenants?')).at(-1)!.url).toContain('cursor=c2');
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

  it('draws each row a sparkline of its requests from one request per page', async () => {
    const hourly = Array.from({ length: 24 }, (_, i) => (i === 20 ? 900 : 10));
    const calls = fakeFetch((call) =>
      call.url.startsWith('/api/gateway/usage/sparklines')
        ? json(200, { metric: 'requests', from: 'f', to: 't', series: { acme: hourly, beta: [] } })
        : json(200, { items: [tenant('acme'), tenant('beta', 'pending')], next_cursor: null }),
    );
    renderAt('/tenants', '/tenants', <TenantsPage />);

    const acme = (await screen.findByRole('link', { name: 'acme' })).closest('tr')!;
    expect(await within(acme).findByRole('img', { name: '1,130 requests in the last 24 hours' })).toBeInTheDocument();
    const beta = screen.getByRole('link', { name: 'beta' }).closest('tr')!;
    expect(within(beta).queryByRole('img')).toBeNull();
    expect(within(beta).getAllByRole('cell').at(-1)).toHaveTextContent(/^—$/);
    const asked = calls.filter((c) => c.url.startsWith('/api/gateway/usage/sparklines'));
    expect(asked).toHaveLength(1);
    const query = new URL(asked[0].url, 'http://admin.test').searchParams;
    expect([query.get('metric'), query.get('tenants')]).toEqual(['requests', 'acme,beta']);
    expect(Date.parse(query.get('to')!) - Date.parse(query.get('from')!)).toBe(24 * 3_600_000);
  });

  it('keeps the table when the sparklines cannot be read, and says why', async () => {
    fakeFetch((call) =>
      call.url.startsWith('/api/gateway/usage/sparklines')
        ? problem(502, 'upstream-unavailable', 'Upstream unavailable', 'The usage-meter service did not answer')
        : json(200, { items: [tenant('acme')], next_cursor: null }),
    );
    renderAt('/tenants', '/tenants', <TenantsPage />);

    expect(await screen.findByText('Requests per tenant not available: Upstream unavailable: The usage-meter service did not answer')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'acme' })).toBeInTheDocument();
  });
});
