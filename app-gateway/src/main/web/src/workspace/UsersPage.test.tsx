import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@gateway/web-base/test/fakeFetch';
import { meAs, page, renderWorkspace, user as person, workspaceBackend } from '../test/workspace';

const ADA = person('u-ada', 'ada@acme.test', 'active', 'admin', 'Ada');
const BOB = person('u-bob', 'bob@acme.test', 'active', 'member', 'Bob');
const CY = person('u-cy', 'cy@acme.test', 'pending', 'member', 'Cy');
const DEE = person('u-dee', 'dee@acme.test', 'pending', 'member', 'Dee');

describe('people', () => {
  it('hides every admin action from a member', async () => {
    const calls = workspaceBackend(meAs('member'), (call) => (call.url.startsWith('/api/users') ? page([ADA, BOB]) : undefined));
    renderWorkspace('/users', meAs('member'));

    const team = await screen.findByRole('table');
    expect(within(team).getByText('ada@acme.test')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Join requests/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Invite someone' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('lets an admin approve a join request, and says why when the plan is full', async () => {
    const calls = workspaceBackend(meAs('admin'), (call) => {
      if (call.url.startsWith('/api/users?')) return page([ADA, BOB, CY, DEE]);
      if (call.url === '/api/users/u-cy/approve') return json(200, { ...CY, status: 'active' });
      if (call.url === '/api/users/u-dee/approve') {
        return problem(403, 'user-limit-reached', 'User limit reached', 'the starter plan allows 3 active users; remove someone or change plan');
      }
      return undefined;
    });
    renderWorkspace('/users', meAs('admin'));
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Join requests (2)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve cy@acme.test' }));

    expect(await screen.findByRole('heading', { name: 'Team (3)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Join requests (1)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Approve dee@acme.test' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('User limit reached: the starter plan allows 3 active users');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/users/u-cy/approve', '/api/users/u-dee/approve']);
  });

  it('rejects a request with a reason', async () => {
    const calls = workspaceBackend(meAs('admin'), (call) => {
      if (call.url.startsWith('/api/users?')) return page([ADA, CY]);
      if (call.url === '/api/users/u-cy/reject') return json(200, { ...CY, status: 'rejected' });
      return undefined;
    });
    renderWorkspace('/users', meAs('admin'));
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Reject cy@acme.test' }));
    await user.type(screen.getByLabelText(/Reason for cy@acme.test/), 'not on our team');
    await user.click(screen.getByRole('button', { name: 'Reject request' }));

    expect(await screen.findByRole('heading', { name: 'Join requests (0)' })).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/users/u-cy/reject')?.body).toEqual({ reason: 'not on our team' });
  });

  it('invites by email, showing a refused address next to the field', async () => {
    const calls = workspaceBackend(meAs('admin'), (call) => {
      if (call.url.startsWith('/api/users?')) return page([ADA]);
      if (call.url === '/api/users/u-eve' && call.method === 'DELETE') return new Response(null, { status: 204 });
      if (call.url === '/api/users/invitations') {
        const { email } = call.body as { email: string };
        return email.endsWith('@acme.test')
          ? json(201, person('u-eve', email, 'invited', 'admin'))
          : problem(422, 'email-domain-not-allowed', 'Email domain not allowed', 'only acme.test addresses may join');
      }
      return undefined;
    });
    renderWorkspace('/users', meAs('admin'));
    const user = userEvent.setup();
    const email = await screen.findByLabelText('Email');

    await user.type(email, 'eve@gmail.test');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('only acme.test addresses may join')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');

    await user.clear(email);
    await user.type(email, 'eve@acme.test');
    await user.selectOptions(screen.getByLabelText('Role'), 'admin');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Invitation sent to eve@acme.test');
    expect(screen.getByText('eve@acme.test')).toBeInTheDocument();
    expect(calls.at(-1)?.body).toEqual({ email: 'eve@acme.test', role: 'admin' });

    await user.click(screen.getByRole('button', { name: 'Withdraw the invitation of eve@acme.test' }));
    await waitFor(() => expect(screen.queryByText('eve@acme.test')).not.toBeInTheDocument());
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/users/u-eve' });
  });

  it('changes roles and shows why the last admin cannot step down', async () => {
    workspaceBackend(meAs('admin'), (call) => {
      if (call.url.startsWith('/api/users?')) return page([ADA, BOB]);
      if (call.url === '/api/users/u-bob') return json(200, { ...BOB, role: 'admin' });
      if (call.url === '/api/users/u-ada') return problem(409, 'last-admin', 'Last admin', 'a workspace keeps at least one active admin');
      return undefined;
    });
    renderWorkspace('/users', meAs('admin'));
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText('Role of bob@acme.test'), 'admin');
    expect(await screen.findByLabelText('Role of bob@acme.test')).toHaveValue('admin');

    await user.selectOptions(screen.getByLabelText('Role of ada@acme.test'), 'member');
    expect(await screen.findByRole('alert')).toHaveTextContent('Last admin: a workspace keeps at least one active admin');
    expect(screen.getByLabelText('Role of ada@acme.test')).toHaveValue('admin');
    expect(screen.queryByRole('button', { name: 'Remove ada@acme.test…' })).not.toBeInTheDocument();
  });
});
