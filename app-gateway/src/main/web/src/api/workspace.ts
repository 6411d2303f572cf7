import { createHttp, pageOf } from '@gateway/web-base/http';
import type { Http, Page } from '@gateway/web-base/http';
import type {
  JoinRequest,
  Me,
  Project,
  Role,
  Settings,
  Task,
  TaskStatus,
  TokenResponse,
  Usage,
  User,
  UserStatus,
  WorkspaceInfo,
} from './types';

export interface WorkspaceApiOptions {
  getToken?: () => string | null;
  onUnauthorized?: () => void;
  /** Set on the base domain, which has no tenant in its host name. */
  tenantKey?: string;
  fetchImpl?: typeof fetch;
}

export interface ActivateRequest {
  token: string;
  password: string;
  name?: string;
  email?: string;
}

/** Every page of a list, for the few lists a screen shows whole (a project's tasks, the team). */
async function allPages<T>(http: Http, path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = pageOf<T>(await http.request<unknown>('GET', path, { query: { ...query, limit: 100, cursor } }));
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** The tenant API on a workspace host (or on the base domain with X-Tenant-ID for the join page). */
export function createWorkspaceApi(options: WorkspaceApiOptions = {}) {
  const http = createHttp({
    getToken: options.getToken ?? (() => null),
    onUnauthorized: options.onUnauthorized,
    headers: (): Record<string, string> => (options.tenantKey ? { 'X-Tenant-ID': options.tenantKey } : {}),
    unreachable: 'Cannot reach the workspace',
    fetchImpl: options.fetchImpl,
  });
  const { request } = http;
  const user = (id: string) => `/api/users/${encodeURIComponent(id)}`;
  const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

  return {
    workspace: () => request<WorkspaceInfo>('GET', '/api/workspace'),
    join: (body: JoinRequest) => request<{ status: 'pending' | 'active' }>('POST', '/api/signups', { body }),
    signIn: (email: string, password: string) => request<TokenResponse>('POST', '/api/auth/token', { body: { email, password } }),
    activate: (body: ActivateRequest) => request<TokenResponse>('POST', '/api/auth/activate', { body }),
    me: () => request<Me>('GET', '/api/me'),
    usage: () => request<Usage>('GET', '/api/usage'),

    users: (status?: UserStatus) => allPages<User>(http, '/api/users', { status }),
    invite: (email: string, role: Role) => request<User>('POST', '/api/users/invitations', { body: { email, role } }),
    approve: (id: string) => request<User>('POST', `${user(id)}/approve`),
    reject: (id: string, reason: string) => request<User>('POST', `${user(id)}/reject`, { body: reason ? { reason } : {} }),
    changeRole: (id: string, role: Role) => request<User>('PATCH', user(id), { body: { role } }),
    remove: (id: string) => request<void>('DELETE', user(id)),

    settings: () => request<Settings>('GET', '/api/settings'),
    saveSettings: (changes: Settings) => request<Settings>('PUT', '/api/settings', { body: changes }),

    projects: () => allPages<Project>(http, '/api/projects'),
    project: (id: string) => request<Project>('GET', project(id)),
    createProject: (name: string, description: string) =>
      request<Project>('POST', '/api/projects', { body: { name, description: description || undefined } }),
    renameProject: (id: string, name: string) => request<Project>('PATCH', project(id), { body: { name } }),
    deleteProject: (id: string) => request<void>('DELETE', project(id)),

    tasks: (projectId: string) => allPages<Task>(http, `${project(projectId)}/tasks`),
    createTask: (projectId: string, title: string, assigneeId: string | null) =>
      request<Task>('POST', `${project(projectId)}/tasks`, { body: { title, assignee_id: assigneeId ?? undefined } }),
    moveTask: (id: string, status: TaskStatus) => request<Task>('PATCH', `/api/tasks/${encodeURIComponent(id)}`, { body: { status } }),
    assignTask: (id: string, assigneeId: string | null) =>
      request<Task>('PATCH', `/api/tasks/${encodeURIComponent(id)}`, { body: { assignee_id: assigneeId } }),
    deleteTask: (id: string) => request<void>('DELETE', `/api/tasks/${encodeURIComponent(id)}`),
  };
}

export type WorkspaceApi = ReturnType<typeof createWorkspaceApi>;
