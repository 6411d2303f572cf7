import { TopTenantsTable } from '../usage/TopTenantsTable';
import { UsageSeriesSection, useUsageRange } from '../usage/UsageSeriesSection';

/** The whole fleet's usage over a range, and which tenants used most of it. */
export function UsagePage() {
  const { choice, setChoice, range } = useUsageRange();
  return (
    <main id="main">
      <h1>Usage</h1>
      <p className="muted">All tenants together. Times are in your time zone; custom dates are UTC days.</p>
      <UsageSeriesSection choice={choice} onChoice={setChoice} range={range} />
      <TopTenantsTable range={range} />
    </main>
  );
}
