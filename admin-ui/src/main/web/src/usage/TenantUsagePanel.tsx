import { ActivityFeed } from './ActivityFeed';
import { UsageSeriesSection, useUsageRange } from './UsageSeriesSection';

/** A tenant's usage over a range and what its users did in it. */
export function TenantUsagePanel({ tenant }: { tenant: string }) {
  const { choice, setChoice, range } = useUsageRange();
  return (
    <section aria-labelledby="usage-title" className="usage-panel">
      <h2 id="usage-title">Usage</h2>
      <UsageSeriesSection choice={choice} onChoice={setChoice} range={range} tenant={tenant} />
      <ActivityFeed tenant={tenant} range={range} />
    </section>
  );
}
