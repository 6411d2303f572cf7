import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { Role, User } from '../api/types';
import { ErrorMessage, Loading, TextField, useFormErrors } from '../common/forms';
import { useMe, useSession } from './session';

const INVITE_FIELDS = ['email', 'role'] as const;
const INVITE_PROBLEM_FIELDS = { 'email-taken': 'email', 'email-domain-not-allowed': 'email' };

function who(user: User): string {
  return user.name ? `${user.name} (${user.email ?? 'no address yet'})` : (user.email ?? 'invited user');
}

function JoinRequest({ user, onDecided }: { user: User; onDecided: (changed: User) => void }) {
  const { api } = useSession();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function decide(call: () => Promise<User>) {
    setBusy(true);
    setError(null);
    try {
      onDecided(await call());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <li className="card">
      <p>
        <strong>{user.name || user.email}</strong> {user.name && <span className="muted">{user.email}</span>}
      </p>
      {rejecting ? (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void decide(() => api.reject(user.id, reason.trim()));
          }}
        >
          <TextField
            id={`reason-${user.id}`}
            label={`Reason for ${user.email} (optional, sent to them)`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
          <button type="submit" className="danger" disabled={busy}>
            Reject request
          </button>
          <button type="button" onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void decide(() => api.approve(user.id))} aria-label={`Approve ${user.email}`}>
            Approve
          </button>
          <button type="button" disabled={busy} onClick={() => setRejecting(true)} aria-label={`Reject ${user.email}`}>
            Reject…
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}

function InviteForm({ onInvited }: { onInvited: (user: User) => void }) {
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { fieldErrors, formError, capture, clear } = useFormErrors(INVITE_FIELDS, INVITE_PROBLEM_FIELDS);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    setSentTo(null);
    try {
      onInvited(await api.invite(email.trim(), role));
      setSentTo(email.trim());
      setEmail('');
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stacked" onSubmit={submit} aria-busy={busy} aria-labelledby="invite-title" noValidate>
      <h2 id="invite-title">Invite someone</h2>
      <TextField id="email" label="Email" type="email" value={email} required error={fieldErrors.email} onChange={(e) => setEmail(e.target.value)} />
      <div className="field">
        <label htmlFor="role">Role</label>
        <select id="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="member">Member: projects and tasks</option>
          <option value="admin">Admin: also people and settings</option>
        </select>
        {fieldErrors.role && <p className="field-error">{fieldErrors.role}</p>}
      </div>
      <ErrorMessage error={formError} />
      {sentTo && <p role="status">Invitation sent to {sentTo}; the link in it works once, for 72 hours.</p>}
      <button type="submit" className="primary" disabled={busy}>
        Send invitation
      </button>
    </form>
  );
}

/** An open invitation; withdrawing it frees its seat and makes its link useless. */
function Invitation({ user, onWithdrawn }: { user: User; onWithdrawn: () => void }) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      await api.remove(user.id);
      onWithdrawn();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <li className="invitation">
      {who(user)} <span className="muted">as {user.role}</span>{' '}
      <button type="button" disabled={busy} onClick={() => void withdraw()} aria-label={`Withdraw the invitation of ${user.email ?? 'this user'}`}>
        Withdraw
      </button>
      <ErrorMessage error={error} />
    </li>
  );
}

function TeamRow({ user, isAdmin, isSelf, onChanged, onRemoved }: {
  user: User;
  isAdmin: boolean;
  isSelf: boolean;
  onChanged: (user: User) => void;
  onRemoved: () => void;
}) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row">
        {user.name || '—'}
        {isSelf && <span className="muted"> (you)</span>}
      </th>
      <td>{user.email}</td>
      <td>
        {isAdmin ? (
          <>
            <label htmlFor={`role-${user.id}`} className="visually-hidden">
              Role of {user.email}
            </label>
            <select
              id={`role-${user.id}`}
              value={user.role}
              disabled={busy}
              onChange={(e) => void run(async () => onChanged(await api.changeRole(user.id, e.target.value as Role)))}
            >
              <option value="member">member</option>
              <option value="admin">admin</option>
            </select>
          </>
        ) : (
          user.role
        )}
      </td>
      {isAdmin && (
        <td>
          {!isSelf &&
            (confirming ? (
              <div className="actions" role="group" aria-label={`Remove ${user.email}?`}>
                <button type="button" className="danger" disabled={busy} onClick={() => void run(async () => { await api.remove(user.id); onRemoved(); })}>
                  Remove {user.email}
                </button>
                <button type="button" onClick={() => setConfirming(false)} autoFocus>
                  Keep
                </button>
              </div>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={`Remove ${user.email}…`}>
                Remove…
              </button>
            ))}
          <ErrorMessage error={error} />
        </td>
      )}
    </tr>
  );
}

export function UsersPage() {
  const me = useMe();
  const { api, isAdmin } = useSession();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  // read again on every visit, also by the navigation link while here: join requests arrive any time
  const { key: visit } = useLocation();
  useEffect(() => {
    api.users().then(setUsers).catch(setError);
  }, [api, visit]);

  const replace = useCallback((changed: User) => setUsers((list) => list?.map((u) => (u.id === changed.id ? changed : u)) ?? null), []);
  const drop = useCallback((id: string) => setUsers((list) => list?.filter((u) => u.id !== id) ?? null), []);

  const pending = users?.filter((u) => u.status === 'pending') ?? [];
  const invited = users?.filter((u) => u.status === 'invited') ?? [];
  const team = users?.filter((u) => u.status === 'active') ?? [];

  return (
    <main id="main">
      <h1>People</h1>
      {!users && !error && <Loading what="people" />}
      <ErrorMessage error={error} />
      {isAdmin && users && (
        <>
          <section aria-labelledby="requests-title">
            <h2 id="requests-title">Join requests ({pending.length})</h2>
            {pending.length === 0 ? (
              <p className="muted">Nobody is waiting.</p>
            ) : (
              <ul className="plain">
                {pending.map((u) => (
                  <JoinRequest key={u.id} user={u} onDecided={replace} />
                ))}
              </ul>
            )}
          </section>
          <InviteForm onInvited={(u) => setUsers((list) => [...(list ?? []), u])} />
          {invited.length > 0 && (
            <section aria-labelledby="invited-title">
              <h2 id="invited-title">Invited, not yet joined</h2>
              <ul className="plain">
                {invited.map((u) => (
                  <Invitation key={u.id} user={u} onWithdrawn={() => drop(u.id)} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {users && (
        <section aria-labelledby="team-title">
          <h2 id="team-title">Team ({team.length})</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                {isAdmin && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {team.map((u) => (
                <TeamRow key={u.id} user={u} isAdmin={isAdmin} isSelf={u.id === me.user.id} onChanged={replace} onRemoved={() => drop(u.id)} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
