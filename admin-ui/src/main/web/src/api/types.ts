export type TenantStatus =
  | 'pending'
  | 'provisioning'
  | 'ready'
  | 'suspended'
  | 'failed'
  | 'deleting'
  | 'deleted';

export const TENANT_STATUSES: TenantStatus[] = [
  'pending',
  'provisioning',
  'ready',
  'suspended',
  'failed',
  'deleting',
  'deleted',
];

export interface PoolRef {
  id: string;
  name: string;
  host?: string;
  port?: number;
  database?: string;
  isolation?: string;
}

/** The registry's tenant JSON: TenantSnapshot fields in snake_case. */
export interface Tenant {
  id?: string;
  key: string;
  company_name: string;
  plan: string;
  status: TenantStatus;
  status_reason?: string | null;
  isolation?: string;
  pool?: PoolRef | null;
  pool_id?: string;
  db_name?: string;
  schema_name?: string;
  role_name?: string;
  rate_per_second?: number;
  burst?: number;
  max_users?: number;
  max_projects?: number;
  max_storage_mb?: number;
  features?: string[];
  revision?: number;
  created_at?: string;
  updated_at?: string;
  ready_at?: string | null;
  deleted_at?: string | null;
  admin_email?: string | null;
  /** Only in the 202 answer to a create without an admin email: the first admin's one-time link. */
  invitation?: { url: string; expires_at?: string } | null;
}

export type SignupStatus = 'pending' | 'approved' | 'rejected' | 'expired';

export const SIGNUP_STATUSES: SignupStatus[] = ['pending', 'approved', 'rejected', 'expired'];

/** A company's request for a workspace, from the landing site's sign-up form. */
export interface Signup {
  id: string;
  key: string;
  company_name: string;
  admin_email: string;
  plan: string;
  status: SignupStatus;
  reason?: string | null;
  decided_by?: string | null;
  created_at?: string;
  decided_at?: string | null;
  /** The tenant's key once approved. */
  tenant?: string | null;
}

export type SignupSummary = Record<SignupStatus, number>;

export interface Pool {
  id: string;
  name: string;
  host: string;
  port: number;
  database?: string;
  isolation: string;
  max_tenants: number;
  tenant_count: number;
  status: string;
}

export interface Plan {
  key: string;
  rate_per_second: number;
  burst: number;
  max_users: number;
  /** 0: unlimited */
  max_projects: number;
  /** 0: unlimited */
  max_storage_mb: number;
  features: string[];
}

/** One row of a tenant's lifecycle history; registries name the fields slightly differently. */
export interface LifecycleEntry {
  event_id?: string;
  id?: string | number;
  type?: string;
  from_status?: string | null;
  to_status?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  actor?: string | null;
  who?: string | null;
  revision?: number;
  at?: string;
  occurred_at?: string;
  created_at?: string;
}

export interface LoginResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}

export interface MigrationTenantResult {
  tenant: string;
  status?: string;
  from_version?: string | null;
  to_version?: string | null;
  applied?: number;
  duration_ms?: number;
  error?: string | null;
}

/** A provisioner migration run; GET /migrations/{id} wraps it as {run, results}, which the client flattens. */
export interface MigrationRun {
  run_id?: string;
  id?: string;
  scope?: string;
  status?: string;
  parallel?: number;
  total?: number;
  completed?: number;
  succeeded?: number;
  failed?: number;
  pending?: number;
  target_version?: string | null;
  created_at?: string;
  finished_at?: string | null;
  results?: MigrationTenantResult[];
  tenants?: MigrationTenantResult[];
}

export interface DriftReport {
  latest_version: string | null;
  ready_tenants: number;
  drifted: { tenant: string; schema_version: string | null; isolation: string }[];
}

export type UsageGroup = 'hour' | 'day';

/** One hour or day of usage-meter's rollups; every bucket of the range is there, empty ones as zeros. */
export interface UsagePoint {
  t: string;
  requests: number;
  /** 5xx answers */
  errors: number;
  /** 429 answers */
  rate_limited: number;
  db_ms: number;
  active_users: number;
  logins: number;
  failed_logins: number;
  projects_created: number;
  tasks_created: number;
  tasks_completed: number;
  /** the last measurement in the bucket, carried forward */
  storage_bytes: number;
}

export interface UsageSeries {
  from: string;
  to: string;
  group_by: UsageGroup;
  tenant: string | null;
  points: UsagePoint[];
}

export type TopMetric = 'requests' | 'errors' | 'db_ms' | 'storage_bytes' | 'rate_limited' | 'active_users';

export const TOP_METRICS: TopMetric[] = ['requests', 'errors', 'rate_limited', 'db_ms', 'active_users', 'storage_bytes'];

export interface TopTenant {
  tenant: string;
  value: number;
  requests: number;
  errors: number;
  rate_limited: number;
  db_ms: number;
  storage_bytes: number;
}

export interface TopTenants {
  metric: TopMetric;
  from: string;
  to: string;
  items: TopTenant[];
}

/** Hourly values per tenant key; a tenant usage-meter does not know has an empty array. */
export interface Sparklines {
  metric: string;
  from: string;
  to: string;
  series: Record<string, number[]>;
}

/** Who did what in a tenant, newest first. */
export interface ActivityEntry {
  id: string;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  actor_email: string | null;
  entity_id: string | null;
  summary: string | null;
}

/** A lifecycle event as the SSE stream carries it (DESIGN §5 envelope). */
export interface LifecycleEvent {
  id?: string;
  type: string;
  tenant: string;
  revision?: number;
  occurred_at?: string;
  correlation_id?: string;
  data?: Partial<Tenant> & { rule?: string | null; router?: string };
}
