import { describe, expect, it, vi } from 'vitest';
import { TokenStore, decodeClaims } from './tokenStore';
import { fakeToken } from './test/fakeFetch';

const KEY = 'gateway.test.token';

describe('token store', () => {
  it('keeps the token in memory and sessionStorage under its key, never in a cookie', () => {
    const store = new TokenStore(KEY, sessionStorage);
    const token = fakeToken();

    store.set(token);

    expect(store.get()).toBe(token);
    expect(sessionStorage.getItem(KEY)).toBe(token);
    expect(document.cookie).toBe('');
    expect(new TokenStore(KEY, sessionStorage).get()).toBe(token);
    expect(new TokenStore('another.key', sessionStorage).get()).toBeNull();
  });

  it('forgets the token on sign-out and tells subscribers', () => {
    const store = new TokenStore(KEY, sessionStorage);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(fakeToken());

    store.clear();

    expect(store.get()).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(listener).toHaveBeenLastCalledWith(null);
  });

  it('drops an expired token found in sessionStorage', () => {
    sessionStorage.setItem(KEY, fakeToken({ sub: 'admin', exp: 1000 }));

    expect(new TokenStore(KEY, sessionStorage).get()).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('reads user and roles from the token for display, from roles or a single role claim', () => {
    expect(decodeClaims(fakeToken({ sub: 'viewer1', roles: ['viewer'] }))).toMatchObject({ sub: 'viewer1', roles: ['viewer'] });
    expect(decodeClaims(fakeToken({ sub: 'u1', role: 'member' }))).toMatchObject({ sub: 'u1', roles: ['member'] });
    expect(decodeClaims('not-a-jwt')).toEqual({ sub: null, roles: [], exp: null });
  });

  it('works without any storage', () => {
    const store = new TokenStore(KEY, null);
    store.set('x.y.z');
    expect(store.get()).toBe('x.y.z');
  });
});
