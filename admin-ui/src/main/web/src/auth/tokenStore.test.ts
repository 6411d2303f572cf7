import { describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY, TokenStore, decodeClaims } from './tokenStore';
import { fakeToken } from '../test/fakeApi';

describe('token store', () => {
  it('keeps the token in memory and sessionStorage, never in a cookie', () => {
    const store = new TokenStore(sessionStorage);
    const token = fakeToken();

    store.set(token);

    expect(store.get()).toBe(token);
    expect(sessionStorage.getItem(STORAGE_KEY)).toBe(token);
    expect(document.cookie).toBe('');
    expect(new TokenStore(sessionStorage).get()).toBe(token);
  });

  it('forgets the token on sign-out and tells subscribers', () => {
    const store = new TokenStore(sessionStorage);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(fakeToken());

    store.clear();

    expect(store.get()).toBeNull();
    expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
    expect(listener).toHaveBeenLastCalledWith(null);
  });

  it('drops an expired token found in sessionStorage', () => {
    sessionStorage.setItem(STORAGE_KEY, fakeToken({ sub: 'admin', exp: 1000 }));

    expect(new TokenStore(sessionStorage).get()).toBeNull();
  });

  it('reads user and roles from the token for display', () => {
    expect(decodeClaims(fakeToken({ sub: 'viewer1', roles: ['viewer'] }))).toMatchObject({ sub: 'viewer1', roles: ['viewer'] });
    expect(decodeClaims('not-a-jwt')).toEqual({ sub: null, roles: [], exp: null });
  });

  it('works without any storage', () => {
    const store = new TokenStore(null);
    store.set('x.y.z');
    expect(store.get()).toBe('x.y.z');
  });
});
