import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '@gateway/web-base/problem';
import type { Signup } from '../api/types';
import { ErrorMessage, StatusBadge, formatTime } from '../components/common';
import { useSession } from '../session';

/** One request; a pending one offers approve, or reject with a reason the company is emailed. */
export function SignupRow({ signup, onDecided }: { signup: Signup; onDecided: (decided: Signup) => void }) {
  const { api, canWrite } = useSession();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasonId = `reason-${signup.id}`;

  async function decide(call: () => Promise<Signup>) {
    setBusy(true);
    setError(null);
    setReasonError(null);
    try {
      onDecided(await call());
      setRejecting(false);
    } catch (err) {
      const fieldError = err instanceof ApiError ? err.fieldErrors().reason : undefined;
      if (fieldError) setReasonError(fieldError);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  function reject(e: React.FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError('Give the reason: it is emailed to the company.');
      document.getElementById(reasonId)?.focus();
      return;
    }
    void decide(() => api.rejectSignup(signup.id, reason.trim()));
  }

  return (
    <tr data-signup={signup.key}>
      <th scope="row">{signup.company_name}</th>
      <td>
        {signup.status === 'approved' && signup.tenant ? <Link to={`/tenants/${signup.tenant}`}>{signup.tenant}</Link> : <code>{signup.key}</code>}
      </td>
      <td>{signup.admin_email}</td>
      <td>{signup.plan}</td>
      <td className="nowrap">{formatTime(signup.created_at)}</td>
      <td>
        <StatusBadge status={signup.status} />
        {signup.decided_at && (
          <p className="muted">
            {signup.decided_by ? `by ${signup.decided_by}, ` : ''}
            {formatTime(signup.decided_at)}
          </p>
        )}
        {signup.reason && <p className="muted">Reason: {signup.reason}</p>}
      </td>
      {canWrite && (
        <td>
          {signup.status === 'pending' && !rejecting && (
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void decide(() => api.approveSignup(signup.id))} aria-label={`Approve ${signup.key}`}>
                Approve
              </button>
              <button type="button" disabled={busy} onClick={() => setRejecting(true)} aria-label={`Reject ${signup.key}…`}>
                Reject…
              </button>
            </div>
          )}
          {signup.status === 'pending' && rejecting && (
            <form className="reject" onSubmit={reject} noValidate>
              <label htmlFor={reasonId}>Reason for rejecting {signup.key}</label>
              <textarea
                id={reasonId}
                rows={2}
                value={reason}
                autoFocus
                aria-invalid={!!reasonError}
                aria-describedby={reasonError ? `${reasonId}-error` : undefined}
                onChange={(e) => setReason(e.target.value)}
              />
              {reasonError && (
                <p id={`${reasonId}-error`} className="field-error">
                  {reasonError}
                </p>
              )}
              <div className="actions">
                <button type="submit" className="danger" disabled={busy}>
                  Reject signup
                </button>
                <button type="button" onClick={() => setRejecting(false)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
          <ErrorMessage error={error} />
        </td>
      )}
    </tr>
  );
}
