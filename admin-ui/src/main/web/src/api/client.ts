import { createHttp, itemsOf, newIdempotencyKey, pageOf } from '@gateway/web-base/http';
import type { Query } from '@gateway/web-base/http';
import { ApiError, problemFrom } from '@gateway/web-base/problem';
import type {
  ActivityEntry,
  DriftReport,
  LifecycleEntry,
  LoginResponse,
  MigrationRun,
  Plan,
  Pool,
  Signup,
  SignupStatus,
  SignupSummary,
  Sparklines,
  Tenant,
  TenantStatus,
  TopMetric,
  TopTenants,
  UsageGroup,
  UsageSeries,
} from './types';

export interface ApiClientOptions {
  getToken: () => string | null;
  /** Called when the server refuses the token (401), e.g. to send the operator back to sign-in. */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
  baseUrl?: string;
}

export interface TenantQuery {
  q?: string;
  status?: TenantStatus | '';
  limit?: number;
  cursor?: string | null;
}

export interface SignupQuery {
  status?: SignupStatus | '';
  limit?: number;
  cursor?: string | null;
}

export interface CreateTenantRequest {
  key: string;
  company_name: string;
  pool_id?: string;
  plan?: string;
  admin_email?: string;
}

export interface UpdateTenantRequest {
  company_name?: string;
  plan?: string;
  rate_per_second?: number;
  burst?: number;
  max_users?: number;
  max_projects?: number;
  max_storage_mb?: number;
}

export interface CreatePoolRequest {
  name: string;
  host: string;
  port: number;
  database?: string;
  isolation: string;
  max_tenants: number;
}

/** A time range of usage: ISO instants or dates, `to` exclusive. */
export interface UsageRange {
  from: string;
  to: string;
  group_by: UsageGroup;
}

export interface ActivityQuery {
  from?: string;
  to?: string;
  type?: string;
  limit?: number;
  cursor?: string | null;
}

/** A GET that answers JSON, or the same rows as CSV for `Accept: text/csv`. */
export interface TableCall {
  path: string;
  query: Query;
}

const tenantPath = (key: string) => `/api/gateway/tenants/${encodeURIComponent(key)}`;

/** usage-meter's tables, each also exported as CSV. */
export const usageCalls = {
  series: (range: UsageRange, tenant?: string): TableCall => ({
    path: '/api/gateway/usage',
    query: { from: range.from, to: range.to, group_by: range.group_by, tenant },
  }),
  top: (metric: TopMetric, range: UsageRange, limit: number): TableCall => ({
    path: '/api/gateway/usage/top',
    query: { metric, from: range.from, to: range.to, limit },
  }),
  activity: (key: string, query: ActivityQuery = {}): TableCall => ({
    path: `${tenantPath(key)}/activity`,
    query: { from: query.from, to: query.to, type: query.type, limit: query.limit, cursor: query.cursor },
  }),
};

export type MigrationRequest =
  | { tenant: string }
  | { all: true; parallel: number; skip_failing?: boolean; canary?: number };

export function createApiClient(options: ApiClientOptions) {
  const unreachable = 'Cannot reach the admin server';
  const { request, url } = createHttp({ ...options, unreachable });
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const get = <T,>(call: TableCall) => request<T>('GET', call.path, { query: call.query });

  /** The table as CSV, failing as the JSON calls do (problem+json → ApiError, 401 → sign-out). */
  async function csv(call: TableCall): Promise<Blob> {
    const token = options.getToken();
    const headers: Record<string, string> = { Accept: 'text/csv' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(url(call.path, call.query), { method: 'GET', headers });
    } catch {
      throw new ApiError(0, unreachable, 'Check your connection and try again.');
    }
    if (!response.ok) {
      const error = await problemFrom(response);
      if (response.status === 401 && token) options.onUnauthorized?.();
      throw error;
    }
    return response.blob();
  }
  const signupPath = (id: string) => `/api/gateway/signups/${encodeURIComponent(id)}`;

  return {
    login: (username: string, password: string) =>
      request<LoginResponse>('POST', '/api/gateway/auth/login', { body: { username, password } }),

    listTenants: async (query: TenantQuery = {}) =>
      pageOf<Tenant>(
        await request<unknown>('GET', '/api/gateway/tenants', {
          query: { q: query.q, status: query.status, limit: query.limit, cursor: query.cursor },
        }),
      ),
    getTenant: (key: string) => request<Tenant>('GET', tenantPath(key)),
    createTenant: (body: CreateTenantRequest, idempotencyKey = newIdempotencyKey()) =>
      request<Tenant>('POST', '/api/gateway/tenants', { body, idempotencyKey }),
    updateTenant: (key: string, body: UpdateTenantRequest) => request<Tenant>('PATCH', tenantPath(key), { body }),
    suspend: (key: string) => request<Tenant>('POST', `${tenantPath(key)}/suspend`, { idempotencyKey: newIdempotencyKey() }),
    activate: (key: string) => request<Tenant>('POST', `${tenantPath(key)}/activate`, { idempotencyKey: newIdempotencyKey() }),
    retry: (key: string) => request<Tenant>('POST', `${tenantPath(key)}/retry`, { idempotencyKey: newIdempotencyKey() }),
    deleteTenant: (key: string) => request<Tenant | undefined>('DELETE', tenantPath(key)),
    tenantHistory: async (key: string) => itemsOf<LifecycleEntry>(await request<unknown>('GET', `${tenantPath(key)}/events`)),

    usage: (range: UsageRange, tenant?: string) => get<UsageSeries>(usageCalls.series(range, tenant)),
    topTenants: (metric: TopMetric, range: UsageRange, limit: number) => get<TopTenants>(usageCalls.top(metric, range, limit)),
    requestSparklines: (tenants: string[], range: UsageRange) =>
      request<Sparklines>('GET', '/api/gateway/usage/sparklines', {
        query: { metric: 'requests', tenants: tenants.join(','), from: range.from, to: range.to },
      }),
    tenantActivity: async (key: string, query: ActivityQuery) => pageOf<ActivityEntry>(await get<unknown>(usageCalls.activity(key, query))),
    csv,

    listPools: async () => itemsOf<Pool>(await request<unknown>('GET', '/api/gateway/pools', { query: { limit: 500 } })),
    createPool: (body: CreatePoolRequest) =>
      request<Pool>('POST', '/api/gateway/pools', { body, idempotencyKey: newIdempotencyKey() }),
    listPlans: async () => itemsOf<Plan>(await request<unknown>('GET', '/api/gateway/plans')),

    startMigration: (body: MigrationRequest) =>
      request<MigrationRun>('POST', '/api/gateway/migrations', { body, idempotencyKey: newIdempotencyKey() }),
    getMigration: async (runId: string): Promise<MigrationRun> => {
      const report = await request<MigrationRun & { run?: MigrationRun }>('GET', `/api/gateway/migrations/${encodeURIComponent(runId)}`);
      return report.run ? { ...report.run, results: report.results ?? [] } : report;
    },
    listMigrations: async () => itemsOf<MigrationRun>(await request<unknown>('GET', '/api/gateway/migrations', { query: { limit: 10 } })),
    migrationDrift: () => request<DriftReport>('GET', '/api/gateway/migrations/drift'),

    listSignups: async (query: SignupQuery = {}) =>
      pageOf<Signup>(
        await request<unknown>('GET', '/api/gateway/signups', { query: { status: query.status, limit: query.limit, cursor: query.cursor } }),
      ),
    signupSummary: () => request<SignupSummary>('GET', '/api/gateway/signups/summary'),
    approveSignup: (id: string) => request<Signup>('POST', `${signupPath(id)}/approve`),
    rejectSignup: (id: string, reason: string) => request<Signup>('POST', `${signupPath(id)}/reject`, { body: { reason } }),

    settings: () => request<{ base_domain: string }>('GET', '/api/admin/settings'),

    /** EventSource cannot send headers: the token goes in the query and the admin-ui moves it to Authorization. */
    eventsUrl: (): string => url('/api/gateway/events', { access_token: options.getToken() }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
