import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { TokenStore } from '@gateway/web-base/tokenStore';
import { fakeFetch, fakeToken, json, problem } from '@gateway/web-base/test/fakeFetch';
import type { Call } from '@gateway/web-base/test/fakeFetch';
import type { Me, Role, User, WorkspaceInfo } from '../api/types';
import { SessionProvider, TOKEN_STORAGE_KEY } from '../workspace/session';
import { WorkspaceApp } from '../workspace/WorkspaceApp';

export const ACME: WorkspaceInfo = { key: 'acme', company_name: 'Acme Logistics', signup_policy: 'approval' };

export function meAs(role: Role, id = role === 'admin' ? 'u-ada' : 'u-bob'): Me {
  return {
    key: 'acme',
    company_name: 'Acme Logistics',
    plan: 'starter',
    limits: { rate_per_second: 20, burst: 40, max_users: 5 },
    features: ['projects'],
    status: 'ready',
    user: { id, email: role === 'admin' ? 'ada@acme.test' : 'bob@acme.test', name: role === 'admin' ? 'Ada' : 'Bob', role },
  };
}

export function user(id: string, email: string, status: User['status'] = 'active', role: Role = 'member', name: string | null = null): User {
  return { id, email, name, role, status };
}

/**
 * A fake app-gateway: /api/workspace and /api/me answered for the given user, everything else by
 * `handle` (which answers undefined for a 404 problem).
 */
export function workspaceBackend(me: Me | null, handle: (call: Call) => Response | undefined = () => undefined): Call[] {
  return fakeFetch((call) => {
    if (call.url === '/api/workspace') return json(200, ACME);
    if (call.url === '/api/me' && me) return json(200, me);
    return handle(call) ?? problem(404, 'not-found', 'Not Found', `no fake for ${call.method} ${call.url}`);
  });
}

export function renderWorkspace(path: string, me: Me | null) {
  const store = new TokenStore(TOKEN_STORAGE_KEY, sessionStorage);
  if (me) store.set(fakeToken({ sub: me.user.id, role: me.user.role, tenant: me.key }));
  return {
    store,
    ...render(
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider store={store}>
          <WorkspaceApp />
        </SessionProvider>
      </MemoryRouter>,
    ),
  };
}

export function page<T>(items: T[]) {
  return json(200, { items, next_cursor: null });
}
