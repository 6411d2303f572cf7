import type { UsagePoint } from '../api/types';

export function point(t: string, values: Partial<UsagePoint> = {}): UsagePoint {
  return {
    t,
    requests: 0,
    errors: 0,
    rate_limited: 0,
    db_ms: 0,
    active_users: 0,
    logins: 0,
    failed_logins: 0,
    projects_created: 0,
    tasks_created: 0,
    tasks_completed: 0,
    storage_bytes: 0,
    ...values,
  };
}

export function series(tenant: string | null, points: UsagePoint[]) {
  return { from: points[0]?.t ?? '2026-12-01T12:00:00Z', to: '2026-12-02T12:00:00Z', group_by: 'hour', tenant, points };
}

export const twoHours = [
  point('2026-12-02T10:00:00Z', { requests: 1200, errors: 3, rate_limited: 40, db_ms: 5_400, active_users: 7, logins: 4, failed_logins: 2, storage_bytes: 4 * 1024 * 1024 }),
  point('2026-12-02T11:00:00Z', { requests: 34, errors: 1, rate_limited: 0, db_ms: 600, active_users: 2, failed_logins: 1, storage_bytes: 5 * 1024 * 1024 }),
];
