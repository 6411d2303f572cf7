import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import { fakeFetch, fakeToken, json, problem, renderAt } from '../test/fakeApi';

describe('sign-in', () => {
  it('shows the registry message for bad credentials and signs in with the keyboard', async () => {
    const token = fakeToken({ sub: 'admin', roles: ['admin'] });
    fakeFetch((call) => {
      if (call.url === '/api/gateway/auth/login') {
        return (call.body as { password: string }).password === 'right'
          ? json(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 })
          : problem(401, 'unauthorized', 'Unauthorized', 'invalid username or password');
      }
      return json(200, { items: [], next_cursor: null });
    });
    const { store } = renderAt('/tenants', '/*', <App />, null);
    const user = userEvent.setup();

    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.keyboard('wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Unauthorized: invalid username or password');

    await user.clear(screen.getByLabelText('Password'));
    await user.keyboard('right{Enter}');

    expect(await screen.findByRole('heading', { name: 'Tenants' })).toBeInTheDocument();
    expect(store.get()).toBe(token);
    expect(screen.getByText('admin (admin)')).toBeInTheDocument();
  });

  it('hides write actions from a viewer', async () => {
    fakeFetch(() => json(200, { items: [], next_cursor: null }));
    renderAt('/tenants', '/*', <App />, fakeToken({ sub: 'eve', roles: ['viewer'] }));

    expect(await screen.findByText('No tenants yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create tenant' })).not.toBeInTheDocument();
  });
});
