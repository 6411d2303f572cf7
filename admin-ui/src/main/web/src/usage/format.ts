const count = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (n: number) => (Math.abs(n) >= 100_000 ? compact.format(n) : count.format(n));

/** Milliseconds as the largest unit that keeps the number readable: 850 ms, 12.5 s, 3.2 min, 1.4 h. */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${count.format(ms)} ms`;
  if (abs < 60_000) return `${count.format(ms / 1000)} s`;
  if (abs < 3_600_000) return `${count.format(ms / 60_000)} min`;
  return `${count.format(ms / 3_600_000)} h`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes in binary steps (1 KB = 1024 B), as storage quotas count them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${count.format(value)} ${BYTE_UNITS[unit]}`;
}
