// What the journey e2e needs besides the browser: the platform's addresses, MailDev's REST API, the
// operator's API through the admin UI, and the one database write (ageing an invitation past its 72 h).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const STEP_MS = 15_000;

export function settings(repoRoot) {
  const site = new URL(process.env.GATEWAY_PUBLIC_URL ?? 'http://localhost:8000');
  return {
    site: site.origin,
    workspace: (key) => `${site.protocol}//${key}.${site.host.replace(/^www\./, '')}`,
    admin: (process.env.GATEWAY_ADMIN_URL ?? 'http://127.0.0.1:8001').replace(/\/$/, ''),
    adminUser: process.env.GATEWAY_ADMIN_USER ?? 'admin',
    adminPassword: adminPassword(repoRoot),
    maildev: (process.env.MAILDEV_URL ?? `http://127.0.0.1:${process.env.GATEWAY_MAILDEV_WEB_PORT ?? 1080}`).replace(/\/$/, ''),
    operators: (process.env.GATEWAY_OPERATOR_EMAILS ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean),
    psql: (process.env.E2E_PSQL ?? 'psql -h 127.0.0.1 -U postgres').split(/\s+/),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

function adminPassword(repoRoot) {
  if (process.env.GATEWAY_ADMIN_PASSWORD) return process.env.GATEWAY_ADMIN_PASSWORD;
  const file = join(resolve(repoRoot, process.env.GATEWAY_HOME ?? '.gateway'), 'admin-password');
  if (!existsSync(file)) throw new Error(`no admin password: set GATEWAY_ADMIN_PASSWORD or run bin/gateway up (${file})`);
  return readFileSync(file, 'utf8').trim();
}

export async function until(what, probe, timeoutMs = STEP_MS, everyMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe().catch((error) => ({ error }));
    if (last && !last.error) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last?.error ? `: ${last.error.message}` : ''}`);
}

/** MailDev keeps every mail; a test finds its own by address (each run uses fresh ones) and content. */
export function mailbox(baseUrl) {
  const all = async () => {
    const response = await fetch(`${baseUrl}/email`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
    return response.json();
  };
  const to = (mail, address) => (mail.to ?? []).some((t) => t.address?.toLowerCase() === address.toLowerCase());
  const body = (mail) => `${mail.subject ?? ''}\n${mail.text ?? ''}\n${mail.html ?? ''}`;
  return {
    reachable: async () => Array.isArray(await all()),
    /** The ids of the mails `address` has now, to wait for a later one. */
    seen: async (address) => new Set((await all()).filter((m) => to(m, address)).map((m) => m.id)),
    /** The first mail to `address` matching `pattern` in subject or body, leaving out the `seen` ones. */
    waitFor: (address, pattern, seen = new Set(), timeoutMs = 30_000) =>
      until(`a mail to ${address} matching ${pattern}`, async () => {
        const found = (await all()).find((m) => to(m, address) && !seen.has(m.id) && pattern.test(body(m)));
        return found ? { ...found, body: body(found) } : null;
      }, timeoutMs),
  };
}

export function linkIn(mail, pattern) {
  const found = mail.body.replace(/&amp;/g, '&').match(pattern);
  if (!found) throw new Error(`no link matching ${pattern} in the mail "${mail.subject}"`);
  return found[0];
}

/** The operator's API through the admin UI, as the admin UI itself uses it. */
export async function operatorApi(config) {
  const login = await fetch(`${config.admin}/api/gateway/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: config.adminUser, password: config.adminPassword }),
  });
  if (!login.ok) throw new Error(`operator login answered ${login.status}`);
  const { access_token: token } = await login.json();
  const call = async (method, path, body) => {
    const response = await fetch(`${config.admin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    tenant: (key) => call('GET', `/api/gateway/tenants/${key}`),
    setMaxUsers: (key, maxUsers) => call('PATCH', `/api/gateway/tenants/${key}`, { max_users: maxUsers }),
    /** A plan whose signups are approved at once: the registry's own, or `e2e-trial` created for the run. */
    ensureSelfServicePlan: async () => {
      const plans = (await call('GET', '/api/gateway/plans')).items;
      if (plans.some((p) => p.self_service)) return;
      await call('POST', '/api/gateway/plans', {
        key: 'e2e-trial', rate_per_second: 5, burst: 10, max_users: 3, max_projects: 3, max_storage_mb: 50,
        features: ['projects', 'tasks'], self_service: true,
      });
    },
  };
}

/**
 * The tenant API from outside the browser: the base domain with X-Tenant-ID, as the join page calls it.
 * Like any well-behaved client it waits out a 429's Retry-After (a few times): the browser steps just
 * before share the tenant's bucket (the free plan's burst is 10), and how much of it they left depends
 * on the machine's speed, not on what a step checks.
 */
export async function tenantCall(config, key, method, path, { token, body } = {}) {
  const headers = { 'X-Tenant-ID': key, Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${config.site}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (response.status === 429 && attempt < RATE_LIMITED_ATTEMPTS) {
      await new Promise((r) => setTimeout(r, 1000 * Math.min(5, Number(response.headers.get('retry-after')) || 1)));
      continue;
    }
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
  }
}

const RATE_LIMITED_ATTEMPTS = 4;

/**
 * Ages the open invitation of `email` past its expiry in the tenant's own database: the registry says
 * where that is (db_name; the schema is tenant_<key>, as the provisioner names it).
 */
export function expireInvitation(config, tenant, email) {
  const schema = `tenant_${tenant.key.replace(/-/g, '_')}`;
  const sql = `WITH aged AS (UPDATE "${schema}".user_tokens SET expires_at = now() - interval '1 minute'
    WHERE used_at IS NULL AND user_id IN (SELECT id FROM "${schema}".users WHERE email = '${email.replace(/'/g, "''")}')
    RETURNING 1) SELECT count(*) FROM aged`;
  const [command, ...args] = config.psql;
  const run = spawnSync(command, [...args, '-d', tenant.db_name, '-v', 'ON_ERROR_STOP=1', '-Atc', sql], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr || run.error?.message}`);
  if (!(Number(run.stdout.trim()) > 0)) throw new Error(`no open invitation of ${email} found to expire (${run.stdout.trim()})`);
}
