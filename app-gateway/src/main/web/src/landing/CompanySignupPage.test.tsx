import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '@gateway/web-base/test/fakeFetch';
import type { Call } from '@gateway/web-base/test/fakeFetch';
import { CompanySignupPage } from './CompanySignupPage';

const PLANS = [
  { key: 'starter', rate_per_second: 20, burst: 40, max_users: 5, max_projects: 10, max_storage_mb: 100, features: [], self_service: false },
  { key: 'trial', rate_per_second: 5, burst: 10, max_users: 2, max_projects: 0, max_storage_mb: 0, features: [], self_service: true },
];

function registry(onSignup: (call: Call) => Response = () => json(202, { id: 's1', status: 'pending' })) {
  return fakeFetch((call) => {
    if (call.url === '/api/platform/plans') return json(200, { items: PLANS });
    if (call.url.startsWith('/api/platform/keys/')) {
      const key = decodeURIComponent(call.url.substring('/api/platform/keys/'.length));
      if (key === 'admin') return json(200, { key, available: false, reason: 'reserved', detail: "'admin' is reserved" });
      if (key === 'globex') return json(200, { key, available: false, reason: 'taken', detail: "'globex' is taken" });
      return json(200, { key, available: true });
    }
    if (call.url === '/api/platform/signups') return onSignup(call);
    return problem(404, 'not-found', 'Not Found');
  });
}

function renderPage(path = '/signup') {
  render(
    <MemoryRouter initialEntries={[path]}>
      <CompanySignupPage />
    </MemoryRouter>,
  );
  return userEvent.setup();
}

async function fill(user: ReturnType<typeof userEvent.setup>, key = 'acme') {
  await user.type(screen.getByLabelText('Company name'), 'Acme Logistics');
  await user.type(screen.getByLabelText('Workspace key'), key);
  await user.type(screen.getByLabelText('Your work email'), 'ada@acme.test');
  await screen.findByRole('radio', { name: /Starter/ });
}

describe('company sign-up', () => {
  it('checks the key once typing pauses and says whether it is free', async () => {
    const calls = registry();
    const user = renderPage();
    const key = screen.getByLabelText('Workspace key');

    await user.type(key, 'acme');

    expect(await screen.findByText(/acme is available: your workspace will be at http:\/\/acme\.localhost/)).toBeInTheDocument();
    expect(calls.filter((c) => c.url.startsWith('/api/platform/keys/')).map((c) => c.url)).toEqual(['/api/platform/keys/acme']);
    expect(key).toHaveAttribute('aria-invalid', 'false');

    await user.clear(key);
    await user.type(key, 'admin');

    expect(await screen.findByText("'admin' is reserved")).toBeInTheDocument();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription("'admin' is reserved");
  });

  it('does not send the form while the key is known to be taken', async () => {
    const calls = registry();
    const user = renderPage();
    await fill(user, 'globex');
    await screen.findByText("'globex' is taken");

    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(calls.some((c) => c.url === '/api/platform/signups')).toBe(false);
    expect(screen.getByLabelText('Workspace key')).toHaveFocus();
  });

  it('sends the company and shows that it awaits approval', async () => {
    const calls = registry();
    const user = renderPage('/signup?plan=starter');
    await fill(user);

    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('heading', { name: 'Received, awaiting approval' })).toHaveFocus();
    expect(calls.find((c) => c.url === '/api/platform/signups')?.body).toEqual({
      company_name: 'Acme Logistics',
      key: 'acme',
      admin_email: 'ada@acme.test',
      plan: 'starter',
    });
  });

  it('goes straight on for a self-service plan', async () => {
    registry(() => json(202, { id: 's2', status: 'approved' }));
    const user = renderPage('/signup?plan=trial');
    await fill(user);
    expect(screen.getByRole('radio', { name: /Trial/ })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('heading', { name: 'Approved: check your inbox' })).toBeInTheDocument();
  });

  it('shows each validation message next to its field and focuses the first', async () => {
    registry(() =>
      problem(400, 'validation', 'Invalid request', 'admin_email: must be a well-formed email address', {
        errors: [
          { field: 'company_name', message: 'must not be blank' },
          { field: 'admin_email', message: 'must be a well-formed email address' },
        ],
      }),
    );
    const user = renderPage();
    await fill(user);

    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    const company = screen.getByLabelText('Company name');
    await waitFor(() => expect(company).toHaveAccessibleDescription('must not be blank'));
    expect(company).toHaveFocus();
    expect(screen.getByLabelText('Your work email')).toHaveAccessibleDescription('must be a well-formed email address');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts a key taken meanwhile next to the key, and other refusals above the button', async () => {
    let answer = problem(409, 'key-taken', 'Key taken', "'acme' was taken a moment ago");
    registry(() => answer);
    const user = renderPage();
    await fill(user);

    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(screen.getByLabelText('Workspace key')).toHaveAccessibleDescription("'acme' was taken a moment ago"));

    answer = problem(429, 'too-many-requests', 'Too Many Requests', 'try again in 30 seconds');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too Many Requests: try again in 30 seconds');
  });
});
