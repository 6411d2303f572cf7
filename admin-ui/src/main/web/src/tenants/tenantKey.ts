// Mirror of dev.gateway.events.TenantKey (event-contracts); TenantKeyRulesTest on the Java side
// fails when the two drift apart.
export const TENANT_KEY_PATTERN = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

export const RESERVED_TENANT_KEYS: readonly string[] = [
  'admin', 'api', 'www', 'app', 'gateway', 'traefik', 'public', 'postgres', 'template0', 'template1',
  'registry', 'provisioner', 'routes', 'static', 'assets', 'mail', 'smtp', 'status', 'health',
  'metrics', 'prometheus', 'dashboard', 'root', 'system', 'internal', 'localhost', 'information-schema',
  'pg-catalog', 'pg-toast', 'default', 'tenant', 'tenants',
];

/** Why the key would be refused by the registry, or null when it is valid. */
export function tenantKeyProblem(key: string): string | null {
  if (!key.trim()) return 'key is required';
  if (!TENANT_KEY_PATTERN.test(key)) {
    return "key must be 3-32 characters: a lower-case letter, then lower-case letters, digits or '-', not ending with '-'";
  }
  if (RESERVED_TENANT_KEYS.includes(key)) return `key '${key}' is reserved`;
  return null;
}

/** The tenant's database/schema/role name, as the provisioner derives it. */
export function tenantObjectName(key: string): string {
  return `tenant_${key.replace(/-/g, '_')}`;
}
