import { useId } from 'react';
import type { UsageGroup } from '../api/types';
import { PRESETS, customRangeProblem, defaultGroup } from './range';
import type { RangeChoice, RangePreset } from './range';

/** Preset or custom dates, and hour or day buckets; custom dates are UTC days, both included. */
export function RangePicker({ choice, onChange }: { choice: RangeChoice; onChange: (next: RangeChoice) => void }) {
  const id = useId();
  const problem = customRangeProblem(choice);
  return (
    <fieldset className="range-picker">
      <legend>Range</legend>
      <label htmlFor={`${id}-preset`}>Period</label>
      <select
        id={`${id}-preset`}
        value={choice.preset}
        onChange={(e) => {
          const preset = e.target.value as RangePreset;
          onChange({ ...choice, preset, group: defaultGroup(preset) });
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      {choice.preset === 'custom' && (
        <>
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={choice.from} onChange={(e) => onChange({ ...choice, from: e.target.value })} />
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={choice.to}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => onChange({ ...choice, to: e.target.value })}
          />
        </>
      )}
      <label htmlFor={`${id}-group`}>By</label>
      <select id={`${id}-group`} value={choice.group} onChange={(e) => onChange({ ...choice, group: e.target.value as UsageGroup })}>
        <option value="hour">hour</option>
        <option value="day">day</option>
      </select>
      {problem && (
        <span id={`${id}-problem`} className="field-error">
          {problem}
        </span>
      )}
    </fieldset>
  );
}
