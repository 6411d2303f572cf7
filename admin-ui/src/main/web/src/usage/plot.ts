import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimeChartProps } from './TimeChart';

export interface PlotHandle {
  destroy: () => void;
}

const HEIGHT = 200;

function themeColor(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

function plotOptions(element: HTMLElement, { series, yLabel, format }: TimeChartProps): uPlot.Options {
  const text = themeColor('--text', '#1b1f24');
  const grid = themeColor('--border', '#d5d9df');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width: element.clientWidth || 480,
    height: HEIGHT,
    series: [
      {},
      ...series.map((s) => ({
        label: s.label,
        stroke: themeColor(s.color, '#1f5fbf'),
        width: 2,
        value: (_: uPlot, v: number | null) => (v == null ? '—' : format(v)),
      })),
    ],
    axes: [axis, { ...axis, label: yLabel, size: 70, values: (_: uPlot, ticks: number[]) => ticks.map(format) }],
    scales: { y: { range: (_: uPlot, _min: number, max: number) => [0, max > 0 ? max * 1.1 : 1] } },
    cursor: { drag: { x: false, y: false } },
  };
}

/** uPlot's side of a TimeChart, loaded with the first chart: draws it into `element`, as wide as the element. */
export function drawPlot(element: HTMLElement, props: TimeChartProps): PlotHandle {
  const plot = new uPlot(plotOptions(element, props), [props.times, ...props.series.map((s) => s.values)], element);
  const resize = typeof ResizeObserver === 'undefined'
    ? null
    : new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
  resize?.observe(element);
  return {
    destroy: () => {
      resize?.disconnect();
      plot.destroy();
    },
  };
}
