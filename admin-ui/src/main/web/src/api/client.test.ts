import { describe, expect, it, vi } from 'vitest';
import { createApiClient, usageCalls } from './client';
import { ApiError } from '@gateway/web-base/problem';

function client(respond: (url: string, init: RequestInit) => Response | Promise<Response>, token: string | null = 'tok') {
  const calls: { url: string; init: RequestInit }[] = [];
  const onUnauthorized = vi.fn();
  const api = createApiClient({
    getToken: () => token,
    onUnauthorized,
    fetchImpl: async (input, init = {}) => {
      calls.push({ url: String(input), init });
      return respond(String(input), init);
    },
  });
  return { api, calls, onUnauthorized };
}

const problemJson = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('api client', () => {
  it('turns a problem+json answer into an ApiError with its title, detail and type', async () => {
    const { api } = client(() =>
      problemJson(409, {
        type: 'https://gateway.dev/problems/illegal-transition',
        title: 'Illegal transition',
        status: 409,
        detail: 'cannot move from pending to suspended',
      }),
    );

    const error = await api.suspend('acme').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.problem).toBe('illegal-transition');
    expect(apiError.message).toBe('Illegal transition: cannot move from pending to suspended');
  });

  it('explains failures without a problem body by their status', async () => {
    const { api } = client(() => new Response('<html>bad gateway</html>', { status: 502 }));

    await expect(api.listPlans()).rejects.toThrow('A backend service is not reachable');
  });

  it('reports an unreachable server as a readable error, not a TypeError', async () => {
    const { api } = client(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(api.getTenant('acme')).rejects.toMatchObject({ status: 0, title: 'Cannot reach the admin server' });
  });

  it('sends the bearer token and a fresh Idempotency-Key on creates', async () => {
    const { api, calls } = client(() => new Response(JSON.stringify({ key: 'acme', status: 'pending' }), { status: 202 }));

    await api.createTenant({ key: 'acme', company_name: 'Acme' });
    await api.createTenant({ key: 'acme', company_name: 'Acme' }, 'fixed-key');

    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[0].Authorization).toBe('Bearer tok');
    expect(headers[0]['Content-Type']).toBe('application/json');
    expect(headers[0]['Idempotency-Key']).toMatch(/.{8,}/);
    expect(headers[1]['Idempotency-Key']).toBe('fixed-key');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ key: 'acme', company_name: 'Acme' });
  });

  it('signs the operator out when the server refuses the token', async () => {
    const { api, onUnauthorized } = client(() => problemJson(401, { title: 'Unauthorized', status: 401 }));

    await expect(api.listTenants()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not treat a failed sign-in as an expired session', async () => {
    const { api, onUnauthorized } = client(() => problemJson(401, { title: 'Invalid credentials', status: 401 }), null);

    await expect(api.login('admin', 'wrong')).rejects.toThrow('Invalid credentials');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('pages tenants with q, status, limit and cursor and reads next_cursor', async () => {
    const { api, calls } = client(() =>
      new Response(JSON.stringify({ items: [{ key: 'acme' }], next_cursor: 'c2' }), { status: 200 }),
    );

    const page = await api.listTenants({ q: 'ac me', status: 'ready', limit: 20, cursor: 'c1' });

    expect(calls[0].url).toBe('/api/gateway/tenants?q=ac+me&status=ready&limit=20&cursor=c1');
    expect(page).toEqual({ items: [{ key: 'acme' }], next_cursor: 'c2' });
  });

  it('leaves empty filters out of the query and treats a missing cursor as the last page', async () => {
    const { api, calls } = client(() => new Response(JSON.stringify({ items: [] }), { status: 200 }));

    const page = await api.listTenants({ q: '', status: '', cursor: null });

    expect(calls[0].url).toBe('/api/gateway/tenants');
    expect(page.next_cursor).toBeNull();
  });

  it('accepts plain arrays for pools and plans', async () => {
    const { api } = client(() => new Response(JSON.stringify([{ key: 'free' }]), { status: 200 }));

    expect(await api.listPlans()).toEqual([{ key: 'free' }]);
  });

  it('puts the token in the event stream URL because EventSource cannot send headers', () => {
    const { api } = client(() => new Response(null, { status: 204 }), 'a.b.c');

    expect(api.eventsUrl()).toBe('/api/gateway/events?access_token=a.b.c');
  });

  it('fetches a usage table as CSV with the token, and fails as the JSON calls do', async () => {
    const range = { from: '2026-11-01', to: '2026-12-01', group_by: 'day' as const };
    let answer = () => new Response('t,requests\n2026-11-01T00:00:00Z,5\n', { headers: { 'Content-Type': 'text/csv' } });
    const { api, calls, onUnauthorized } = client(() => answer());

    const csv = await api.csv(usageCalls.series(range, 'acme'));

    expect(await csv.text()).toBe('t,requests\n2026-11-01T00:00:00Z,5\n');
    expect(calls[0].url).toBe('/api/gateway/usage?from=2026-11-01&to=2026-12-01&group_by=day&tenant=acme');
    expect(calls[0].init.headers).toEqual({ Accept: 'text/csv', Authorization: 'Bearer tok' });

    answer = () => problemJson(400, { title: 'Invalid range', detail: 'from is after to', status: 400 });
    await expect(api.csv(usageCalls.top('errors', range, 10))).rejects.toThrow('Invalid range: from is after to');
    expect(onUnauthorized).not.toHaveBeenCalled();

    answer = () => problemJson(401, { title: 'Unauthorized', status: 401 });
    await expect(api.csv(usageCalls.activity('acme'))).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(calls[2].url).toBe('/api/gateway/tenants/acme/activity');
  });

  it('reports an unreachable server on a CSV export as a readable error', async () => {
    const { api } = client(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(api.csv(usageCalls.activity('acme', { limit: 5 }))).rejects.toMatchObject({ status: 0, title: 'Cannot reach the admin server' });
  });
});
