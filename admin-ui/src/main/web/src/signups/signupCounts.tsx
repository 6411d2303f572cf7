import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { SignupSummary } from '../api/types';
import { useSession } from '../session';

interface SignupCounts {
  summary: SignupSummary | null;
  refresh: () => void;
}

const SignupCountsContext = createContext<SignupCounts>({ summary: null, refresh: () => undefined });

export const SUMMARY_POLL_MS = 30_000;

/**
 * The signup counts the navigation shows, read from the registry's summary on sign-in, every
 * 30 s and after each decision. A count that cannot be read is left out of the navigation; the
 * Signups page itself reports the error.
 */
export function SignupCountsProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const [summary, setSummary] = useState<SignupSummary | null>(null);
  const refresh = useCallback(() => {
    api
      .signupSummary()
      .then(setSummary)
      .catch(() => setSummary(null));
  }, [api]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, SUMMARY_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const value = useMemo(() => ({ summary, refresh }), [summary, refresh]);
  return <SignupCountsContext.Provider value={value}>{children}</SignupCountsContext.Provider>;
}

export function useSignupCounts(): SignupCounts {
  return useContext(SignupCountsContext);
}
