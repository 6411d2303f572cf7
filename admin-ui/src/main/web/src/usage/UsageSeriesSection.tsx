import { useEffect, useMemo, useState } from 'react';
import type { UsageRange } from '../api/client';
import { usageCalls } from '../api/client';
import type { UsageSeries } from '../api/types';
import { useSession } from '../session';
import { CsvExport } from './CsvExport';
import { csvName } from './csvName';
import { customRangeProblem, initialChoice, rangeOf } from './range';
import type { RangeChoice } from './range';
import { RangePicker } from './RangePicker';
import { UsageCharts } from './UsageCharts';

/** The picked range, or null while the custom dates cannot be asked for. */
export function useUsageRange() {
  const [choice, setChoice] = useState<RangeChoice>(() => initialChoice());
  const range = useMemo(() => (customRangeProblem(choice) ? null : rangeOf(choice)), [choice]);
  return { choice, setChoice, range };
}

/** Range picker, the charts of the fleet or of one tenant, and their CSV. */
export function UsageSeriesSection({
  choice,
  onChoice,
  range,
  tenant,
}: {
  choice: RangeChoice;
  onChoice: (next: RangeChoice) => void;
  range: UsageRange | null;
  tenant?: string;
}) {
  const { api } = useSession();
  const [series, setSeries] = useState<UsageSeries | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!range) return undefined;
    let current = true;
    setSeries(null);
    setError(null);
    api
      .usage(range, tenant)
      .then((s) => current && setSeries(s))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, range, tenant]);

  return (
    <>
      <div className="filters">
        <RangePicker choice={choice} onChange={onChoice} />
        {range && (
          <CsvExport
            call={usageCalls.series(range, tenant)}
            filename={csvName(`usage-${tenant ?? 'all-tenants'}-by-${range.group_by}`, range)}
            label="Export series CSV"
          />
        )}
      </div>
      {range && <UsageCharts series={series} error={error} />}
    </>
  );
}
