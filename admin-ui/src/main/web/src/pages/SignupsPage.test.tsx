import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import type { Signup } from '../api/types';
import { fakeFetch, fakeToken, json, problem, renderAt } from '../test/fakeApi';
import type { Call } from '../test/fakeApi';

const ACME: Signup = {
  id: 's1',
  key: 'acme',
  company_name: 'Acme Logistics',
  admin_email: 'ada@acme.test',
  plan: 'starter',
  status: 'pending',
  created_at: '2030-01-01T10:00:00Z',
};
const GLOBEX: Signup = { ...ACME, id: 's2', key: 'globex', company_name: 'Globex', admin_email: 'hank@globex.test' };

/** A fake registry whose summary follows the decisions taken. */
function registry(decide: (call: Call) => Response | undefined = () => undefined) {
  const summary = { pending: 2, approved: 5, rejected: 1, expired: 0 };
  return fakeFetch((call) => {
    if (call.url === '/api/gateway/signups/summary') return json(200, summary);
    if (call.url.startsWith('/api/gateway/signups?')) return json(200, { items: [ACME, GLOBEX], next_cursor: null });
    const answer = decide(call);
    if (answer?.ok) {
      summary.pending -= 1;
      if (call.url.endsWith('/approve')) summary.approved += 1;
      else summary.rejected += 1;
    }
    return answer ?? json(200, { items: [], next_cursor: null });
  });
}

const row = (key: string) => screen.getByText(key, { selector: 'code, a' }).closest('tr')!;

describe('signups', () => {
  it('shows the pending count in the navigation and the pending queue', async () => {
    const calls = registry();
    renderAt('/signups', '/*', <App />);

    expect(await screen.findByText('Acme Logistics')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Signups 2 pending' })).toBeInTheDocument();
    expect(within(row('globex')).getByText('hank@globex.test')).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/gateway/signups?'))?.url).toBe('/api/gateway/signups?status=pending&limit=20');
    expect(screen.getByRole('option', { name: 'approved (5)' })).toBeInTheDocument();
  });

  it('approves a signup, links its tenant and updates the count', async () => {
    registry((call) => (call.url === '/api/gateway/signups/s1/approve' ? json(200, { ...ACME, status: 'approved', tenant: 'acme', decided_by: 'admin', decided_at: '2030-01-01T11:00:00Z' }) : undefined));
    renderAt('/signups', '/*', <App />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Approve acme' }));

    expect(await screen.findByRole('link', { name: 'acme' })).toHaveAttribute('href', '/tenants/acme');
    expect(within(row('acme')).getByText('approved', { selector: '.badge' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Signups 1 pending' })).toBeInTheDocument();
  });

  it('rejects only with a reason, which it sends', async () => {
    const calls = registry((call) => (call.url === '/api/gateway/signups/s2/reject' ? json(200, { ...GLOBEX, status: 'rejected', reason: 'duplicate of acme' }) : undefined));
    renderAt('/signups', '/*', <App />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Reject globex…' }));
    const reason = screen.getByLabelText('Reason for rejecting globex');
    expect(reason).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Reject signup' }));
    expect(reason).toHaveAccessibleDescription('Give the reason: it is emailed to the company.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.type(reason, 'duplicate of acme');
    await user.click(screen.getByRole('button', { name: 'Reject signup' }));

    expect(await screen.findByText('Reason: duplicate of acme')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'duplicate of acme' });
  });

  it('shows why a decision was refused', async () => {
    registry((call) => (call.method === 'POST' ? problem(409, 'signup-decided', 'Signup decided', 'signup s1 was rejected already') : undefined));
    renderAt('/signups', '/*', <App />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Approve acme' }));

    expect(await within(row('acme')).findByRole('alert')).toHaveTextContent('Signup decided: signup s1 was rejected already');
  });

  it('lets a viewer read the queue without deciding, and filters by status', async () => {
    const calls = registry();
    renderAt('/signups', '/*', <App />, fakeToken({ sub: 'eve', roles: ['viewer'] }));
    const user = userEvent.setup();

    expect(await screen.findByText('Acme Logistics')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Decision' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'rejected (1)');
    expect(calls.at(-1)?.url).toBe('/api/gateway/signups?status=rejected&limit=20');
  });
});
