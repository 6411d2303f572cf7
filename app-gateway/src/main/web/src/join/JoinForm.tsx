import { useState } from 'react';
import type { WorkspaceApi } from '../api/workspace';
import type { WorkspaceInfo } from '../api/types';
import { ErrorMessage, Outcome, TextField, useFormErrors } from '../common/forms';

const FIELDS = ['name', 'email', 'password'] as const;
const FIELD_OF_PROBLEM = { 'email-taken': 'email', 'email-domain-not-allowed': 'email' };

/** Asking to join a workspace, on its own host or from the base domain's /signup/<key>. */
export function JoinForm({ api, workspace, signInUrl }: { api: WorkspaceApi; workspace: WorkspaceInfo; signInUrl: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'pending' | 'active' | null>(null);
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS, FIELD_OF_PROBLEM);
  const company = workspace.company_name;

  if (workspace.signup_policy === 'closed') {
    return (
      <div className="notice" role="note">
        <p>
          {company} does not take sign-ups. Ask one of its admins to invite you; the invitation comes by email.
        </p>
        <p>
          <a href={signInUrl}>Already a member? Sign in</a>
        </p>
      </div>
    );
  }

  if (outcome === 'active') {
    return (
      <Outcome title={`Welcome to ${company}`}>
        <p>Your account is ready.</p>
        <p>
          <a className="button primary" href={signInUrl}>
            Sign in
          </a>
        </p>
      </Outcome>
    );
  }
  if (outcome === 'pending') {
    return (
      <Outcome title="Request received, awaiting approval">
        <p>
          The admins of {company} have been told. You will get an email at <strong>{email}</strong> once they decide; until then
          you cannot sign in.
        </p>
      </Outcome>
    );
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      const answer = await api.join({ name: name.trim(), email: email.trim(), password });
      setOutcome(answer.status === 'active' ? 'active' : 'pending');
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stacked" onSubmit={submit} aria-busy={busy} noValidate>
      <p className="muted">
        {workspace.signup_policy === 'open'
          ? `Anyone may join ${company}: you can sign in as soon as you have signed up.`
          : `An admin of ${company} approves every request; you will get an email when they have.`}
      </p>
      <TextField id="name" label="Your name" value={name} required autoComplete="name" error={fieldErrors.name} onChange={(e) => setName(e.target.value)} />
      <TextField
        id="email"
        label="Work email"
        type="email"
        value={email}
        required
        autoComplete="email"
        error={fieldErrors.email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        value={password}
        required
        autoComplete="new-password"
        error={fieldErrors.password}
        hint="At least 8 characters."
        onChange={(e) => setPassword(e.target.value)}
      />
      <ErrorMessage error={formError} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Sending…' : workspace.signup_policy === 'open' ? 'Join' : 'Ask to join'}
      </button>
    </form>
  );
}
