import { createHttp, itemsOf, newIdempotencyKey, pageOf } from '@gateway/web-base/http';
import type {
  DriftReport,
  LifecycleEntry,
  LoginResponse,
  MigrationRun,
  Plan,
  Pool,
  Signup,
  SignupStatus,
  SignupSummary,
  Tenant,
  TenantStatus,
  TenantUsage,
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

export type MigrationRequest =
  | { tenant: string }
  | { all: true; parallel: number; skip_failing?: boolean; canary?: number };

export function createApiClient(options: ApiClientOptions) {
  const { request, url } = createHttp({ ...options, unreachable: 'Cannot reach the admin server' });

  const tenantPath = (key: string) => `/api/gateway/tenants/${encodeURIComponent(key)}`;
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
    tenantUsage: (key: string) =>
      request<TenantUsage>('GET', `/api/admin/tenants/${encodeURIComponent(key)}/usage`),

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
