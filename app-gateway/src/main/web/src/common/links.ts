/**
 * Links between the base-domain site and the workspaces. A workspace lives on the same scheme and port
 * with its key in front of the base domain: http://localhost:8000 -> http://acme.localhost:8000.
 */
export function workspaceUrl(key: string, here: Location = window.location): string {
  return `${here.protocol}//${key}.${baseHost(here.hostname)}${here.port ? `:${here.port}` : ''}`;
}

/** The base-domain site, seen from a workspace (acme.localhost -> localhost). */
export function siteUrl(here: Location = window.location): string {
  const labels = here.hostname.split('.');
  const host = labels.length > 1 ? labels.slice(1).join('.') : here.hostname;
  return `${here.protocol}//${host}${here.port ? `:${here.port}` : ''}`;
}

function baseHost(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : hostname;
}
