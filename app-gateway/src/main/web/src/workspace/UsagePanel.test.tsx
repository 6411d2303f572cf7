import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@gateway/web-base/test/fakeFetch';
import type { Usage } from '../api/types';
import { meAs, page, renderWorkspace, user, workspaceBackend } from '../test/workspace';

const USAGE: Usage = {
  period: '2026-12',
  users: { used: 2, limit: 5 },
  projects: { used: 10, limit: 10 },
  storage_mb: { used: 42, limit: null },
  requests: { used: 12345, limit: null },
  rate_per_second: 20,
  plan: 'starter',
};

describe('plan & usage', () => {
  it('shows each resource used against its limit, unlimited ones as such', async () => {
    workspaceBackend(meAs('member'), (call) => {
      if (call.url === '/api/usage') return json(200, USAGE);
      if (call.url.startsWith('/api/users')) return page([user('u-ada', 'ada@acme.test', 'active', 'admin')]);
      return undefined;
    });
    renderWorkspace('/plan', meAs('member'));

    const table = await screen.findByRole('table');
    expect(within(table).getByText('starter plan, 2026-12')).toBeInTheDocument();
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Users')).toHaveTextContent(/2.*5/);
    expect(row('Projects')).toHaveTextContent('limit reached');
    expect(row('Storage')).toHaveTextContent(/42 MB.*unlimited/);
    expect(row('API requests this month')).toHaveTextContent(/12,345.*unlimited/);
    expect(within(row('Users')).getByRole('meter', { name: 'Users used' })).toHaveAttribute('value', '2');
    expect(within(row('Storage')).queryByRole('meter')).not.toBeInTheDocument();
  });

  it('says so when the usage cannot be read', async () => {
    workspaceBackend(meAs('member'), (call) => {
      if (call.url === '/api/usage') return problem(503, 'service-unavailable', 'Service Unavailable', 'try later');
      if (call.url.startsWith('/api/users')) return page([]);
      return undefined;
    });
    renderWorkspace('/plan', meAs('member'));

    expect(await screen.findByText(/try later/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
