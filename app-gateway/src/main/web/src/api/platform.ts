import { createHttp, itemsOf } from '@gateway/web-base/http';
import type { CompanySignup, KeyCheck, Plan, SignupReceipt } from './types';

/** The base domain's public API, relayed by the app-gateway to the registry; anonymous and throttled. */
export function createPlatformApi(fetchImpl?: typeof fetch) {
  const { request } = createHttp({ getToken: () => null, unreachable: 'Cannot reach Gateway', fetchImpl });
  return {
    plans: async () => itemsOf<Plan>(await request<unknown>('GET', '/api/platform/plans')),
    checkKey: (key: string, signal?: AbortSignal) =>
      request<KeyCheck>('GET', `/api/platform/keys/${encodeURIComponent(key)}`, { signal }),
    signUp: (body: CompanySignup) => request<SignupReceipt>('POST', '/api/platform/signups', { body }),
    lookUpWorkspaces: (email: string) => request<unknown>('POST', '/api/platform/workspaces/lookup', { body: { email } }),
  };
}

export type PlatformApi = ReturnType<typeof createPlatformApi>;
