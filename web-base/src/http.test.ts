import { describe, expect, it, vi } from 'vitest';
import { createHttp, pageOf } from './http';

function http(respond: () => Response | Promise<Response>, token: string | null = 'tok') {
  const calls: { url: string; init: RequestInit }[] = [];
  const onUnauthorized = vi.fn();
  const client = createHttp({
    getToken: () => token,
    onUnauthorized,
    headers: () => ({ 'X-Tenant-ID': 'acme' }),
    unreachable: 'Cannot reach the workspace',
    fetchImpl: async (input, init = {}) => {
      calls.push({ url: String(input), init });
      return respond();
    },
  });
  return { client, calls, onUnauthorized };
}

describe('http', () => {
  it('sends the token, the common headers, JSON and leaves empty query values out', async () => {
    const { client, calls } = http(() => new Response(JSON.stringify({ ok: true }), { status: 200 }));

    expect(await client.request('POST', '/api/x', { body: { a: 1 }, query: { status: 'pending', cursor: null, q: '' } })).toEqual({ ok: true });

    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].url).toBe('/api/x?status=pending');
    expect(headers.Authorization).toBe('Bearer tok');
    expect(headers['X-Tenant-ID']).toBe('acme');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('signs out on a refused token but not when no token was sent', async () => {
    const refused = () => new Response('{}', { status: 401 });
    const signedIn = http(refused);
    const anonymous = http(refused, null);

    await expect(signedIn.client.request('GET', '/api/me')).rejects.toMatchObject({ status: 401 });
    await expect(anonymous.client.request('POST', '/api/auth/token')).rejects.toMatchObject({ status: 401 });

    expect(signedIn.onUnauthorized).toHaveBeenCalledOnce();
    expect(anonymous.onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports an unreachable server as a readable error', async () => {
    const { client } = http(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(client.request('GET', '/api/me')).rejects.toMatchObject({ status: 0, title: 'Cannot reach the workspace' });
  });

  it('lets an aborted request fail as the abort, not as an unreachable server', async () => {
    const { client } = http(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const controller = new AbortController();
    controller.abort();

    await expect(client.request('GET', '/api/platform/keys/acme', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('answers 204 with undefined and reads pages', async () => {
    const { client } = http(() => new Response(null, { status: 204 }));

    expect(await client.request('DELETE', '/api/x')).toBeUndefined();
    expect(pageOf({ items: [1], next_cursor: 'c' })).toEqual({ items: [1], next_cursor: 'c' });
    expect(pageOf([1, 2])).toEqual({ items: [1, 2], next_cursor: null });
  });
});
