import type { LifecycleEvent, Tenant } from '../api/types';

/** Every event type the registry may put on the lifecycle stream (event-contracts EventType). */
export const EVENT_TYPES = [
  'tenant.created', 'tenant.retried', 'tenant.provisioning', 'tenant.ready', 'tenant.suspended',
  'tenant.activated', 'tenant.updated', 'tenant.failed', 'tenant.deleting', 'tenant.deleted',
  'provisioning.started', 'provisioning.succeeded', 'provisioning.failed', 'provisioning.deprovisioned',
  'migration.tenant.succeeded', 'migration.tenant.failed', 'route.published', 'route.removed',
];

/**
 * Reads one SSE `data:` payload: a DESIGN §5 envelope, or a bare tenant snapshot (then the SSE
 * event name, if any, is its type). Anything else is ignored.
 */
export function parseLifecycleEvent(data: string, eventName?: string): LifecycleEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const value = parsed as Record<string, unknown>;
  if (typeof value.type === 'string' && typeof value.tenant === 'string') return value as unknown as LifecycleEvent;
  if (typeof value.key === 'string' && typeof value.status === 'string') {
    const type = eventName && eventName !== 'message' ? eventName : `tenant.${value.status}`;
    return {
      type,
      tenant: value.key,
      revision: typeof value.revision === 'number' ? value.revision : undefined,
      occurred_at: typeof value.updated_at === 'string' ? value.updated_at : undefined,
      data: value as Partial<Tenant>,
    };
  }
  return null;
}

/** The revision an event's snapshot carries, or the envelope's. */
function snapshotRevision(event: LifecycleEvent): number | undefined {
  return event.data?.revision ?? event.revision;
}

/** The tenant after a snapshot-carrying event; older revisions and non-snapshot events leave it as it is. */
export function applyEvent(tenant: Tenant, event: LifecycleEvent): Tenant {
  const snapshot = event.data;
  if (event.tenant !== tenant.key || !snapshot || typeof snapshot.status !== 'string') return tenant;
  const incoming = snapshotRevision(event);
  if (incoming !== undefined && tenant.revision !== undefined && incoming < tenant.revision) return tenant;
  return { ...tenant, ...snapshot, key: tenant.key } as Tenant;
}

export type StreamState = 'connecting' | 'live' | 'offline';

/** Opens the lifecycle stream; EventSource reconnects on its own after drops. */
export function openLifecycleStream(
  url: string,
  onEvent: (event: LifecycleEvent) => void,
  onState: (state: StreamState) => void,
  EventSourceImpl: typeof EventSource = EventSource,
): () => void {
  const source = new EventSourceImpl(url);
  onState('connecting');
  const handle = (name: string) => (message: MessageEvent) => {
    const event = parseLifecycleEvent(String(message.data), name);
    if (event) onEvent(event);
  };
  source.onopen = () => onState('live');
  source.onerror = () => onState(source.readyState === EventSourceImpl.CLOSED ? 'offline' : 'connecting');
  source.onmessage = handle('message');
  EVENT_TYPES.forEach((type) => source.addEventListener(type, handle(type) as EventListener));
  return () => source.close();
}

/**
 * The newest snapshot each tenant lately had on the stream. A list or a read answered before an event's change
 * committed can arrive after that event: `catchUp` brings such a fetched tenant to what the stream already said.
 */
export class LatestSnapshots {
  private readonly latest = new Map<string, { revision: number; event: LifecycleEvent }>();

  constructor(private readonly capacity = 1000) {}

  remember(event: LifecycleEvent): void {
    const revision = snapshotRevision(event);
    if (typeof event.data?.status !== 'string' || revision === undefined) return;
    if ((this.latest.get(event.tenant)?.revision ?? -1) >= revision) return;
    this.latest.delete(event.tenant); // Map order is insertion order: the oldest remembered goes first
    this.latest.set(event.tenant, { revision, event });
    if (this.latest.size > this.capacity) this.latest.delete(this.latest.keys().next().value as string);
  }

  catchUp(tenant: Tenant): Tenant {
    const known = this.latest.get(tenant.key);
    const newer = known && tenant.revision !== undefined && known.revision > tenant.revision;
    return newer ? applyEvent(tenant, known.event) : tenant;
  }
}
