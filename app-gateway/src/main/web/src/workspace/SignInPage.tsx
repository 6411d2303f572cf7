import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '@gateway/web-base/problem';
import { ErrorMessage, TextField, useFormErrors } from '../common/forms';
import { useWorkspaceInfo } from '../join/workspaceInfo';
import { PublicPage } from './PublicPage';
import { useSession } from './session';

const FIELDS = ['email', 'password'] as const;

/** Why a correct password still does not let someone in, in words for that person. */
function refusal(error: unknown, company: string): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.problem === 'account-pending') {
    return new Error(`Your request to join ${company} is waiting for an admin's approval. You will get an email once it is decided.`);
  }
  if (error.problem === 'account-disabled') return new Error(`This account cannot sign in to ${company} any more. Ask one of its admins.`);
  if (error.status === 401) return new Error('Wrong email or password.');
  return error;
}

export function SignInPage() {
  const { api, signIn, signedOutReason } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const info = useWorkspaceInfo(api);
  const company = info.state === 'found' ? info.info.company_name : 'this workspace';
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      signIn((await api.signIn(email.trim(), password)).access_token);
    } catch (err) {
      capture(refusal(err, company));
      setBusy(false);
    }
  }

  return (
    <PublicPage info={info} title={(name) => `Sign in to ${name}`}>
      {(workspace) => (
          <>
            {signedOutReason && <p role="status">{signedOutReason}</p>}
            <form className="stacked" onSubmit={submit} aria-busy={busy} noValidate>
              <TextField
                id="email"
                label="Email"
                type="email"
                value={email}
                required
                autoFocus
                autoComplete="username"
                error={fieldErrors.email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <TextField
                id="password"
                label="Password"
                type="password"
                value={password}
                required
                autoComplete="current-password"
                error={fieldErrors.password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <ErrorMessage error={formError} />
              <button type="submit" className="primary" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </form>
            {workspace.signup_policy !== 'closed' && (
              <p>
                New here? <Link to="/signup">Ask to join {workspace.company_name}</Link>
              </p>
            )}
          </>
      )}
    </PublicPage>
  );
}
