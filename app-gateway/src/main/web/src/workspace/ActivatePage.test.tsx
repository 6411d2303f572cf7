import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeToken, json, problem } from '@gateway/web-base/test/fakeFetch';
import type { Call } from '@gateway/web-base/test/fakeFetch';
import { TOKEN_STORAGE_KEY } from './session';
import { meAs, page, renderWorkspace, workspaceBackend } from '../test/workspace';

const INVITATION = 'q3Hk0_aZ-9mP2rT7vW1xYw';

function backend(activate: (call: Call) => Response) {
  return workspaceBackend(meAs('admin'), (call) => {
    if (call.url === '/api/auth/activate') return activate(call);
    if (call.url.startsWith('/api/projects')) return page([]);
    return undefined;
  });
}

async function choosePassword(user: ReturnType<typeof userEvent.setup>, again = 'correct horse') {
  await user.type(await screen.findByLabelText('Password'), 'correct horse');
  await user.type(screen.getByLabelText('Password again'), again);
  await user.click(screen.getByRole('button', { name: 'Activate and sign in' }));
}

describe('activating an invitation', () => {
  beforeEach(() => window.history.replaceState(null, '', `/activate#${INVITATION}`));

  it('takes the token from the fragment, sends it only in the body and signs in', async () => {
    const calls = backend(() => json(200, { access_token: fakeToken({ sub: 'u-ada', role: 'admin' }), token_type: 'Bearer', expires_in: 3600 }));
    renderWorkspace('/activate', null);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Welcome to Acme Logistics' });

    expect(window.location.hash).toBe('');
    await user.type(screen.getByLabelText('Your name'), 'Ada');
    await choosePassword(user);

    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument();
    const activate = calls.find((c) => c.url === '/api/auth/activate');
    expect(activate?.body).toEqual({ token: INVITATION, password: 'correct horse', name: 'Ada' });
    expect(calls.every((c) => !c.url.includes(INVITATION))).toBe(true);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeTruthy();
  });

  it('checks that both passwords match before sending anything', async () => {
    const calls = backend(() => json(500, {}));
    renderWorkspace('/activate', null);
    const user = userEvent.setup();

    await choosePassword(user, 'correct horsf');

    expect(screen.getByLabelText('Password again')).toHaveAccessibleDescription('The two passwords differ.');
    expect(calls.some((c) => c.url === '/api/auth/activate')).toBe(false);
  });

  it('asks for an address when the invitation has none, and shows the password rules the server applies', async () => {
    const calls = backend((call) =>
      (call.body as { email?: string }).email
        ? problem(400, 'validation', 'Invalid request', undefined, { errors: [{ field: 'activate.request.password', message: 'must be at least 12 characters' }] })
        : problem(400, 'validation', 'Invalid request', undefined, { errors: [{ field: 'email', message: 'this invitation has no address: give yours' }] }),
    );
    renderWorkspace('/activate', null);
    const user = userEvent.setup();
    expect(await screen.findByLabelText('Password')).toBeInTheDocument();
    expect(screen.queryByLabelText('Your email')).not.toBeInTheDocument();

    await choosePassword(user);
    const email = await screen.findByLabelText('Your email');
    expect(email).toHaveAccessibleDescription('this invitation has no address: give yours');
    expect(email).toHaveFocus();

    await user.type(email, 'ada@acme.test');
    await user.click(screen.getByRole('button', { name: 'Activate and sign in' }));

    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('must be at least 12 characters'));
    expect(calls.filter((c) => c.url === '/api/auth/activate').at(-1)?.body).toMatchObject({ email: 'ada@acme.test' });
  });

  it('explains a used link and an expired one instead of the form', async () => {
    let answer = problem(404, 'invitation-invalid', 'Invitation invalid', 'unknown or used invitation');
    backend(() => answer);
    const first = renderWorkspace('/activate', null);
    const user = userEvent.setup();

    await choosePassword(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not valid any more');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
    first.unmount();

    window.history.replaceState(null, '', `/activate#${INVITATION}`);
    answer = problem(410, 'invitation-expired', 'Invitation expired', 'the invitation expired');
    renderWorkspace('/activate', null);
    await choosePassword(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation has expired. Ask an admin of Acme Logistics');
  });

  it('says where the token should have come from when the link was cut short', async () => {
    window.history.replaceState(null, '', '/activate');
    backend(() => json(500, {}));
    renderWorkspace('/activate', null);

    expect(await screen.findByRole('alert')).toHaveTextContent('This page opens from the link in your invitation email');
  });
});
