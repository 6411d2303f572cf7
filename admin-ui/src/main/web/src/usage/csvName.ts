import type { UsageRange } from '../api/client';

/** `requests-acme-2026-11-01-2026-12-01.csv`: what, whose, and the range's UTC days. */
export function csvName(what: string, range: UsageRange): string {
  return `${what}-${range.from.slice(0, 10)}-${range.to.slice(0, 10)}.csv`;
}
