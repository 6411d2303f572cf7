import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@gateway/web-base/test/fakeFetch';
import type { Settings } from '../api/types';
import { meAs, renderWorkspace, workspaceBackend } from '../test/workspace';
import { changesOf, draftOf, parseDomains } from './settingsForm';

const STORED: Settings = {
  signup_policy: 'approval',
  allowed_email_domains: ['acme.test'],
  company_profile: { website: 'https://acme.test', display_name: 'ACME' },
  theme: 'dark',
};

describe('settings', () => {
  it('shows a member the settings without a way to change them', async () => {
    const calls = workspaceBackend(meAs('member'), (call) => (call.url === '/api/settings' ? json(200, STORED) : undefined));
    renderWorkspace('/settings', meAs('member'));

    expect(await screen.findByText('Only admins can change these settings.')).toBeInTheDocument();
    expect(screen.getByText('acme.test')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('saves the policy, the domains and the profile as the form shows them', async () => {
    const calls = workspaceBackend(meAs('admin'), (call) => {
      if (call.url === '/api/settings' && call.method === 'GET') return json(200, STORED);
      if (call.url === '/api/settings' && call.method === 'PUT') return json(200, { ...STORED, ...(call.body as Settings) });
      return undefined;
    });
    renderWorkspace('/settings', meAs('admin'));
    const user = userEvent.setup();

    await user.click(await screen.findByRole('radio', { name: /Closed/ }));
    await user.clear(screen.getByLabelText('Allowed email domains'));
    await user.type(screen.getByLabelText('Allowed email domains'), 'Acme.test, @acme.de');
    await user.type(screen.getByLabelText('About the company'), 'Freight forwarding');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      signup_policy: 'closed',
      allowed_email_domains: ['acme.test', 'acme.de'],
      company_profile: { display_name: 'ACME', website: 'https://acme.test', description: 'Freight forwarding' },
    });
  });

  it('shows the server refusing a domain next to the domains field', async () => {
    workspaceBackend(meAs('admin'), (call) => {
      if (call.method === 'GET' && call.url === '/api/settings') return json(200, STORED);
      if (call.method === 'PUT') {
        return problem(400, 'validation', 'Invalid request', undefined, { errors: [{ field: 'allowed_email_domains[0]', message: "'acme' is not a domain" }] });
      }
      return undefined;
    });
    renderWorkspace('/settings', meAs('admin'));
    const user = userEvent.setup();
    const domains = await screen.findByLabelText('Allowed email domains');

    await user.clear(domains);
    await user.type(domains, 'acme');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(domains).toHaveAccessibleDescription("'acme' is not a domain"));
    expect(domains).toHaveFocus();
  });

  it('reads domains the way people type them', () => {
    expect(parseDomains(' a.test,b.test;  @C.test\nd.test ')).toEqual(['a.test', 'b.test', 'c.test', 'd.test']);
    expect(parseDomains('')).toEqual([]);
    expect(changesOf(draftOf({}))).toEqual({ signup_policy: 'approval', allowed_email_domains: [], company_profile: {} });
  });
});
