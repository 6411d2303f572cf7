import { describe, expect, it } from 'vitest';
import { takeInvitationToken } from './invitationToken';

describe('invitation token', () => {
  it('is read from the fragment and removed from the address bar', () => {
    window.history.replaceState({ kept: true }, '', '/activate?lang=en#abc_DEF-123');

    expect(takeInvitationToken()).toBe('abc_DEF-123');
    expect(window.location.href).toBe(`${window.location.origin}/activate?lang=en`);
    expect(window.history.state).toEqual({ kept: true });
  });

  it('is empty without a fragment, leaving the address as it is', () => {
    window.history.replaceState(null, '', '/activate');

    expect(takeInvitationToken()).toBe('');
    expect(window.location.pathname).toBe('/activate');
  });
});
