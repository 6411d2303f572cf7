import { ApiError, problemFrom } from './problem';

export interface HttpOptions {
  getToken: () => string | null;
  /** Called when the server refuses the token (401), e.g. to send the user back to sign-in. */
  onUnauthorized?: () => void;
  /** Headers every request carries (e.g. `X-Tenant-ID`). */
  headers?: () => Record<string, string>;
  /** The title of the error when the server cannot be reached at all. */
  unreachable: string;
  fetchImpl?: typeof fetch;
  baseUrl?: string;
}

export type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Aborting it rejects with the AbortError itself, which callers that abort ignore. */
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Lists are `{items, next_cursor}`; a plain array is accepted too. */
export function itemsOf<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items)) {
    return (value as { items: T[] }).items;
  }
  return [];
}

export function pageOf<T>(value: unknown): Page<T> {
  const next = (value as { next_cursor?: unknown } | null)?.next_cursor;
  return { items: itemsOf<T>(value), next_cursor: typeof next === 'string' && next ? next : null };
}

export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

const MAX_READ_RETRIES = 2;
const MAX_RETRY_AFTER_S = 5;

/**
 * How long to wait before reading again after a short refusal: a GET answered 429 (the tenant's burst is
 * spent) or 503 (its connections are busy) whose Retry-After is a few seconds. A screen loading several
 * lists at once should show them a moment later rather than an error. Writes are never repeated here:
 * the user sees the refusal and decides.
 */
function readRetryDelayMs(method: string, response: Response): number | null {
  if (method !== 'GET' || (response.status !== 429 && response.status !== 503)) return null;
  const header = response.headers.get('Retry-After');
  const seconds = header ? Number(header) : NaN;
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_RETRY_AFTER_S ? Math.max(seconds, 1) * 1000 : null;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/** JSON over fetch: Bearer token, problem+json failures as ApiError, 204 as undefined; short read refusals waited out. */
export function createHttp(options: HttpOptions) {
  const doFetch = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? '';

  function url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    Object.entries(query ?? {}).forEach(([k, v]) => {
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    });
    const qs = params.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...options.headers?.(),
      ...opts.headers,
    };
    const token = options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    let response: Response;
    for (let retries = 0; ; retries++) {
      try {
        response = await doFetch(url(path, opts.query), {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: opts.signal,
        });
      } catch (error) {
        if (opts.signal?.aborted) throw error;
        throw new ApiError(0, options.unreachable, 'Check your connection and try again.');
      }
      const waitMs = retries < MAX_READ_RETRIES ? readRetryDelayMs(method, response) : null;
      if (waitMs === null) break;
      await pause(waitMs, opts.signal);
    }
    if (!response.ok) {
      const error = await problemFrom(response);
      if (response.status === 401 && token) options.onUnauthorized?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const raw = await response.text();
    return (raw ? JSON.parse(raw) : undefined) as T;
  }

  return { request, url };
}

export type Http = ReturnType<typeof createHttp>;
