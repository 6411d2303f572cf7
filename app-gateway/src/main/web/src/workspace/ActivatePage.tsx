import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '@gateway/web-base/problem';
import { ErrorMessage, TextField, useFormErrors } from '../common/forms';
import { useWorkspaceInfo } from '../join/workspaceInfo';
import { takeInvitationToken } from './invitationToken';
import { PublicPage } from './PublicPage';
import { useSession } from './session';

const FIELDS = ['name', 'email', 'password', 'confirm'] as const;

/** Why the link itself cannot be used, or null when the refusal is about the form. */
function linkProblem(error: unknown, company: string): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.problem === 'invitation-invalid' || error.status === 404) {
    return 'This link is not valid any more: it has been used already, or it was replaced by a newer invitation.';
  }
  if (error.problem === 'invitation-expired' || error.status === 410) {
    return `This invitation has expired. Ask an admin of ${company} to send you a new one.`;
  }
  return null;
}

export function ActivatePage() {
  const { api, signIn } = useSession();
  const navigate = useNavigate();
  const info = useWorkspaceInfo(api);
  // null until read; the effect runs twice under StrictMode, and the second read finds the fragment gone
  const [token, setToken] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [deadLink, setDeadLink] = useState<string | null>(null);
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS);
  // the first admin of a workspace created without an address gives it here; the server says when
  const [askedForEmail, setAskedForEmail] = useState(false);
  const needsEmail = askedForEmail || !!fieldErrors.email;
  const company = info.state === 'found' ? info.info.company_name : 'the workspace';

  useEffect(() => {
    const found = takeInvitationToken();
    setToken((read) => read || found);
  }, []);

  useEffect(() => {
    if (fieldErrors.email) setAskedForEmail(true);
  }, [fieldErrors.email]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    clear();
    if (password !== confirm) {
      capture(new ApiError(400, 'Invalid', null, null, [{ field: 'confirm', message: 'The two passwords differ.' }]));
      return;
    }
    setBusy(true);
    try {
      const answer = await api.activate({ token: token ?? '', password, name: name.trim() || undefined, email: email.trim() || undefined });
      signIn(answer.access_token);
      navigate('/projects', { replace: true });
    } catch (err) {
      const problem = linkProblem(err, company);
      if (problem) setDeadLink(problem);
      else capture(err);
      setBusy(false);
    }
  }

  return (
    <PublicPage info={info} title={(name) => `Welcome to ${name}`}>
      {() => {
        if (token === null) return null;
        if (!token) {
          return (
            <div className="error" role="alert">
              This page opens from the link in your invitation email. Open that link again, all of it: the part after # is your
              invitation.
            </div>
          );
        }
        if (deadLink) {
          return (
            <>
              <div className="error" role="alert">
                {deadLink}
              </div>
              <p>
                <Link to="/login">Sign in</Link> if you have set your password already.
              </p>
            </>
          );
        }
        return (
          <form className="stacked" onSubmit={submit} aria-busy={busy} noValidate>
            <p className="muted">Choose your password to activate your account; you will be signed in right away.</p>
            <TextField id="name" label="Your name" value={name} autoComplete="name" error={fieldErrors.name} onChange={(e) => setName(e.target.value)} />
            {needsEmail && (
              <TextField
                id="email"
                label="Your email"
                type="email"
                value={email}
                required
                autoComplete="email"
                error={fieldErrors.email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
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
            <TextField
              id="confirm"
              label="Password again"
              type="password"
              value={confirm}
              required
              autoComplete="new-password"
              error={fieldErrors.confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
            <ErrorMessage error={formError} />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Activating…' : 'Activate and sign in'}
            </button>
          </form>
        );
      }}
    </PublicPage>
  );
}
