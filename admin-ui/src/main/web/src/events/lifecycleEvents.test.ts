import { describe, expect, it } from 'vitest';
import { LatestSnapshots, applyEvent, parseLifecycleEvent } from './lifecycleEvents';
import type { Tenant } from '../api/types';

const tenant: Tenant = { key: 'acme', company_name: 'Acme', plan: 'free', status: 'pending', revision: 2 };

describe('lifecycle events', () => {
  it('reads a DESIGN §5 envelope', () => {
    const event = parseLifecycleEvent(
      JSON.stringify({ id: 'e1', type: 'tenant.ready', tenant: 'acme', revision: 4, data: { key: 'acme', status: 'ready', revision: 4 } }),
    );
    expect(event).toMatchObject({ type: 'tenant.ready', tenant: 'acme', revision: 4 });
  });

  it('reads a bare snapshot and takes the type from the SSE event name', () => {
    const event = parseLifecycleEvent(JSON.stringify({ key: 'acme', status: 'suspended', revision: 5 }), 'tenant.suspended');
    expect(event).toMatchObject({ type: 'tenant.suspended', tenant: 'acme', revision: 5 });
  });

  it('ignores heartbeats and garbage', () => {
    expect(parseLifecycleEvent('ping')).toBeNull();
    expect(parseLifecycleEvent('{"hello":1}')).toBeNull();
  });

  it('applies a newer snapshot and keeps the tenant on an older one', () => {
    const ready = applyEvent(tenant, { type: 'tenant.ready', tenant: 'acme', data: { status: 'ready', revision: 4 } });
    expect(ready.status).toBe('ready');

    const stale = applyEvent(ready, { type: 'tenant.provisioning', tenant: 'acme', data: { status: 'provisioning', revision: 3 } });
    expect(stale.status).toBe('ready');
  });

  it('ignores events for other tenants and events without a snapshot', () => {
    expect(applyEvent(tenant, { type: 'tenant.ready', tenant: 'other', data: { status: 'ready' } })).toBe(tenant);
    expect(applyEvent(tenant, { type: 'route.published', tenant: 'acme', data: { rule: 'Host(`acme.localhost`)' } })).toBe(tenant);
  });

  it('brings a tenant fetched before an event committed up to that event, and leaves a fresher fetch alone', () => {
    const snapshots = new LatestSnapshots();
    snapshots.remember({ type: 'tenant.updated', tenant: 'acme', revision: 4, data: { status: 'ready', company_name: 'Acme 2', revision: 4 } });
    snapshots.remember({ type: 'tenant.ready', tenant: 'acme', revision: 3, data: { status: 'ready', revision: 3 } });
    snapshots.remember({ type: 'route.published', tenant: 'acme', data: { rule: 'Host(`acme.localhost`)' } });

    const stale = { ...tenant, status: 'ready', revision: 3 } as Tenant;
    expect(snapshots.catchUp(stale)).toMatchObject({ company_name: 'Acme 2', revision: 4 });
    const fresher = { ...tenant, status: 'suspended', revision: 5 } as Tenant;
    expect(snapshots.catchUp(fresher)).toBe(fresher);
    expect(snapshots.catchUp({ ...stale, key: 'other' })).toMatchObject({ company_name: 'Acme' });
  });

  it('forgets the tenants it heard of longest ago past its capacity', () => {
    const snapshots = new LatestSnapshots(2);
    for (const key of ['a', 'b', 'c']) {
      snapshots.remember({ type: 'tenant.updated', tenant: key, data: { status: 'ready', company_name: `${key} 2`, revision: 2 } });
    }
    const at = (key: string) => snapshots.catchUp({ ...tenant, key, company_name: key, revision: 1 }).company_name;
    expect([at('a'), at('b'), at('c')]).toEqual(['a', 'b 2', 'c 2']);
  });
});
