import { describe, expect, it } from 'vitest';
import { tenantKeyProblem, tenantObjectName } from './tenantKey';

describe('tenant key rules (same as the registry)', () => {
  it.each(['acme', 'a1b', 'acme-logistics', 'a'.repeat(32), 'x-1'])('accepts %s', (key) => {
    expect(tenantKeyProblem(key)).toBeNull();
  });

  it.each([
    ['', 'key is required'],
    ['ab', 'must be 3-32'],
    ['a'.repeat(33), 'must be 3-32'],
    ['Acme', 'must be 3-32'],
    ['1acme', 'must be 3-32'],
    ['acme-', 'must be 3-32'],
    ['ac_me', 'must be 3-32'],
    ['ac me', 'must be 3-32'],
  ])('refuses %j', (key, message) => {
    expect(tenantKeyProblem(key)).toContain(message);
  });

  it.each(['admin', 'api', 'www', 'traefik', 'postgres', 'template1', 'pg-catalog', 'tenants'])('refuses reserved %s', (key) => {
    expect(tenantKeyProblem(key)).toBe(`key '${key}' is reserved`);
  });

  it('derives the database object name like the provisioner', () => {
    expect(tenantObjectName('acme-logistics')).toBe('tenant_acme_logistics');
  });
});
