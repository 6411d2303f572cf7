import type { UsageRange } from '../api/client';
import type { UsageGroup } from '../api/types';

export type RangePreset = '24h' | '7d' | '30d' | 'custom';

export const PRESETS: { value: RangePreset; label: string }[] = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'custom', label: 'Custom dates' },
];

/** What the operator picked; custom dates are `YYYY-MM-DD` (UTC days), both included. */
export interface RangeChoice {
  preset: RangePreset;
  group: UsageGroup;
  from: string;
  to: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN: Record<Exclude<RangePreset, 'custom'>, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY };

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The bucket size that reads best for a preset: hours up to a week, days beyond. */
export function defaultGroup(preset: RangePreset): UsageGroup {
  return preset === '24h' || preset === '7d' ? 'hour' : 'day';
}

export function initialChoice(preset: RangePreset = '24h', now = Date.now()): RangeChoice {
  return { preset, group: defaultGroup(preset), from: dateOf(now - 6 * DAY), to: dateOf(now) };
}

/**
 * The range to ask for. Presets end with the current bucket (`to` is the next bucket boundary, exclusive), so the
 * last point is the one still filling; custom dates run from the first day's start to the end of the last.
 */
export function rangeOf(choice: RangeChoice, now = Date.now()): UsageRange {
  if (choice.preset === 'custom') {
    return { from: choice.from, to: dateOf(Date.parse(choice.to) + DAY), group_by: choice.group };
  }
  const bucket = choice.group === 'hour' ? HOUR : DAY;
  const to = Math.floor(now / bucket) * bucket + bucket;
  return { from: new Date(to - SPAN[choice.preset]).toISOString(), to: new Date(to).toISOString(), group_by: choice.group };
}

/** Why a custom range cannot be asked for, or null. Longer spans are for usage-meter to refuse. */
export function customRangeProblem(choice: RangeChoice): string | null {
  if (choice.preset !== 'custom') return null;
  if (!choice.from || !choice.to) return 'Choose both dates.';
  return choice.to < choice.from ? 'The end date is before the start date.' : null;
}

/** The last 24 hours by hour: what the tenants table's sparklines show. */
export const last24Hours = (now = Date.now()) => rangeOf({ ...initialChoice('24h', now), group: 'hour' }, now);
