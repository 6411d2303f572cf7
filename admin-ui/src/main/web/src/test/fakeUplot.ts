import { waitFor } from '@testing-library/react';
import type uPlot from 'uplot';

/**
 * Stands in for uPlot, which needs a real canvas and matchMedia: records what each chart was given and
 * leaves a canvas where uPlot would draw. Use with `vi.mock('uplot', () => import('../test/fakeUplot'))`.
 */
export interface DrawnChart {
  options: uPlot.Options;
  data: uPlot.AlignedData;
  target: HTMLElement;
  destroyed: boolean;
}

export const drawn: DrawnChart[] = [];

/** The chart inside the figure titled `title`, once drawn (charts load uPlot first). */
export function chartTitled(title: string): Promise<DrawnChart> {
  return waitFor(() => {
    const found = drawn.filter((c) => !c.destroyed && c.target.closest('figure')?.querySelector('h3')?.textContent === title);
    if (found.length === 0) throw new Error(`no chart titled ${title}`);
    return found[found.length - 1];
  });
}

export default class FakeUplot {
  private readonly chart: DrawnChart;
  private readonly canvas: HTMLCanvasElement;

  constructor(options: uPlot.Options, data: uPlot.AlignedData, target: HTMLElement) {
    this.chart = { options, data, target, destroyed: false };
    this.canvas = document.createElement('canvas');
    target.append(this.canvas);
    drawn.push(this.chart);
  }

  setSize() {}

  destroy() {
    this.chart.destroyed = true;
    this.canvas.remove();
  }
}
