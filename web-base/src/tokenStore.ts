/**
 * Holds a bearer token in memory and mirrors it to sessionStorage under one key, so a reload keeps
 * the session but closing the tab ends it. Never a cookie: nothing is sent to any origin unless the
 * API client adds it as a Bearer header.
 */
export interface TokenClaims {
  sub: string | null;
  roles: string[];
  exp: number | null;
}

export class TokenStore {
  private token: string | null;
  private readonly listeners = new Set<(token: string | null) => void>();

  constructor(
    readonly storageKey: string,
    private readonly storage: Storage | null = safeSessionStorage(),
  ) {
    this.token = storage?.getItem(storageKey) ?? null;
    if (this.token && isExpired(decodeClaims(this.token))) this.clear();
  }

  get(): string | null {
    return this.token;
  }

  set(token: string): void {
    this.token = token;
    this.storage?.setItem(this.storageKey, token);
    this.notify();
  }

  clear(): void {
    this.token = null;
    this.storage?.removeItem(this.storageKey);
    this.notify();
  }

  claims(): TokenClaims | null {
    return this.token ? decodeClaims(this.token) : null;
  }

  subscribe(listener: (token: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    this.listeners.forEach((l) => l(this.token));
  }
}

/** Reads the JWT payload for display only (user, roles, expiry); the server verifies the signature. */
export function decodeClaims(token: string): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) return { sub: null, roles: [], exp: null };
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(json) as { sub?: unknown; roles?: unknown; role?: unknown; exp?: unknown };
    const roles = Array.isArray(payload.roles) ? payload.roles : typeof payload.role === 'string' ? [payload.role] : [];
    return {
      sub: typeof payload.sub === 'string' ? payload.sub : null,
      roles: roles.filter((r): r is string => typeof r === 'string'),
      exp: typeof payload.exp === 'number' ? payload.exp : null,
    };
  } catch {
    return { sub: null, roles: [], exp: null };
  }
}

export function isExpired(claims: TokenClaims, nowSeconds = Date.now() / 1000): boolean {
  return claims.exp !== null && claims.exp <= nowSeconds;
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}
