import { useMemo } from 'react';
import type { UsagePoint, UsageSeries } from '../api/types';
import { ErrorMessage, Loading } from '../components/common';
import { TimeChart } from './TimeChart';
import type { ChartSeries } from './TimeChart';
import { formatBytes, formatCount, formatMs } from './format';

type Metric = Exclude<keyof UsagePoint, 't'>;

interface ChartSpec {
  title: string;
  lines: { metric: Metric; label: string; color: string }[];
  unit: (per: string) => string;
  format: (value: number) => string;
  summary: (points: UsagePoint[]) => string;
}

const sum = (points: UsagePoint[], metric: Metric) => points.reduce((total, p) => total + p[metric], 0);
const peak = (points: UsagePoint[], metric: Metric) => points.reduce((max, p) => Math.max(max, p[metric]), 0);

const CHARTS: ChartSpec[] = [
  {
    title: 'Requests',
    lines: [{ metric: 'requests', label: 'Requests', color: '--accent' }],
    unit: (per) => `requests per ${per}`,
    format: formatCount,
    summary: (p) => `${formatCount(sum(p, 'requests'))} in this range`,
  },
  {
    title: 'Errors and rate-limited',
    lines: [
      { metric: 'errors', label: 'Errors (5xx)', color: '--danger' },
      { metric: 'rate_limited', label: 'Rate-limited (429)', color: '--warn' },
    ],
    unit: (per) => `responses per ${per}`,
    format: formatCount,
    summary: (p) => `${formatCount(sum(p, 'errors'))} errors, ${formatCount(sum(p, 'rate_limited'))} rate-limited`,
  },
  {
    title: 'DB time',
    lines: [{ metric: 'db_ms', label: 'DB time', color: '--accent' }],
    unit: (per) => `DB time per ${per}`,
    format: formatMs,
    summary: (p) => `${formatMs(sum(p, 'db_ms'))} in this range`,
  },
  {
    title: 'Active users',
    lines: [
      { metric: 'active_users', label: 'Active users', color: '--ok' },
      { metric: 'logins', label: 'Logins', color: '--accent' },
      { metric: 'failed_logins', label: 'Failed logins', color: '--danger' },
    ],
    unit: (per) => `users, logins per ${per}`,
    format: formatCount,
    summary: (p) => `peak ${formatCount(peak(p, 'active_users'))} active, ${formatCount(sum(p, 'failed_logins'))} failed logins`,
  },
  {
    title: 'Storage',
    lines: [{ metric: 'storage_bytes', label: 'Storage', color: '--ok' }],
    unit: () => 'bytes stored',
    format: formatBytes,
    summary: (p) => `${formatBytes(p.at(-1)?.storage_bytes ?? 0)} at the end of the range`,
  },
];

/** usage-meter's series for a range as one chart per concern; `series` null while it loads. */
export function UsageCharts({ series, error }: { series: UsageSeries | null; error: unknown }) {
  const charts = useMemo(() => {
    if (!series) return [];
    const times = series.points.map((p) => Date.parse(p.t) / 1000);
    return CHARTS.map((spec) => ({
      spec,
      times,
      lines: spec.lines.map((l): ChartSeries => ({ label: l.label, color: l.color, values: series.points.map((p) => p[l.metric]) })),
      summary: spec.summary(series.points),
    }));
  }, [series]);

  if (error) return <ErrorMessage error={error} />;
  if (!series) return <Loading what="usage" />;
  if (series.points.length === 0) return <p className="empty">No usage in this range.</p>;
  return (
    <div className="charts">
      {charts.map(({ spec, times, lines, summary }) => (
        <TimeChart
          key={spec.title}
          title={spec.title}
          summary={summary}
          times={times}
          series={lines}
          yLabel={spec.unit(series.group_by)}
          format={spec.format}
        />
      ))}
    </div>
  );
}
