import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { TokenStore } from '@gateway/web-base/tokenStore';
import { fakeToken } from '@gateway/web-base/test/fakeFetch';
import { SessionProvider, TOKEN_STORAGE_KEY } from '../session';

export { fakeFetch, fakeToken, json, problem } from '@gateway/web-base/test/fakeFetch';
export type { Call } from '@gateway/web-base/test/fakeFetch';

export function renderAt(path: string, routePattern: string, element: ReactElement, token: string | null = fakeToken()) {
  const store = new TokenStore(TOKEN_STORAGE_KEY, sessionStorage);
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
