import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { SessionProvider } from '../session';
import { TokenStore } from '../auth/tokenStore';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, suffix: string, title: string, detail?: string): Response {
  return json(status, { type: `https://gateway.dev/problems/${suffix}`, title, status, detail }, 'application/problem+json');
}

/** Replaces global fetch with a handler; returns the recorded calls. */
export function fakeFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: String(input),
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return handler(call);
  });
  return calls;
}

/** A syntactically valid unsigned JWT for display claims; the server is faked, so nothing verifies it. */
export function fakeToken(claims: Record<string, unknown> = { sub: 'admin', roles: ['admin'] }): string {
  const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'RS256' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.sig`;
}

export function renderAt(path: string, routePattern: string, element: ReactElement, token: string | null = fakeToken()) {
  const store = new TokenStore(sessionStorage);
  if (token) store.set(token);
  return {
    store,
    ...render(
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider store={store}>
          <Routes>
            <Route path={routePattern} element={element} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    ),
  };
}
