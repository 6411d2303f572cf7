import { useEffect, useState } from 'react';
import type { WorkspaceApi } from '../api/workspace';
import type { WorkspaceInfo } from '../api/types';

export type InfoState = { state: 'loading' } | { state: 'found'; info: WorkspaceInfo } | { state: 'failed'; error: unknown };

/** What the sign-in and join pages show before anyone signs in: company name and sign-up policy. */
export function useWorkspaceInfo(api: WorkspaceApi): InfoState {
  const [info, setInfo] = useState<InfoState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    api
      .workspace()
      .then((found) => current && setInfo({ state: 'found', info: found }))
      .catch((error: unknown) => current && setInfo({ state: 'failed', error }));
    return () => {
      current = false;
    };
  }, [api]);
  return info;
}
