import { useEffect, useState } from 'react';
import type { Page } from '@gateway/web-base/http';
import { SIGNUP_STATUSES } from '../api/types';
import type { Signup, SignupStatus } from '../api/types';
import { ErrorMessage, Loading } from '../components/common';
import { useSession } from '../session';
import { SignupRow } from '../signups/SignupRow';
import { useSignupCounts } from '../signups/signupCounts';

export const SIGNUP_PAGE_SIZE = 20;

export function SignupsPage() {
  const { api, canWrite } = useSession();
  const { summary, refresh } = useSignupCounts();
  const [status, setStatus] = useState<SignupStatus | ''>('pending');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page<Signup> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => setCursors([null]), [status]);

  useEffect(() => {
    let current = true;
    setError(null);
    api
      .listSignups({ status, limit: SIGNUP_PAGE_SIZE, cursor })
      .then((p) => current && setPage(p))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, status, cursor]);

  function decided(signup: Signup) {
    setPage((p) => p && { ...p, items: p.items.map((s) => (s.id === signup.id ? signup : s)) });
    refresh();
  }

  return (
    <main id="main">
      <h1>Signups</h1>
      <p className="muted">
        Companies that asked for a workspace on the landing site. Approving creates the tenant and emails its first admin an
        invitation; rejecting emails the reason.
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="signup-status">Status</label>
        <select id="signup-status" value={status} onChange={(e) => setStatus(e.target.value as SignupStatus | '')}>
          {SIGNUP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
              {summary ? ` (${summary[s]})` : ''}
            </option>
          ))}
          <option value="">any</option>
        </select>
      </form>
      <ErrorMessage error={error} />
      {!page && !error && <Loading what="signups" />}
      {page && page.items.length === 0 && <p className="empty">{status ? `No ${status} signups.` : 'No signups yet.'}</p>}
      {page && page.items.length > 0 && (
        <table>
          <caption className="visually-hidden">Signups</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Key</th>
              <th scope="col">Admin email</th>
              <th scope="col">Plan</th>
              <th scope="col">Requested</th>
              <th scope="col">Status</th>
              {canWrite && <th scope="col">Decision</th>}
            </tr>
          </thead>
          <tbody>
            {page.items.map((s) => (
              <SignupRow key={s.id} signup={s} onDecided={decided} />
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Signup pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button type="button" disabled={!page?.next_cursor} onClick={() => page?.next_cursor && setCursors((c) => [...c, page.next_cursor])}>
          Next page
        </button>
      </nav>
    </main>
  );
}
