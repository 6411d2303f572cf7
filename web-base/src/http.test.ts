import { afterEach, describe, expect, it, vi } from 'vitest';
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

  describe('short refusals', () => {
    afterEach(() => vi.useRealTimers());

    const refusal = (status: number, retryAfter: string) =>
      new Response(JSON.stringify({ type: 'https://gateway.dev/problems/rate-limited', title: 'Too many requests', status }), {
        status,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
      });
    /** Answers the given responses in turn, the last one from then on. */
    const inTurn = (...answers: (() => Response)[]) => {
      let next = 0;
      return () => answers[Math.min(next++, answers.length - 1)]();
    };

    it('reads again after a 429 or 503 once its Retry-After has passed', async () => {
      vi.useFakeTimers();
      const { client, calls } = http(inTurn(() => refusal(429, '1'), () => refusal(503, '2'), () => new Response('{"ok":true}')));

      const answer = client.request('GET', '/api/projects');
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2000);

      expect(await answer).toEqual({ ok: true });
      expect(calls).toHaveLength(3);
    });

    it('gives up after two retries with the refusal as the error', async () => {
      vi.useFakeTimers();
      const { client, calls } = http(() => refusal(429, '1'));

      const answer = client.request('GET', '/api/projects');
      const refused = expect(answer).rejects.toMatchObject({ status: 429, title: 'Too many requests' });
      await vi.advanceTimersByTimeAsync(5000);

      await refused;
      expect(calls).toHaveLength(3);
    });

    it('never repeats a write, nor waits out a long or missing Retry-After', async () => {
      for (const [method, retryAfter] of [['POST', '1'], ['DELETE', '1'], ['GET', '60'], ['GET', ''], ['GET', 'soon']]) {
        const { client, calls } = http(() => refusal(429, retryAfter));

        await expect(client.request(method, '/api/projects')).rejects.toMatchObject({ status: 429 });
        expect(calls, `${method} with Retry-After "${retryAfter}"`).toHaveLength(1);
      }
    });

    it('stops waiting when the request is aborted', async () => {
      vi.useFakeTimers();
      const { client, calls } = http(() => refusal(503, '3'));
      const controller = new AbortController();

      const answer = client.request('GET', '/api/platform/keys/acme', { signal: controller.signal });
      const aborted = expect(answer).rejects.toMatchObject({ name: 'AbortError' });
      await vi.advanceTimersByTimeAsync(100);
      controller.abort();

      await aborted;
      expect(calls).toHaveLength(1);
    });
  });
});
