import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { TokenStore } from '@gateway/web-base/tokenStore';
import { createWorkspaceApi } from '../api/workspace';
import type { WorkspaceApi } from '../api/workspace';
import type { Me } from '../api/types';

/**
 * The signed-in user's token lives in memory and in this tab's sessionStorage, which belongs to the
 * workspace's own origin (acme.localhost:8000), so workspaces never see each other's token: a reload
 * keeps the session, closing the tab ends it, and with no cookie nothing is sent without the SPA adding
 * it (no CSRF). The CSP (script-src 'self') is what keeps other scripts from reading either store.
 */
export const TOKEN_STORAGE_KEY = 'gateway.workspace.token';

export type MeState = { state: 'signed-out' } | { state: 'loading' } | { state: 'ready'; me: Me } | { state: 'failed'; error: unknown };

interface Session {
  api: WorkspaceApi;
  token: string | null;
  me: MeState;
  isAdmin: boolean;
  signIn: (token: string) => void;
  signOut: (reason?: string) => void;
  signedOutReason: string | null;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ store, children }: { store: TokenStore; children: ReactNode }) {
  const [token, setToken] = useState<string | null>(store.get());
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const [me, setMe] = useState<MeState>({ state: token ? 'loading' : 'signed-out' });
  useEffect(() => store.subscribe(setToken), [store]);

  const signOut = useCallback(
    (reason?: string) => {
      setSignedOutReason(reason ?? null);
      store.clear();
    },
    [store],
  );
  const api = useMemo(
    () => createWorkspaceApi({ getToken: () => store.get(), onUnauthorized: () => signOut('Your session has ended; please sign in again.') }),
    [store, signOut],
  );

  useEffect(() => {
    if (!token) {
      setMe({ state: 'signed-out' });
      return undefined;
    }
    let current = true;
    setMe({ state: 'loading' });
    api
      .me()
      .then((found) => current && setMe({ state: 'ready', me: found }))
      .catch((error: unknown) => current && setMe({ state: 'failed', error }));
    return () => {
      current = false;
    };
  }, [api, token]);

  const value = useMemo<Session>(
    () => ({
      api,
      token,
      me,
      isAdmin: me.state === 'ready' && me.me.user.role === 'admin',
      signIn: (t: string) => {
        setSignedOutReason(null);
        store.set(t);
      },
      signOut,
      signedOutReason,
    }),
    [api, token, me, store, signOut, signedOutReason],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user and workspace; only for pages rendered once /api/me has answered. */
export function useMe(): Me {
  const { me } = useSession();
  if (me.state !== 'ready') throw new Error('useMe before /api/me answered');
  return me.me;
}
