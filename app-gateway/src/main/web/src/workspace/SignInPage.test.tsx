import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeToken, json, problem } from '@gateway/web-base/test/fakeFetch';
import { meAs, page, renderWorkspace, workspaceBackend } from '../test/workspace';

describe('signing in to a workspace', () => {
  it('tells a pending member that an admin has to approve them, then signs in an approved one', async () => {
    let answer = problem(403, 'account-pending', 'Account pending', 'your request to join awaits approval');
    workspaceBackend(meAs('member'), (call) => {
      if (call.url === '/api/auth/token') return answer;
      if (call.url.startsWith('/api/projects')) return page([]);
      return undefined;
    });
    const { store } = renderWorkspace('/login', null);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Sign in to Acme Logistics' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask to join Acme Logistics' })).toHaveAttribute('href', '/signup');

    await user.type(screen.getByLabelText('Email'), 'bob@acme.test');
    await user.type(screen.getByLabelText('Password'), 'secret-pass{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent("Your request to join Acme Logistics is waiting for an admin's approval");
    expect(store.get()).toBeNull();

    answer = json(200, { access_token: fakeToken({ sub: 'u-bob', role: 'member' }) });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument();
    expect(screen.getByText('Bob (member)')).toBeInTheDocument();
  });

  it('says wrong email or password without more detail', async () => {
    workspaceBackend(null, (call) => (call.url === '/api/auth/token' ? problem(401, 'unauthorized', 'Unauthorized', 'wrong email or password') : undefined));
    renderWorkspace('/login', null);
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Email'), 'bob@acme.test');
    await user.type(screen.getByLabelText('Password'), 'nope{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('sends a signed-out visitor of a workspace page to the sign-in page', async () => {
    workspaceBackend(null);
    renderWorkspace('/projects', null);

    expect(await screen.findByRole('heading', { name: 'Sign in to Acme Logistics' })).toBeInTheDocument();
  });
});
