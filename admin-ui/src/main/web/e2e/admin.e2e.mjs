// Browser end-to-end test of the admin UI against a running platform (bin/gateway up).
// Drives Debian's Chromium through playwright-core: sign in, create a tenant, watch it reach its
// final state (its invitation link shown once), send it traffic through the app-gateway, suspend + activate it,
// find its usage and activity (usage-meter), delete it. Screenshots go to admin-ui/target/e2e/.
//
//   GATEWAY_ADMIN_URL       base URL (default http://127.0.0.1:8001)
//   GATEWAY_PUBLIC_URL      the app-gateway, which the tenant's traffic goes to (default http://localhost:8000)
//   GATEWAY_ADMIN_USER      default admin
//   GATEWAY_ADMIN_PASSWORD  else read from $GATEWAY_HOME/admin-password (default .gateway/)
//   E2E_EXPECT_STATUS       the state a new tenant must reach: ready (default) or pending
//   CHROMIUM_PATH           default /usr/bin/chromium
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../../..');
const shots = resolve(here, '../../../../target/e2e');
const baseUrl = (process.env.GATEWAY_ADMIN_URL ?? 'http://127.0.0.1:8001').replace(/\/$/, '');
const site = new URL(process.env.GATEWAY_PUBLIC_URL ?? 'http://localhost:8000').origin;
const user = process.env.GATEWAY_ADMIN_USER ?? 'admin';
const expectStatus = process.env.E2E_EXPECT_STATUS ?? 'ready';
const key = `e2e-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const STEP_MS = 15_000;
const SETTLE_MS = 60_000;
// the gateway publishes a tenant's request counts every 10 s and usage-meter ingests them in batches
const USAGE_MS = 45_000;
const TRAFFIC = 20;
const intruder = `intruder@${key}.test`;

function adminPassword() {
  if (process.env.GATEWAY_ADMIN_PASSWORD) return process.env.GATEWAY_ADMIN_PASSWORD;
  const home = resolve(repoRoot, process.env.GATEWAY_HOME ?? '.gateway');
  const file = join(home, 'admin-password');
  if (!existsSync(file)) throw new Error(`no admin password: set GATEWAY_ADMIN_PASSWORD or run bin/gateway up (${file})`);
  return readFileSync(file, 'utf8').trim();
}

const results = { passed: 0, failed: 0, skipped: 0 };
let page;

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    results.failed++;
    console.log(`  FAIL  ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
    await shot(`fail-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
    return false;
  }
}

function skip(name, why) {
  results.skipped++;
  console.log(`  skip  ${name}: ${why}`);
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function waitForBadge(status, timeout = STEP_MS) {
  await page.locator('h1 .badge', { hasText: new RegExp(`^${status}$`) }).waitFor({ timeout });
}

/** Reloads the page until `probe` says yes, for usage-meter to have counted what the test caused. */
async function untilReloaded(what, probe, timeout = USAGE_MS) {
  const deadline = Date.now() + timeout;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(2_000);
    await page.reload();
  }
}

/** Requests to the tenant's API and one failed sign-in, sent to the app-gateway as the tenant's users would. */
async function sendTenantTraffic() {
  const statuses = [];
  const call = async (method, path, body) => {
    const response = await fetch(`${site}${path}`, {
      method,
      headers: { 'X-Tenant-ID': key, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    statuses.push(response.status);
  };
  for (let i = 0; i < TRAFFIC; i++) await call('GET', '/api/me');
  await call('POST', '/api/auth/token', { email: intruder, password: 'not the password' });
  const unserved = statuses.filter((s) => [404, 410, 503].includes(s));
  if (unserved.length) throw new Error(`the app-gateway did not serve the tenant: ${statuses.join(',')}`);
}

async function assertPlatformRunning() {
  const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
  if (!health?.ok) throw new Error(`admin UI not reachable at ${baseUrl}/health: is the platform running (bin/gateway up)?`);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const password = adminPassword();
  await assertPlatformRunning();
  const profile = mkdtempSync(join(tmpdir(), 'gateway-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  const problems = [];
  try {
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_MS);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
    });
    console.log(`admin UI e2e against ${baseUrl}, tenant ${key}, expecting ${expectStatus}`);

    if (!(await step('sign-in page is served with security headers', async () => {
      const response = await page.goto(`${baseUrl}/tenants`);
      if (response.status() !== 200) throw new Error(`GET /tenants answered ${response.status()}`);
      const csp = response.headers()['content-security-policy'] ?? '';
      if (!csp.includes("default-src 'self'")) throw new Error(`CSP missing: ${csp}`);
      await page.getByRole('heading', { name: 'Gateway admin' }).waitFor();
      await shot('01-sign-in');
    }))) return;

    if (!(await step('wrong password shows a readable error', async () => {
      await page.getByLabel('User name').fill(user);
      await page.getByLabel('Password').fill(`${password}-wrong`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    }))) return;

    if (!(await step('sign in with the keyboard', async () => {
      await page.getByLabel('Password').fill(password);
      await page.getByLabel('Password').press('Enter');
      await page.getByRole('heading', { name: 'Tenants' }).waitFor();
      const stored = await page.evaluate(() => ({ session: !!sessionStorage.getItem('gateway.admin.token'), cookie: document.cookie }));
      if (!stored.session || stored.cookie) throw new Error(`token must be in sessionStorage only: ${JSON.stringify(stored)}`);
      await shot('02-tenants');
    }))) return;

    if (!(await step('create a tenant through the form', async () => {
      await page.getByRole('link', { name: 'Create tenant' }).click();
      await page.getByLabel('Tenant key').fill('Bad_Key');
      await page.getByText(/must be 3-32 characters/).waitFor();
      await page.getByLabel('Tenant key').fill(key);
      await page.getByLabel('Company name').fill('E2E Logistics');
      // the platform's own pool, not whatever other pools an operator added to this installation
      const defaultPool = page.locator('#pool option', { hasText: /^default \(/ });
      await defaultPool.first().waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
      if (await defaultPool.count()) await page.getByLabel('Pool').selectOption(await defaultPool.first().getAttribute('value'));
      // no first admin email: the registry's 202 carries the invitation link, shown this once
      await shot('03-create-form');
      await page.getByRole('button', { name: 'Create tenant' }).click();
      await page.getByRole('heading', { name: `Tenant ${key} created` }).waitFor();
      const link = await page.getByLabel('Invitation link', { exact: true }).inputValue();
      if (!new RegExp(`^https?://${key}\\.[^/]+/activate#[A-Za-z0-9_-]{22}$`).test(link)) throw new Error(`unexpected invitation link ${link}`);
    }))) return;

    const settled = await step(`tenant reaches ${expectStatus}`, async () => {
      await page.locator('.watch .badge', { hasText: new RegExp(`^${expectStatus}$`) }).waitFor({ timeout: SETTLE_MS });
      if (expectStatus === 'pending') {
        // nothing moves it on without a provisioner: it must still be pending a while later, not failed
        await page.waitForTimeout(2_000);
        const now = await page.locator('.watch .badge').textContent();
        if (now !== 'pending') throw new Error(`expected to stay pending, got ${now}`);
      }
      await shot('04-provisioning-watch');
    });
    if (!settled) return;

    let trafficSent = false;
    if (expectStatus === 'ready') {
      trafficSent = await step(`${TRAFFIC} requests and a failed sign-in through the app-gateway`, sendTenantTraffic);
    } else {
      skip('tenant traffic', `a ${expectStatus} tenant serves no requests`);
    }

    const row = page.locator(`tr[data-tenant="${key}"]`);
    await step('tenant table shows it, found by search', async () => {
      await page.getByRole('link', { name: 'Tenants' }).click();
      await page.getByLabel('Search').fill(key);
      await row.locator('.badge', { hasText: expectStatus }).waitFor();
      await shot('05-tenant-table');
    });

    await step('tenant table follows the live event stream without a reload', async () => {
      await page.getByText('Live updates on').waitFor();
      // another operator renames the tenant: the registry's SSE event must reach this open table
      await page.evaluate(async (tenantKey) => {
        const response = await fetch(`/api/gateway/tenants/${tenantKey}`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${sessionStorage.getItem('gateway.admin.token')}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ company_name: 'E2E Logistics (renamed)' }),
        });
        if (!response.ok) throw new Error(`PATCH answered ${response.status}`);
      }, key);
      await row.getByText('E2E Logistics (renamed)').waitFor();
    });

    await step('tenant detail: history, route, usage, change plan', async () => {
      await row.getByRole('link', { name: key }).click();
      await page.getByRole('heading', { name: 'Lifecycle history' }).waitFor();
      await page.locator('.timeline li').first().waitFor();
      await page.getByText(`tenant-${key}`).waitFor();
      await page.locator('section[aria-labelledby="usage-title"] [role=status]').first().waitFor({ state: 'detached' });
      await page.getByLabel('Change plan').selectOption('starter');
      await page.getByRole('button', { name: 'Save plan' }).click();
      await page.locator('dd', { hasText: /^starter/ }).waitFor();
      await shot('06-tenant-detail');
    });

    if (expectStatus === 'ready') {
      await step('suspend, and the status follows live', async () => {
        await page.getByRole('button', { name: 'Suspend' }).click();
        await waitForBadge('suspended');
        await shot('07-suspended');
      });
      await step('activate again', async () => {
        await page.getByRole('button', { name: 'Activate' }).click();
        await waitForBadge('ready');
      });
    } else {
      skip('suspend and activate', `a ${expectStatus} tenant cannot be suspended`);
    }

    await step('tenant usage panel: charts of its traffic and its activity feed', async () => {
      const panel = page.locator('section[aria-labelledby="usage-title"]');
      const requests = panel.getByRole('img', { name: /^Requests: / });
      const activity = panel.getByRole('table', { name: `Activity of ${key}` });
      await untilReloaded('the tenant\'s usage and activity', async () => {
        await panel.locator('.chart canvas').first().waitFor();
        if (!trafficSent) {
          await activity.or(panel.getByText('No activity in this range.')).waitFor();
          return true;
        }
        const counted = Number((await requests.getAttribute('aria-label')).match(/^Requests: ([\d,]+)/)[1].replace(/,/g, ''));
        if (counted < TRAFFIC) return false;
        await activity.getByRole('row').filter({ hasText: intruder }).filter({ hasText: 'Failed sign-in' }).waitFor({ timeout: 3_000 });
        return true;
      });
      if ((await panel.locator('.chart canvas').count()) < 5) throw new Error('expected five charts');
      await shot('15-tenant-usage');
    });

    await step('tenants table: a sparkline of the tenant\'s requests', async () => {
      await page.getByRole('link', { name: 'Tenants', exact: true }).click();
      await page.getByLabel('Search').fill(key);
      const sparkline = row.getByRole('img', { name: /requests in the last 24 hours$/ });
      if (trafficSent) {
        await untilReloaded('the sparkline', async () => {
          await page.getByLabel('Search').fill(key);
          const label = await sparkline.getAttribute('aria-label', { timeout: 5_000 });
          return Number(label.split(' ')[0].replace(/,/g, '')) >= TRAFFIC;
        });
      } else {
        await row.waitFor();
      }
      await shot('16-tenants-sparklines');
    });

    await step('usage page: fleet charts and the top tenants, exported as CSV', async () => {
      await page.getByRole('link', { name: 'Usage', exact: true }).click();
      await page.getByRole('heading', { name: 'Usage', level: 1 }).waitFor();
      await page.locator('.chart canvas').nth(4).waitFor();
      await page.getByLabel('Rows').selectOption('100');
      const top = page.getByRole('table', { name: 'Top tenants by requests' });
      if (trafficSent) {
        await top.locator(`tr[data-tenant="${key}"]`).waitFor();
      } else {
        await top.or(page.getByText('No tenant used anything in this range.')).waitFor();
      }
      await shot('17-usage');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV', exact: true }).click(),
      ]);
      if (!/^top-tenants-requests-.*\.csv$/.test(download.suggestedFilename())) throw new Error(`file ${download.suggestedFilename()}`);
      const csv = readFileSync(await download.path(), 'utf8');
      if (!/^\S*tenant/.test(csv)) throw new Error(`not the top tenants CSV: ${csv.slice(0, 80)}`);
      if (trafficSent && !csv.split('\n').some((line) => line.startsWith(`${key},`) || line.startsWith(`"${key}",`))) {
        throw new Error(`${key} not in the exported CSV`);
      }
      if (trafficSent) {
        await top.getByRole('link', { name: key, exact: true }).click();
      } else {
        await page.goto(`${baseUrl}/tenants/${key}`);
      }
      await page.getByRole('heading', { name: new RegExp(`^${key}`) }).waitFor();
    });

    await step('delete only after typing the key', async () => {
      await page.getByRole('button', { name: 'Delete…' }).click();
      const confirm = page.getByRole('button', { name: 'Delete tenant' });
      if (!(await confirm.isDisabled())) throw new Error('delete enabled before the key was typed');
      await page.getByLabel(/to confirm/).fill(key);
      await shot('08-delete-confirm');
      await confirm.click();
      if (expectStatus === 'ready') {
        await page.locator('h1 .badge', { hasText: /^(deleting|deleted)$/ }).waitFor();
      } else {
        // the state machine refuses deleting a pending tenant: the UI must say so readably
        await page.getByRole('alert').filter({ hasText: /transition|409|Conflict/i }).waitFor();
      }
      await shot('09-after-delete');
    });

    if (expectStatus === 'ready') {
      await step('tenant ends deleted', async () => waitForBadge('deleted', SETTLE_MS));
    }

    await step('pools, plans, migrations and signups pages render', async () => {
      for (const [link, heading, file] of [['Pools', 'Pools', '10-pools'], ['Plans', 'Plans', '11-plans'],
        ['Migrations', 'Migrations', '12-migrations'], [/^Signups/, 'Signups', '14-signups']]) {
        await page.getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
        await page.locator('[role=status]:has-text("Loading")').waitFor({ state: 'detached' });
        await shot(file);
      }
    });

    await step('dark theme follows the OS setting', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (background === 'rgb(246, 247, 249)') throw new Error('body kept the light background in dark mode');
      await page.getByRole('link', { name: 'Tenants', exact: true }).click();
      await page.getByRole('heading', { name: 'Tenants' }).waitFor();
      await shot('13-tenants-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    });

    await step('no CSP violation or page error', async () => {
      if (problems.length) throw new Error(problems.join(' | '));
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const deadline = setTimeout(() => {
  console.log('FAIL  e2e exceeded 180 s');
  console.log(`${results.passed} passed, ${results.failed + 1} failed`);
  process.exit(1);
}, 180_000);

try {
  await main();
} catch (error) {
  results.failed++;
  console.log(`  FAIL  ${error?.message ?? error}`);
}
clearTimeout(deadline);
console.log(`screenshots: ${shots}`);
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
