import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsagePage } from './UsagePage';
import { fakeFetch, fakeToken, json, problem, renderAt } from '../test/fakeApi';
import type { Call } from '../test/fakeApi';
import { chartTitled, drawn } from '../test/fakeUplot';
import { series, twoHours } from '../test/usageFixtures';

vi.mock('uplot', () => import('../test/fakeUplot'));

const top = (metric = 'requests') => ({
  metric,
  from: '2026-12-01T12:00:00Z',
  to: '2026-12-02T12:00:00Z',
  items: [
    { tenant: 'noisy', value: 90_000, requests: 90_000, errors: 12, rate_limited: 3_000, db_ms: 7_200_000, storage_bytes: 2 * 1024 ** 3 },
    { tenant: 'quiet', value: 40, requests: 40, errors: 0, rate_limited: 0, db_ms: 120, storage_bytes: 1024 },
  ],
});

const query = (call: Call) => new URL(call.url, 'http://admin.test');

function backend(overrides: Record<string, (call: Call) => Response | Promise<Response>> = {}) {
  return fakeFetch((call) => {
    const path = query(call).pathname;
    if (overrides[path]) return overrides[path](call);
    if (path === '/api/gateway/usage') return json(200, series(null, twoHours));
    if (path === '/api/gateway/usage/top') return json(200, top(query(call).searchParams.get('metric') ?? 'requests'));
    return problem(404, 'not-found', 'Not found');
  });
}

beforeEach(() => {
  drawn.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('usage page', () => {
  it('charts the fleet for the last 24 hours by hour with titles, totals, units and legends', async () => {
    const calls = backend();
    renderAt('/usage', '/usage', <UsagePage />);

    expect(await screen.findByRole('heading', { name: 'Requests' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Requests: 1,234 in this range' })).toBeInTheDocument();
    expect(screen.getByText('4 errors, 40 rate-limited')).toBeInTheDocument();
    expect(screen.getByText('6 s in this range')).toBeInTheDocument();
    expect(screen.getByText('peak 7 active, 3 failed logins')).toBeInTheDocument();
    expect(screen.getByText('5 MB at the end of the range')).toBeInTheDocument();
    await waitFor(() => expect(document.querySelectorAll('.chart canvas')).toHaveLength(5));

    const requests = await chartTitled('Requests');
    expect(requests.data).toEqual([[Date.parse('2026-12-02T10:00:00Z') / 1000, Date.parse('2026-12-02T11:00:00Z') / 1000], [1200, 34]]);
    expect(requests.options.axes?.[1].label).toBe('requests per hour');
    const errors = await chartTitled('Errors and rate-limited');
    expect(errors.options.series.slice(1).map((s) => s.label)).toEqual(['Errors (5xx)', 'Rate-limited (429)']);
    expect(errors.data.slice(1)).toEqual([[3, 1], [40, 0]]);
    expect((await chartTitled('Storage')).options.axes?.[1].label).toBe('bytes stored');

    const usage = query(calls.find((c) => c.url.startsWith('/api/gateway/usage?'))!);
    expect(usage.searchParams.get('group_by')).toBe('hour');
    expect(usage.searchParams.has('tenant')).toBe(false);
    expect(Date.parse(usage.searchParams.get('to')!) - Date.parse(usage.searchParams.get('from')!)).toBe(24 * 3_600_000);
  });

  it('asks by day for 30 days, and refuses reversed custom dates before asking', async () => {
    const calls = backend();
    renderAt('/usage', '/usage', <UsagePage />);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Requests' });

    await user.selectOptions(screen.getByLabelText('Period'), 'Last 30 days');
    await waitFor(() => expect(query(calls.filter((c) => c.url.startsWith('/api/gateway/usage?')).at(-1)!).searchParams.get('group_by')).toBe('day'));
    expect(screen.getByLabelText('By', { selector: 'select[id$="-group"]' })).toHaveValue('day');

    await user.selectOptions(screen.getByLabelText('Period'), 'Custom dates');
    const asked = calls.length;
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2026-12-01');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-11-01');

    expect(await screen.findByText('The end date is before the start date.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.slice(asked).filter((c) => query(c).searchParams.get('to') === '2026-11-02')).toHaveLength(0);

    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2026-12-01');
    await waitFor(() => {
      const last = query(calls.filter((c) => c.url.startsWith('/api/gateway/usage?')).at(-1)!);
      expect([last.searchParams.get('from'), last.searchParams.get('to')]).toEqual(['2026-12-01', '2026-12-02']);
    });
  });

  it('lists the top tenants by the chosen metric, linked to each tenant', async () => {
    const calls = backend();
    renderAt('/usage', '/usage', <UsagePage />);
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Top tenants by requests' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-tenant'))).toEqual(['noisy', 'quiet']);
    expect(within(rows[0]).getByRole('link', { name: 'noisy' })).toHaveAttribute('href', '/tenants/noisy');
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '90,000', '12', '3,000', '2 h', '2 GB']);
    expect(within(table).getByRole('columnheader', { name: 'Requests' })).toHaveAttribute('aria-sort', 'descending');
    expect(query(calls.find((c) => c.url.startsWith('/api/gateway/usage/top'))!).searchParams.get('limit')).toBe('10');

    await user.selectOptions(screen.getByLabelText('By', { selector: 'select[id$="-metric"]' }), 'active users');
    await user.selectOptions(screen.getByLabelText('Rows'), '100');

    const byUsers = await screen.findByRole('table', { name: 'Top tenants by active users' });
    expect(within(byUsers).getByRole('columnheader', { name: 'Active users' })).toHaveAttribute('aria-sort', 'descending');
    const last = query(calls.filter((c) => c.url.startsWith('/api/gateway/usage/top')).at(-1)!);
    expect([last.searchParams.get('metric'), last.searchParams.get('limit')]).toEqual(['active_users', '100']);
  });

  it('says when nothing was used and while it loads', async () => {
    let answer: (r: Response) => void = () => undefined;
    backend({
      '/api/gateway/usage': () => new Promise<Response>((resolve) => (answer = resolve)),
      '/api/gateway/usage/top': () => json(200, { ...top(), items: [] }),
    });
    renderAt('/usage', '/usage', <UsagePage />);

    expect(await screen.findByText('Loading usage…')).toBeInTheDocument();
    expect(await screen.findByText('No tenant used anything in this range.')).toBeInTheDocument();
    answer(json(200, series(null, [])));
    expect(await screen.findByText('No usage in this range.')).toBeInTheDocument();
    expect(document.querySelector('canvas')).toBeNull();
  });

  it('shows usage-meter problems as it explains them', async () => {
    backend({
      '/api/gateway/usage': () => problem(400, 'validation', 'Range too long', 'a range may span at most 400 days'),
      '/api/gateway/usage/top': () => problem(502, 'upstream-unavailable', 'Upstream unavailable', 'The usage-meter service did not answer'),
    });
    renderAt('/usage', '/usage', <UsagePage />);

    const alerts = await screen.findAllByRole('alert');
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(alerts[0]).toHaveTextContent('Range too long: a range may span at most 400 days');
    expect(screen.getAllByRole('alert')[1]).toHaveTextContent('Upstream unavailable: The usage-meter service did not answer');
  });

  it('exports the top tenants as CSV with the operator token, and shows a refused export', async () => {
    const token = fakeToken({ sub: 'vera', roles: ['viewer'] });
    let csvAnswer = () => new Response('tenant,value\nnoisy,90000\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
    const calls = backend({
      '/api/gateway/usage/top': (call) =>
        call.headers.Accept === 'text/csv' ? csvAnswer() : json(200, top()),
    });
    const saved: { href: string; download: string }[] = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:csv-1') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    renderAt('/usage', '/usage', <UsagePage />, token);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Top tenants by requests' });

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].href).toBe('blob:csv-1');
    expect(saved[0].download).toMatch(/^top-tenants-requests-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = calls.find((c) => c.headers.Accept === 'text/csv')!;
    expect(exported.headers.Authorization).toBe(`Bearer ${token}`);
    expect(query(exported).searchParams.get('metric')).toBe('requests');
    expect(await (vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob).text()).toBe('tenant,value\nnoisy,90000\n');

    csvAnswer = () => problem(406, 'not-acceptable', 'Not acceptable', 'CSV is not offered here');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not acceptable: CSV is not offered here');
    expect(saved).toHaveLength(1);
  });
});
