import { useState } from 'react';
import { useSession } from '../session';
import { ErrorMessage } from '../components/common';

export function LoginPage() {
  const { api, signIn, signedOutReason } = useSession();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await api.login(username, password);
      signIn(response.access_token);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <h1>Gateway admin</h1>
      <p className="muted">Sign in to operate tenants, pools and migrations.</p>
      {signedOutReason && <p role="status">{signedOutReason}</p>}
      <form onSubmit={submit} aria-busy={busy}>
        <label htmlFor="username">User name</label>
        <input id="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
