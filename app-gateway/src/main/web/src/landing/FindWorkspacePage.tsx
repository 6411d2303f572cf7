import { useState } from 'react';
import { ErrorMessage, Outcome, TextField, useFormErrors } from '../common/forms';
import { workspaceUrl } from '../common/links';
import { platformApi } from './platformApi';

const KEY_FIELDS = ['workspace'] as const;
const EMAIL_FIELDS = ['email'] as const;

/** Sign-in on the base domain: go to a workspace by its key, or have the workspaces of an address mailed to it. */
export function FindWorkspacePage({ go = (url: string) => window.location.assign(url) }: { go?: (url: string) => void }) {
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [keyProblem, setKeyProblem] = useState<string | undefined>();
  const byKey = useFormErrors(KEY_FIELDS);
  const byEmail = useFormErrors(EMAIL_FIELDS);

  async function goToWorkspace(e: React.FormEvent) {
    e.preventDefault();
    const wanted = key.trim().toLowerCase();
    byKey.clear();
    setKeyProblem(undefined);
    if (!wanted) {
      setKeyProblem('Enter your workspace key.');
      return;
    }
    setBusy(true);
    try {
      const answer = await platformApi.checkKey(wanted);
      if (!answer.available && answer.reason === 'taken') {
        go(`${workspaceUrl(wanted)}/login`);
        return;
      }
      setKeyProblem(
        !answer.available && answer.reason === 'invalid'
          ? answer.detail
          : `There is no workspace called ${wanted}. Check the spelling, or find yours by email below.`,
      );
      document.getElementById('workspace')?.focus();
    } catch (err) {
      byKey.capture(err);
    } finally {
      setBusy(false);
    }
  }

  async function mailWorkspaces(e: React.FormEvent) {
    e.preventDefault();
    byEmail.clear();
    setBusy(true);
    try {
      await platformApi.lookUpWorkspaces(email.trim());
      setMailedTo(email.trim());
    } catch (err) {
      byEmail.capture(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main">
      <h1>Sign in</h1>
      <section className="card" aria-labelledby="by-key">
        <h2 id="by-key">Go to your workspace</h2>
        <form className="stacked" onSubmit={goToWorkspace} aria-busy={busy} noValidate>
          <TextField
            id="workspace"
            label="Workspace key"
            value={key}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={keyProblem ?? byKey.fieldErrors.workspace}
            hint={`The first part of your workspace's address: ${workspaceUrl('acme')} has the key acme.`}
            onChange={(e) => setKey(e.target.value)}
          />
          <ErrorMessage error={byKey.formError} />
          <button type="submit" className="primary" disabled={busy}>
            Continue
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="by-email">
        <h2 id="by-email">Forgot your workspace?</h2>
        {mailedTo ? (
          <Outcome title="Check your inbox">
            <p>
              If <strong>{mailedTo}</strong> belongs to any workspace, we sent it a list of them with their sign-in links.
            </p>
          </Outcome>
        ) : (
          <form className="stacked" onSubmit={mailWorkspaces} aria-busy={busy} noValidate>
            <TextField
              id="email"
              label="Your email"
              type="email"
              value={email}
              autoComplete="email"
              error={byEmail.fieldErrors.email}
              hint="We email this address the workspaces it belongs to."
              onChange={(e) => setEmail(e.target.value)}
            />
            <ErrorMessage error={byEmail.formError} />
            <button type="submit" disabled={busy}>
              Email me my workspaces
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
