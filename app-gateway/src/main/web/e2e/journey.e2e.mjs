// Browser end-to-end test of self-service onboarding (issue 14, steps 1-7) against a running platform
// (bin/gateway up): landing and plans, a company's sign-up with the live key check, an operator approving
// it in the admin UI, the first admin activating from the mailed link, the workspace (projects, board,
// people, settings, plan), people asking to join, and /login on the base domain; plus the refusals:
// reused and expired links, another email domain, a closed workspace, a full plan, a member calling
// admin endpoints. Mails are read from MailDev's REST API. Debian's Chromium through playwright-core;
// a screenshot of every page in app-gateway/target/e2e/. Settings: see support.mjs and the README.
import { chromium } from 'playwright-core';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEP_MS, expireInvitation, linkIn, mailbox, operatorApi, settings, tenantCall, until } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(here, '../../../../target/e2e');
const config = settings(resolve(here, '../../../../..'));
const mail = mailbox(config.maildev);
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const key = `e2e-${run}`;
const company = `E2E Freight ${run}`;
const domain = `${key}.test`;
const people = {
  ada: `ada@${domain}`, // the first admin
  bob: `bob@${domain}`, // invited member
  eve: `eve@${domain}`, // invited, link expires
  cy: `cy@${domain}`, // asks to join, approved
  dee: `dee@${domain}`, // asks to join, plan full
  fred: `fred@${domain}`, // joins the open workspace
  mallory: `mallory@elsewhere-${run}.test`, // wrong domain
  rita: `rita@${key}-r.test`, // a signup the operator rejects
  nobody: `nobody-${run}@nowhere.test`, // belongs to no workspace
};
const PASSWORD = 'e2e correct horse';
const ACTIVATE_LINK = /https?:\/\/[^\s"'<>]+\/activate#[A-Za-z0-9_-]+/;
const SETTLE_MS = 90_000;
const DEADLINE_MS = 420_000;

const results = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
let shotPage;

/** One check; on failure a screenshot of the page it was using (shotPage). */
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
    await shotPage?.screenshot({ path: join(shots, `fail-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`), fullPage: true }).catch(() => undefined);
    return false;
  }
}

function skip(name, why) {
  results.skipped++;
  console.log(`  skip  ${name}: ${why}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** A browser tab of its own (own sessionStorage) for one person, watched for CSP violations and errors. */
async function personPage(browser, who) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`${who}: ${m.text()}`);
  });
  shotPage = page;
  return page;
}

const workspaceToken = (page) => page.evaluate(() => sessionStorage.getItem('gateway.workspace.token'));

async function expectAlert(page, text) {
  await page.getByRole('alert').filter({ hasText: text }).waitFor();
}

async function activate(page, link, name) {
  await page.goto(link);
  await page.getByLabel('Password', { exact: true }).waitFor();
  if (name) await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Activate and sign in' }).click();
}

async function signIn(page, email) {
  await page.goto(`${config.workspace(key)}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function askToJoin(page, name, email) {
  await page.goto(`${config.site}/signup/${key}`);
  await page.getByRole('heading', { name: `Join ${company}` }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: /^(Ask to join|Join)$/ }).click();
}

async function saveSettings(page, change) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Save settings' }).waitFor();
  await change();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
}

async function preflight() {
  const up = async (url) => (await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => null))?.ok;
  if (!(await up(`${config.site}/health`))) throw new Error(`the app-gateway is not reachable at ${config.site}/health: bin/gateway up`);
  if (!(await up(`${config.admin}/health`))) throw new Error(`the admin UI is not reachable at ${config.admin}/health`);
  if (!(await mail.reachable().catch(() => false))) throw new Error(`MailDev's API is not reachable at ${config.maildev}/email`);
}

async function main() {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  await preflight();
  const operator = await operatorApi(config);
  await operator.ensureSelfServicePlan();
  const plans = (await (await fetch(`${config.site}/api/platform/plans`)).json()).items;
  const plan = plans.find((p) => !p.self_service);
  if (!plan) throw new Error('the registry offers no plan that needs approval');
  const planLabel = plan.key.charAt(0).toUpperCase() + plan.key.slice(1);
  console.log(`onboarding journey e2e: ${config.site}, workspace ${key}, plan ${plan.key}`);

  const browser = await chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic',
      '--no-first-run', '--disable-sync'],
  });
  try {
    const visitor = await personPage(browser, 'visitor');

    // 1. the landing page and the plans with their real limits
    if (!(await step('landing page shows the product and the registry plans, with the security headers', async () => {
      const response = await visitor.goto(`${config.site}/`);
      if (!(response.headers()['content-security-policy'] ?? '').includes("default-src 'self'")) throw new Error('no CSP on the landing page');
      await visitor.getByRole('heading', { name: /Projects and tasks for your team/ }).waitFor();
      for (const p of plans) {
        const card = visitor.locator('article.plan', { has: visitor.getByRole('heading', { name: new RegExp(`^${p.key}$`, 'i') }) });
        await card.getByText(`up to ${p.max_users}`, { exact: true }).waitFor();
        await card.getByText(`${p.rate_per_second} requests/s, bursts of ${p.burst}`).waitFor();
      }
      await shot(visitor, '01-landing');
    }))) return;

    // 2. a company signs up; the key is checked while typing
    if (!(await step('sign-up checks the key live and the company lands awaiting approval', async () => {
      await visitor.getByRole('link', { name: 'Sign up your company' }).click();
      const keyField = visitor.getByLabel('Workspace key');
      await keyField.fill('Bad_Key');
      await visitor.locator('#key-status.field-error').waitFor();
      await keyField.fill('admin');
      await visitor.locator('#key-status', { hasText: /reserved/i }).waitFor();
      await shot(visitor, '02-signup-key-reserved');
      await keyField.fill(key);
      await visitor.locator('#key-status', { hasText: `${key} is available` }).waitFor();
      await visitor.getByLabel('Company name').fill(company);
      await visitor.getByLabel('Your work email').fill(people.ada);
      await visitor.getByRole('radio', { name: new RegExp(`^${planLabel}\\b`) }).check();
      await shot(visitor, '03-signup-form');
      await visitor.getByRole('button', { name: 'Sign up' }).click();
      await visitor.getByRole('heading', { name: 'Received, awaiting approval' }).waitFor();
      await shot(visitor, '04-signup-received');
    }))) return;

    await step('"signup received" reaches the requester', () => mail.waitFor(people.ada, new RegExp(key)));
    if (config.operators.length) {
      await step('"signup awaiting approval" reaches the operators', () =>
        mail.waitFor(config.operators[0], new RegExp(`${key}[\\s\\S]*${people.ada}|${people.ada}[\\s\\S]*${key}`)));
    } else skip('"signup awaiting approval" reaches the operators', 'GATEWAY_OPERATOR_EMAILS names no operator');

    await step('a second company signs up (to be rejected)', async () => {
      const response = await fetch(`${config.site}/api/platform/signups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ company_name: `Rejected ${run}`, key: `${key}-r`, admin_email: people.rita, plan: plan.key }),
      });
      if (response.status !== 202) throw new Error(`signup answered ${response.status}`);
    });

    // 3. an operator approves in the admin UI
    const operatorPage = await personPage(browser, 'operator');
    if (!(await step('an operator approves one signup and rejects the other with a reason', async () => {
      await operatorPage.goto(`${config.admin}/signups`);
      await operatorPage.getByLabel('User name').fill(config.adminUser);
      await operatorPage.getByLabel('Password').fill(config.adminPassword);
      await operatorPage.getByRole('button', { name: 'Sign in' }).click();
      await operatorPage.getByRole('link', { name: /^Signups \d+ pending$/ }).waitFor();
      await operatorPage.getByRole('button', { name: `Approve ${key}`, exact: true }).waitFor();
      await shot(operatorPage, '05-admin-signups');
      await operatorPage.getByRole('button', { name: `Approve ${key}`, exact: true }).click();
      await operatorPage.getByRole('link', { name: key, exact: true }).waitFor();
      await operatorPage.getByRole('button', { name: `Reject ${key}-r…` }).click();
      await operatorPage.getByLabel(`Reason for rejecting ${key}-r`).fill('E2E: we only onboard freight companies');
      await operatorPage.getByRole('button', { name: 'Reject signup' }).click();
      await operatorPage.getByText('Reason: E2E: we only onboard freight companies').waitFor();
      await shot(operatorPage, '06-admin-signups-decided');
    }))) return;

    await step('the rejected company is emailed the reason', () => mail.waitFor(people.rita, /we only onboard freight companies/));

    let adaLink;
    if (!(await step('the approval mail carries the invitation link and the tenant becomes ready', async () => {
      adaLink = linkIn(await mail.waitFor(people.ada, ACTIVATE_LINK), ACTIVATE_LINK);
      if (!adaLink.startsWith(`${config.workspace(key)}/activate#`)) throw new Error(`link to another place: ${adaLink}`);
      await until(`tenant ${key} ready`, async () => ((await operator.tenant(key)).status === 'ready' ? true : null), SETTLE_MS, 1_000);
    }))) return;

    // 4. the first admin activates
    const ada = await personPage(browser, 'ada');
    const token = adaLink.split('#')[1];
    const requested = [];
    ada.on('request', (r) => requested.push(r.url()));
    if (!(await step('the first admin sets a password from the link and is signed in', async () => {
      await activate(ada, adaLink, 'Ada Admin');
      await ada.getByRole('heading', { name: 'Projects' }).waitFor();
      if (new URL(ada.url()).hash) throw new Error('the token stayed in the address bar');
      const leaked = requested.filter((u) => u.includes(token));
      if (leaked.length) throw new Error(`the token was sent in a URL: ${leaked[0]}`);
      const stored = await ada.evaluate(() => ({ token: !!sessionStorage.getItem('gateway.workspace.token'), cookie: document.cookie }));
      if (!stored.token || stored.cookie) throw new Error(`token must be in sessionStorage only: ${JSON.stringify(stored)}`);
      await shot(ada, '07-projects-empty');
    }))) return;

    await step('refused: the same link a second time', async () => {
      const again = await personPage(browser, 'ada-again');
      await activate(again, adaLink);
      await expectAlert(again, 'This link is not valid any more');
      await shot(again, '08-activate-reused');
    });

    // 5. the workspace
    shotPage = ada;
    await step('projects: create, rename, delete', async () => {
      for (const name of ['Warehouse move', 'Scratch']) {
        await ada.getByLabel('Name', { exact: true }).fill(name);
        await ada.getByRole('button', { name: 'Create project' }).click();
        await ada.getByRole('link', { name, exact: true }).waitFor();
      }
      await ada.getByRole('button', { name: 'Rename Scratch' }).click();
      await ada.getByLabel('New name for Scratch').fill('Scratch renamed');
      await ada.getByRole('button', { name: 'Save' }).click();
      await ada.getByRole('link', { name: 'Scratch renamed', exact: true }).waitFor();
      await ada.getByRole('button', { name: 'Delete Scratch renamed' }).click();
      await shot(ada, '09-project-delete-confirm');
      await ada.getByRole('button', { name: 'Delete project' }).click();
      await ada.getByRole('link', { name: 'Scratch renamed', exact: true }).waitFor({ state: 'detached' });
      await shot(ada, '10-projects');
    });

    await step('board: add tasks, assign, move through doing to done', async () => {
      await ada.getByRole('link', { name: 'Warehouse move', exact: true }).click();
      await ada.getByRole('heading', { name: 'Warehouse move' }).waitFor();
      for (const title of ['Pack boxes', 'Book truck']) {
        await ada.getByLabel('New task').fill(title);
        await ada.getByRole('button', { name: 'Add task' }).click();
        await ada.getByRole('region', { name: /To do/ }).getByText(title, { exact: true }).waitFor();
      }
      await ada.getByLabel('Assignee of Pack boxes').selectOption({ index: 1 });
      await ada.getByRole('button', { name: 'Start Pack boxes' }).click();
      await ada.getByRole('region', { name: /Doing/ }).getByText('Pack boxes', { exact: true }).waitFor();
      await ada.getByRole('button', { name: 'Complete Book truck' }).click();
      await ada.getByRole('region', { name: /Done/ }).getByText('Book truck', { exact: true }).waitFor();
      if ((await ada.getByLabel('Assignee of Pack boxes').inputValue()) === '') throw new Error('the assignment did not stay');
      await shot(ada, '11-board');
    });

    await step('settings: approval policy, allowed domain, company profile', async () => {
      await saveSettings(ada, async () => {
        await ada.getByRole('radio', { name: /^Approval/ }).check();
        await ada.getByLabel('Allowed email domains').fill(domain);
        await ada.getByLabel('Website').fill(`https://${domain}`);
        await ada.getByLabel('About the company').fill('Freight forwarding, tested end to end.');
      });
      await shot(ada, '12-settings');
    });

    let bobLink;
    await step('people: invite a member, who gets the invitation mail', async () => {
      shotPage = ada;
      await ada.getByRole('link', { name: 'People' }).click();
      await ada.getByLabel('Email', { exact: true }).fill(people.bob);
      await ada.getByRole('button', { name: 'Send invitation' }).click();
      await ada.getByRole('status').filter({ hasText: `Invitation sent to ${people.bob}` }).waitFor();
      await shot(ada, '13-people');
      bobLink = linkIn(await mail.waitFor(people.bob, ACTIVATE_LINK), ACTIVATE_LINK);
    });

    await step('plan: limits and users', async () => {
      shotPage = ada;
      await ada.getByRole('link', { name: 'Plan' }).click();
      // Ada is active and Bob invited: both take a seat
      await ada.getByText(/^2 of \d+ users$/).waitFor();
      await shot(ada, '14-plan');
    });

    const bob = await personPage(browser, 'bob');
    let bobToken;
    if (bobLink) {
      await step('the invited member activates and sees no admin action', async () => {
        await activate(bob, bobLink, 'Bob Member');
        await bob.getByRole('heading', { name: 'Projects' }).waitFor();
        await bob.getByRole('link', { name: 'People' }).click();
        await bob.getByRole('table').getByText(people.ada).waitFor();
        for (const hidden of [bob.getByRole('heading', { name: 'Invite someone' }), bob.getByRole('heading', { name: /Join requests/ }),
          bob.getByRole('combobox'), bob.getByRole('button', { name: /Remove/ })]) {
          if (await hidden.count()) throw new Error('a member sees an admin action on People');
        }
        await shot(bob, '15-member-people');
        await bob.getByRole('link', { name: 'Settings' }).click();
        await bob.getByText('Only admins can change these settings.').waitFor();
        if (await bob.getByRole('button', { name: 'Save settings' }).count()) throw new Error('a member can save settings');
        await shot(bob, '16-member-settings');
        bobToken = await workspaceToken(bob);
      });
    } else skip('the invited member activates', 'no invitation mail');

    if (bobToken) {
      await step('refused: a member calling admin endpoints gets 403 problems', async () => {
        const adaId = (await tenantCall(config, key, 'GET', '/api/me', { token: await workspaceToken(ada) })).body.user.id;
        const attempts = [
          ['POST', '/api/users/invitations', { email: `x@${domain}`, role: 'admin' }],
          ['PUT', '/api/settings', { signup_policy: 'open' }],
          ['PATCH', `/api/users/${adaId}`, { role: 'member' }],
          ['POST', `/api/users/${adaId}/approve`, undefined],
          ['DELETE', `/api/users/${adaId}`, undefined],
        ];
        for (const [method, path, body] of attempts) {
          const answer = await tenantCall(config, key, method, path, { token: bobToken, body });
          if (answer.status !== 403 || !answer.type.includes('problem+json')) throw new Error(`${method} ${path} answered ${answer.status} ${answer.type}`);
        }
        // six calls at once spent most of the free plan's burst of 10 (5 a second): let it refill before the next
        // step's page loads, or they meet a 429 that no user clicking through would
        await new Promise((r) => setTimeout(r, 2000));
      });
    } else skip('a member calling admin endpoints', 'no member signed in');

    await step('refused: an expired invitation link', async () => {
      shotPage = ada;
      await ada.getByRole('link', { name: 'People' }).click();
      await ada.getByLabel('Email', { exact: true }).fill(people.eve);
      await ada.getByRole('button', { name: 'Send invitation' }).click();
      await ada.getByRole('status').filter({ hasText: `Invitation sent to ${people.eve}` }).waitFor();
      const link = linkIn(await mail.waitFor(people.eve, ACTIVATE_LINK), ACTIVATE_LINK);
      expireInvitation(config, await operator.tenant(key), people.eve);
      const eve = await personPage(browser, 'eve');
      await activate(eve, link);
      await expectAlert(eve, 'This invitation has expired');
      await shot(eve, '17-activate-expired');
    });

    // 6. people ask to join
    const cy = await personPage(browser, 'cy');
    if (!(await step('someone asks to join from the base domain and awaits approval', async () => {
      await askToJoin(cy, 'Cy Joiner', people.cy);
      await cy.getByRole('heading', { name: 'Request received, awaiting approval' }).waitFor();
      await shot(cy, '18-join-pending');
      await mail.waitFor(people.ada, new RegExp(people.cy.replace(/[.]/g, '\\.')));
    }))) return;

    await step('a pending member signing in is told it awaits approval', async () => {
      await signIn(cy, people.cy);
      await expectAlert(cy, "is waiting for an admin's approval");
      await shot(cy, '19-login-pending');
    });

    await step('refused: an address outside the allowed domains', async () => {
      const mallory = await personPage(browser, 'mallory');
      await askToJoin(mallory, 'Mallory', people.mallory);
      await mallory.locator('#email[aria-invalid="true"]').waitFor();
      await shot(mallory, '20-join-wrong-domain');
    });

    await step('another request waits too', async () => {
      const dee = await personPage(browser, 'dee');
      await askToJoin(dee, 'Dee Late', people.dee);
      await dee.getByRole('heading', { name: 'Request received, awaiting approval' }).waitFor();
    });

    const adaToken = await workspaceToken(ada);
    const limitIs = (n) => until(`max_users ${n} in the directory`, async () => {
      const me = await tenantCall(config, key, 'GET', '/api/me', { token: adaToken });
      return me.body?.limits?.max_users === n ? true : null;
    }, 30_000);
    // active and invited users take a seat of max_users
    const seatsTaken = async () => (await tenantCall(config, key, 'GET', '/api/users?limit=100', { token: adaToken }))
      .body.items.filter((u) => u.status === 'active' || u.status === 'invited').length;

    await step('the admin approves a request; the new member is emailed and signs in', async () => {
      shotPage = ada;
      const room = (await seatsTaken()) + 1;
      await operator.setMaxUsers(key, room);
      await limitIs(room);
      await ada.getByRole('link', { name: 'People' }).click();
      await ada.getByRole('heading', { name: 'Join requests (2)' }).waitFor();
      await shot(ada, '21-people-requests');
      const before = await mail.seen(people.cy);
      await ada.getByRole('button', { name: `Approve ${people.cy}` }).click();
      await ada.getByRole('heading', { name: 'Join requests (1)' }).waitFor();
      await mail.waitFor(people.cy, /\/login/, before);
      await signIn(cy, people.cy);
      await cy.getByRole('heading', { name: 'Projects' }).waitFor();
    });

    await step('refused: approving past the plan\'s user limit, with a clear message', async () => {
      shotPage = ada;
      await ada.getByRole('button', { name: `Approve ${people.dee}` }).click();
      await ada.getByRole('alert').filter({ hasText: /limit/i }).waitFor();
      await shot(ada, '22-people-plan-full');
    });

    await step('open policy: refused while the plan is full, admitted at once within it', async () => {
      shotPage = ada;
      await saveSettings(ada, () => ada.getByRole('radio', { name: /^Open/ }).check());
      const fred = await personPage(browser, 'fred');
      await askToJoin(fred, 'Fred Open', people.fred);
      await expectAlert(fred, /limit/i);
      await shot(fred, '23-join-open-full');
      const room = (await seatsTaken()) + 1;
      await operator.setMaxUsers(key, room);
      await limitIs(room);
      await fred.getByRole('button', { name: 'Join' }).click();
      await fred.getByRole('heading', { name: `Welcome to ${company}` }).waitFor();
      await shot(fred, '24-join-open-welcome');
    });

    await step('refused: joining a closed workspace', async () => {
      shotPage = ada;
      await saveSettings(ada, () => ada.getByRole('radio', { name: /^Closed/ }).check());
      const late = await personPage(browser, 'late');
      await late.goto(`${config.site}/signup/${key}`);
      await late.getByText(`${company} does not take sign-ups`).waitFor();
      await shot(late, '25-join-closed');
      const answer = await tenantCall(config, key, 'POST', '/api/signups', { body: { name: 'Late', email: `late@${domain}`, password: PASSWORD } });
      if (answer.status !== 403 || answer.body?.type?.endsWith('/signup-closed') !== true) throw new Error(`POST /api/signups answered ${answer.status}`);
    });

    // 7. /login on the base domain
    await step('/login: a workspace key leads to its sign-in page', async () => {
      await visitor.goto(`${config.site}/login`);
      await shot(visitor, '26-find-workspace');
      await visitor.getByLabel('Workspace key').fill(key);
      await visitor.getByRole('button', { name: 'Continue' }).click();
      await visitor.waitForURL(`${config.workspace(key)}/login`);
      await visitor.getByRole('heading', { name: `Sign in to ${company}` }).waitFor();
      await shot(visitor, '27-workspace-sign-in');
    });

    await step('/login: an email gets its workspaces by mail (a first admin\'s and a member\'s), an unknown one learns nothing more', async () => {
      const before = await mail.seen(people.ada);
      const memberBefore = await mail.seen(people.cy);
      for (const address of [people.ada, people.cy, people.nobody]) {
        await visitor.goto(`${config.site}/login`);
        await visitor.getByLabel('Your email').fill(address);
        await visitor.getByRole('button', { name: 'Email me my workspaces' }).click();
        await visitor.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      }
      await shot(visitor, '28-find-workspace-mailed');
      // the workspace-list mail has one "key — url" line per workspace
      const listed = new RegExp(`${key} — ${config.workspace(key).replace(/[.]/g, '\\.')}`);
      await mail.waitFor(people.ada, listed, before);
      await mail.waitFor(people.cy, listed, memberBefore);
      const other = await mail.waitFor(people.nobody, /./);
      if (other.body.includes(key)) throw new Error('the mail to an unknown address names the workspace');
    });

    await step('a self-service plan goes straight on', async () => {
      const selfService = plans.find((p) => p.self_service);
      if (!selfService) throw new Error('the registry lists no self-service plan although one was ensured');
      const owner = `owner@${key}-s.test`;
      await visitor.goto(`${config.site}/signup?plan=${selfService.key}`);
      await visitor.getByLabel('Company name').fill(`Self ${run}`);
      await visitor.getByLabel('Workspace key').fill(`${key}-s`);
      await visitor.locator('#key-status', { hasText: 'is available' }).waitFor();
      await visitor.getByLabel('Your work email').fill(owner);
      await visitor.getByRole('button', { name: 'Sign up' }).click();
      await visitor.getByRole('heading', { name: 'Approved: check your inbox' }).waitFor();
      await shot(visitor, '29-signup-self-service');
      await mail.waitFor(owner, ACTIVATE_LINK);
    });

    await step('no CSP violation or page error', async () => {
      if (problems.length) throw new Error(problems.join(' | '));
    });
  } finally {
    await browser.close();
  }
}

const deadline = setTimeout(() => {
  console.log(`FAIL  e2e exceeded ${DEADLINE_MS / 1000} s`);
  console.log(`${results.passed} passed, ${results.failed + 1} failed, ${results.skipped} skipped`);
  process.exit(1);
}, DEADLINE_MS);

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
