import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '@gateway/web-base/test/fakeFetch';
import type { Call } from '@gateway/web-base/test/fakeFetch';
import { createWorkspaceApi } from '../api/workspace';
import type { SignupPolicy } from '../api/types';
import { JoinForm } from './JoinForm';

function renderForm(policy: SignupPolicy, answer: (call: Call) => Response) {
  const calls = fakeFetch(answer);
  render(
    <JoinForm
      api={createWorkspaceApi({ tenantKey: 'acme' })}
      workspace={{ key: 'acme', company_name: 'Acme Logistics', signup_policy: policy }}
      signInUrl="http://acme.localhost:8000/login"
    />,
  );
  return { calls, user: userEvent.setup() };
}

async function fill(user: ReturnType<typeof userEvent.setup>, email = 'cy@acme.test') {
  await user.type(screen.getByLabelText('Your name'), 'Cy');
  await user.type(screen.getByLabelText('Work email'), email);
  await user.type(screen.getByLabelText('Password'), 'long enough');
}

describe('asking to join a workspace', () => {
  it('sends the request to the named tenant and shows it awaits approval', async () => {
    const { calls, user } = renderForm('approval', () => json(202, { status: 'pending' }));
    await fill(user);

    await user.click(screen.getByRole('button', { name: 'Ask to join' }));

    expect(await screen.findByRole('heading', { name: 'Request received, awaiting approval' })).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/signups', body: { name: 'Cy', email: 'cy@acme.test', password: 'long enough' } });
    expect(calls[0].headers['X-Tenant-ID']).toBe('acme');
  });

  it('lets someone in at once when the workspace is open', async () => {
    const { user } = renderForm('open', () => json(201, { status: 'active' }));
    await fill(user);

    await user.click(screen.getByRole('button', { name: 'Join' }));

    expect(await screen.findByRole('heading', { name: 'Welcome to Acme Logistics' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', 'http://acme.localhost:8000/login');
  });

  it('shows no form when the workspace is closed', () => {
    renderForm('closed', () => json(500, {}));

    expect(screen.getByText(/Acme Logistics does not take sign-ups/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });

  it('shows a refused address next to the email field and other refusals above the button', async () => {
    let answer = problem(422, 'email-domain-not-allowed', 'Email domain not allowed', 'Acme Logistics accepts addresses at acme.test only');
    const { user } = renderForm('approval', () => answer);
    await fill(user, 'cy@gmail.test');

    await user.click(screen.getByRole('button', { name: 'Ask to join' }));

    const email = screen.getByLabelText('Work email');
    await waitFor(() => expect(email).toHaveAccessibleDescription('Acme Logistics accepts addresses at acme.test only'));
    expect(email).toHaveFocus();

    answer = problem(403, 'user-limit-reached', 'User limit reached', 'the starter plan allows 5 users');
    await user.click(screen.getByRole('button', { name: 'Ask to join' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('User limit reached: the starter plan allows 5 users');
  });
});
