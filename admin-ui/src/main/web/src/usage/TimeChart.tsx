import { useEffect, useId, useRef, useState } from 'react';
import type { PlotHandle } from './plot';

export interface ChartSeries {
  label: string;
  values: number[];
  /** a colour variable of the theme, e.g. `--accent` */
  color: string;
}

export interface TimeChartProps {
  title: string;
  /** one line under the title: the range's total, peak or latest value */
  summary: string;
  /** bucket starts, epoch seconds */
  times: number[];
  series: ChartSeries[];
  /** the y axis' name, with its unit */
  yLabel: string;
  format: (value: number) => string;
}

/**
 * A time series drawn by uPlot (canvas), titled, with axis units and a legend that shows the hovered values.
 * uPlot is loaded with the first chart, so pages without charts do not carry it.
 */
export function TimeChart(props: TimeChartProps) {
  const { title, summary, times, series, yLabel, format } = props;
  const target = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = target.current;
    if (!element) return undefined;
    let cancelled = false;
    let plot: PlotHandle | null = null;
    import('./plot')
      .then(({ drawPlot }) => {
        if (!cancelled) plot = drawPlot(element, { title, summary, times, series, yLabel, format });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [title, summary, times, series, yLabel, format]);

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId}>{title}</h3>
        <span className="muted">{summary}</span>
      </figcaption>
      <div ref={target} className="chart-plot" role="img" aria-label={`${title}: ${summary}`} />
      {failed && <p className="error">The chart could not be drawn; reload the page to try again.</p>}
    </figure>
  );
}
