import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, problem } from '@gateway/web-base/test/fakeFetch';
import { FindWorkspacePage } from './FindWorkspacePage';

function registry() {
  return fakeFetch((call) => {
    if (call.url === '/api/platform/keys/acme') return json(200, { key: 'acme', available: false, reason: 'taken', detail: 'taken' });
    if (call.url === '/api/platform/keys/nope') return json(200, { key: 'nope', available: true });
    if (call.url === '/api/platform/keys/b_d') return json(200, { key: 'b_d', available: false, reason: 'invalid', detail: 'keys use a-z, 0-9 and -' });
    if (call.url === '/api/platform/workspaces/lookup') {
      return (call.body as { email: string }).email.includes('@')
        ? json(202, {})
        : problem(400, 'validation', 'Invalid request', undefined, { errors: [{ field: 'email', message: 'must be a well-formed email address' }] });
    }
    return problem(404, 'not-found', 'Not Found');
  });
}

describe('finding a workspace on the base domain', () => {
  it('goes to the sign-in page of an existing workspace', async () => {
    registry();
    const go = vi.fn();
    render(<FindWorkspacePage go={go} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Workspace key'), 'Acme{Enter}');

    await vi.waitFor(() => expect(go).toHaveBeenCalledWith(`http://acme.${window.location.host}/login`));
  });

  it('says when there is no such workspace, or the key cannot be one', async () => {
    registry();
    const go = vi.fn();
    render(<FindWorkspacePage go={go} />);
    const user = userEvent.setup();
    const key = screen.getByLabelText('Workspace key');

    await user.type(key, 'nope{Enter}');
    expect(await screen.findByText(/There is no workspace called nope/)).toBeInTheDocument();
    expect(key).toHaveAttribute('aria-invalid', 'true');

    await user.clear(key);
    await user.type(key, 'b_d{Enter}');
    expect(await screen.findByText('keys use a-z, 0-9 and -')).toBeInTheDocument();
    expect(go).not.toHaveBeenCalled();
  });

  it('mails the workspaces of an address without saying whether there are any', async () => {
    const calls = registry();
    render(<FindWorkspacePage go={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Your email'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Email me my workspaces' }));
    expect(await screen.findByText('must be a well-formed email address')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Your email'));
    await user.type(screen.getByLabelText('Your email'), 'ada@acme.test');
    await user.click(screen.getByRole('button', { name: 'Email me my workspaces' }));

    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    expect(calls.at(-1)?.body).toEqual({ email: 'ada@acme.test' });
  });
});
