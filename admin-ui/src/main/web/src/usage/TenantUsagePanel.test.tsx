import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TenantUsagePanel } from './TenantUsagePanel';
import { fakeFetch, json, problem, renderAt } from '../test/fakeApi';
import type { Call } from '../test/fakeApi';
import { chartTitled, drawn } from '../test/fakeUplot';
import { series, twoHours } from '../test/usageFixtures';

vi.mock('uplot', () => import('../test/fakeUplot'));

const entry = (id: string, type: string, email: string | null, summary: string | null = null) => ({
  id,
  type,
  occurred_at: '2026-12-02T11:0' + id + ':00Z',
  actor_id: email ? `u-${id}` : null,
  actor_email: email,
  entity_id: type.includes('project') ? `p-${id}` : null,
  summary,
});

const firstPage = {
  items: [
    entry('3', 'activity.login.failed', 'mallory@acme.example'),
    entry('2', 'activity.project.created', 'ada@acme.example', 'Launch plan'),
  ],
  next_cursor: 'older-1',
};
const secondPage = { items: [entry('1', 'activity.login.succeeded', 'ada@acme.example')], next_cursor: null };

const url = (call: Call) => new URL(call.url, 'http://admin.test');

function backend(overrides: Record<string, (call: Call) => Response> = {}) {
  return fakeFetch((call) => {
    const path = url(call).pathname;
    if (overrides[path]) return overrides[path](call);
    if (path === '/api/gateway/usage') return json(200, series('acme', twoHours));
    if (path === '/api/gateway/tenants/acme/activity')
      return json(200, url(call).searchParams.get('cursor') === 'older-1' ? secondPage : firstPage);
    return problem(404, 'not-found', 'Not found');
  });
}

const render = () => renderAt('/tenants/acme', '/tenants/:key', <TenantUsagePanel tenant="acme" />);

beforeEach(() => {
  drawn.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('tenant usage panel', () => {
  it("charts the tenant's own usage", async () => {
    const calls = backend();
    render();

    expect(await screen.findByRole('img', { name: 'Requests: 1,234 in this range' })).toBeInTheDocument();
    expect((await chartTitled('Active users')).options.series.slice(1).map((s) => s.label)).toEqual(['Active users', 'Logins', 'Failed logins']);
    expect((await chartTitled('DB time')).data[1]).toEqual([5_400, 600]);
    expect(url(calls.find((c) => url(c).pathname === '/api/gateway/usage')!).searchParams.get('tenant')).toBe('acme');
  });

  it('lists who did what, newest first, and pages with the cursor', async () => {
    const calls = backend();
    render();
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Activity of acme' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(1, 3).map((c) => c.textContent))).toEqual([
      ['mallory@acme.example', 'Failed sign-in'],
      ['ada@acme.example', 'Created a project'],
    ]);
    expect(rows[0]).toHaveClass('row-error');
    expect(within(rows[1]).getByText('Launch plan')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Older' }));

    expect(await screen.findByRole('cell', { name: 'Signed in' })).toBeInTheDocument();
    const paged = url(calls.filter((c) => url(c).pathname.endsWith('/activity')).at(-1)!);
    expect(paged.searchParams.get('cursor')).toBe('older-1');
    expect(paged.searchParams.get('limit')).toBe('25');
    expect(paged.searchParams.get('from')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByRole('cell', { name: 'Failed sign-in' })).toBeInTheDocument();
  });

  it('filters by what happened and says when nothing did', async () => {
    const calls = backend({
      '/api/gateway/tenants/acme/activity': (call) =>
        json(200, url(call).searchParams.get('type') ? { items: [], next_cursor: null } : firstPage),
    });
    render();
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Activity of acme' });

    await user.selectOptions(screen.getByLabelText('What'), 'Failed sign-in');

    expect(await screen.findByText('No such activity in this range.')).toBeInTheDocument();
    expect(url(calls.at(-1)!).searchParams.get('type')).toBe('activity.login.failed');
  });

  it('shows a tenant usage-meter does not know as its problem', async () => {
    backend({
      '/api/gateway/usage': () => problem(404, 'tenant-not-found', 'Tenant not found', 'usage-meter has not seen tenant acme'),
      '/api/gateway/tenants/acme/activity': () => problem(404, 'tenant-not-found', 'Tenant not found', 'usage-meter has not seen tenant acme'),
    });
    render();

    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    screen.getAllByRole('alert').forEach((alert) => expect(alert).toHaveTextContent('Tenant not found: usage-meter has not seen tenant acme'));
  });

  it('exports the series and the activity as CSV', async () => {
    const calls = backend();
    const saved: string[] = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:csv') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    render();
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Activity of acme' });

    await user.click(screen.getByRole('button', { name: 'Export series CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[0]).toMatch(/^usage-acme-by-hour-.*\.csv$/);
    expect(saved[1]).toMatch(/^activity-acme-.*\.csv$/);
    const exports = calls.filter((c) => c.headers.Accept === 'text/csv').map(url);
    expect(exports.map((u) => u.pathname)).toEqual(['/api/gateway/usage', '/api/gateway/tenants/acme/activity']);
    expect(exports[0].searchParams.get('tenant')).toBe('acme');
    expect(exports[1].searchParams.has('cursor')).toBe(false);
  });
});
