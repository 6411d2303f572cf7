import { describe, expect, it } from 'vitest';
import { customRangeProblem, initialChoice, last24Hours, rangeOf } from './range';
import { formatBytes, formatCount, formatMs } from './format';

const now = Date.parse('2026-12-02T11:40:00Z');

describe('usage ranges', () => {
  it('ends a preset with the bucket still filling', () => {
    expect(rangeOf(initialChoice('24h', now), now)).toEqual({
      from: '2026-12-01T12:00:00.000Z',
      to: '2026-12-02T12:00:00.000Z',
      group_by: 'hour',
    });
    expect(rangeOf(initialChoice('7d', now), now)).toEqual({
      from: '2026-11-25T12:00:00.000Z',
      to: '2026-12-02T12:00:00.000Z',
      group_by: 'hour',
    });
    expect(rangeOf(initialChoice('30d', now), now)).toEqual({
      from: '2026-11-03T00:00:00.000Z',
      to: '2026-12-03T00:00:00.000Z',
      group_by: 'day',
    });
    expect(last24Hours(now)).toEqual(rangeOf(initialChoice('24h', now), now));
  });

  it('includes both custom dates and refuses a reversed range before asking', () => {
    const custom = { preset: 'custom' as const, group: 'day' as const, from: '2026-11-01', to: '2026-11-30' };

    expect(rangeOf(custom, now)).toEqual({ from: '2026-11-01', to: '2026-12-01', group_by: 'day' });
    expect(customRangeProblem(custom)).toBeNull();
    expect(customRangeProblem({ ...custom, from: '2026-12-01' })).toBe('The end date is before the start date.');
    expect(customRangeProblem({ ...custom, to: '' })).toBe('Choose both dates.');
    expect(customRangeProblem({ ...custom, preset: '24h', to: '' })).toBeNull();
  });
});

describe('usage numbers', () => {
  it('reads at a glance', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(2_500_000)).toBe('2.5M');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(12_500)).toBe('12.5 s');
    expect(formatMs(5_400_000)).toBe('1.5 h');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });
});
