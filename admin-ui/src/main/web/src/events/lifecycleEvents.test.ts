import { describe, expect, it } from 'vitest';
import { applyEvent, parseLifecycleEvent } from './lifecycleEvents';
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
});
