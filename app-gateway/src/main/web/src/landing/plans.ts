import type { Plan } from '../api/types';

export function planName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export function planSummary(plan: Plan): string {
  return `up to ${plan.max_users} users, ${plan.rate_per_second} requests/s (bursts of ${plan.burst})`;
}
