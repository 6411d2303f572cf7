/** The registry's public plan list (GET /api/platform/plans). */
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
  self_service: boolean;
}

export type KeyCheck =
  | { key: string; available: true }
  | { key: string; available: false; reason: 'invalid' | 'reserved' | 'taken'; detail: string };

export interface CompanySignup {
  company_name: string;
  key: string;
  admin_email: string;
  plan: string;
}

export interface SignupReceipt {
  id: string;
  status: 'pending' | 'approved';
}

export type SignupPolicy = 'closed' | 'approval' | 'open';

/** GET /api/workspace: what a sign-in or join page may know about a workspace before signing in. */
export interface WorkspaceInfo {
  key: string;
  company_name: string;
  signup_policy: SignupPolicy;
}

export interface JoinRequest {
  name: string;
  email: string;
  password: string;
}

export interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
}

export type Role = 'admin' | 'member';
export type UserStatus = 'invited' | 'pending' | 'active' | 'rejected' | 'disabled';

export interface User {
  id: string;
  email: string | null;
  name: string | null;
  role: Role;
  status: UserStatus;
  created_at?: string;
  updated_at?: string;
}

export interface Me {
  key: string;
  company_name: string;
  plan: string;
  limits: { rate_per_second: number; burst: number; max_users: number };
  features: string[];
  status: string;
  user: { id: string; email: string; name: string | null; role: Role };
}

/** One quota of GET /api/usage; a null limit is unlimited. */
export interface Quota {
  used: number;
  limit: number | null;
}

/** The tenant's usage this period (UTC month) against its plan. */
export interface Usage {
  period: string;
  users: Quota;
  projects: Quota;
  storage_mb: Quota;
  requests: Quota;
  rate_per_second: number;
  plan: string;
}

export interface CompanyProfile {
  display_name?: string;
  website?: string;
  description?: string;
}

export interface Settings {
  signup_policy?: SignupPolicy;
  allowed_email_domains?: string[];
  company_profile?: CompanyProfile;
  [other: string]: unknown;
}

export interface Project {
  id: string;
  name: string;
  description: string | null;
  created_at?: string;
  updated_at?: string;
}

export type TaskStatus = 'todo' | 'doing' | 'done';

export interface Task {
  id: string;
  project_id: string;
  title: string;
  status: TaskStatus;
  assignee_id: string | null;
  due_date?: string | null;
}
