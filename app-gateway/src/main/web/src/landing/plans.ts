import type { Plan } from '../api/types';

export function planName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export function planSummary(plan: Plan): string {
  return `up to ${plan.max_users} users, ${projects(plan)}, ${storage(plan)}, ${plan.rate_per_second} requests/s (bursts of ${plan.burst})`;
}

export function projects(plan: Plan): string {
  return plan.max_projects ? `up to ${plan.max_projects} projects` : 'unlimited projects';
}

export function storage(plan: Plan): string {
  return plan.max_storage_mb ? `${plan.max_storage_mb} MB of data` : 'unlimited data';
}
