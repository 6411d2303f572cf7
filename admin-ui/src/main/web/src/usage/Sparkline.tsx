import { formatCount } from './format';

const WIDTH = 96;
const HEIGHT = 24;

/** A line of hourly values, scaled to its own peak; an empty series draws nothing. */
export function Sparkline({ values, what }: { values: number[]; what: string }) {
  if (values.length === 0) return <span className="muted">—</span>;
  const total = values.reduce((a, b) => a + b, 0);
  const peak = Math.max(...values, 1);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (v / peak) * (HEIGHT - 2)).toFixed(1)}`);
  return (
    <span className="sparkline">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${formatCount(total)} ${what}`}>
        <polyline points={points.join(' ')} />
      </svg>
      <span className="sparkline-total" aria-hidden="true">{formatCount(total)}</span>
    </span>
  );
}
