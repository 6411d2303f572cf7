import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createApiClient } from './api/client';
import type { ApiClient } from './api/client';
import type { LifecycleEvent, Tenant } from './api/types';
import type { TokenClaims, TokenStore } from '@gateway/web-base/tokenStore';
import { LatestSnapshots, openLifecycleStream } from './events/lifecycleEvents';
import type { StreamState } from './events/lifecycleEvents';

interface Session {
  api: ApiClient;
  token: string | null;
  claims: TokenClaims | null;
  canWrite: boolean;
  signIn: (token: string) => void;
  signOut: (reason?: string) => void;
  signedOutReason: string | null;
}

/** Where the operator's token is mirrored: a reload keeps the session, closing the tab ends it. */
export const TOKEN_STORAGE_KEY = 'gateway.admin.token';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ store, children }: { store: TokenStore; children: ReactNode }) {
  const [token, setToken] = useState<string | null>(store.get());
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  useEffect(() => store.subscribe(setToken), [store]);

  const signOut = useCallback(
    (reason?: string) => {
      setSignedOutReason(reason ?? null);
      store.clear();
    },
    [store],
  );
  const api = useMemo(
    () => createApiClient({ getToken: () => store.get(), onUnauthorized: () => signOut('Your session has expired; please sign in again.') }),
    [store, signOut],
  );
  const value = useMemo<Session>(() => {
    const claims = token ? store.claims() : null;
    return {
      api,
      token,
      claims,
      canWrite: !!claims && (claims.roles.length === 0 || claims.roles.includes('admin')),
      signIn: (t: string) => {
        setSignedOutReason(null);
        store.set(t);
      },
      signOut,
      signedOutReason,
    };
  }, [api, token, store, signOut, signedOutReason]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

type Listener = (event: LifecycleEvent) => void;

interface LiveEvents {
  state: StreamState;
  subscribe: (listener: Listener) => () => void;
  /** A tenant just fetched, brought up to the newest snapshot the stream has delivered. */
  catchUp: (tenant: Tenant) => Tenant;
}

const LiveEventsContext = createContext<LiveEvents>({
  state: 'offline',
  subscribe: () => () => undefined,
  catchUp: (tenant) => tenant,
});

/** One shared EventSource for the whole SPA while signed in; pages subscribe to it. */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { api, token } = useSession();
  const listeners = useRef(new Set<Listener>());
  const snapshots = useRef(new LatestSnapshots());
  const [state, setState] = useState<StreamState>('offline');

  useEffect(() => {
    if (!token || typeof EventSource === 'undefined') return undefined;
    const deliver = (e: LifecycleEvent) => {
      snapshots.current.remember(e);
      listeners.current.forEach((l) => l(e));
    };
    return openLifecycleStream(api.eventsUrl(), deliver, setState);
  }, [api, token]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const catchUp = useCallback((tenant: Tenant) => snapshots.current.catchUp(tenant), []);
  const value = useMemo<LiveEvents>(() => ({ state, subscribe, catchUp }), [state, subscribe, catchUp]);
  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}

export function useLiveEvents(listener: Listener): StreamState {
  const { state, subscribe } = useContext(LiveEventsContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((e) => latest.current(e)), [subscribe]);
  return state;
}

export function useCatchUp(): (tenant: Tenant) => Tenant {
  return useContext(LiveEventsContext).catchUp;
}

export function useStreamState(): StreamState {
  return useContext(LiveEventsContext).state;
}
