import { useState } from 'react';
import { formatTime } from '../components/common';

/**
 * The first admin's one-time invitation link, as the registry's 202 carries it once. Nothing can show
 * it again: the operator copies it now and sends it to the new admin.
 */
export function InvitationLink({ url, expiresAt }: { url: string; expiresAt?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="notice" role="note" aria-labelledby="invitation-title">
      <p id="invitation-title">
        <strong>Invitation link for the first admin.</strong> It is shown only this once; send it to them. It works once
        {expiresAt ? `, until ${formatTime(expiresAt)}` : ''}.
      </p>
      <label htmlFor="invitation-url" className="visually-hidden">
        Invitation link
      </label>
      <input
        id="invitation-url"
        className="invitation-link"
        data-testid="invitation-url"
        readOnly
        value={url}
        onFocus={(e) => e.target.select()}
      />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        <span role="status">
          {copied === 'yes' && 'Copied.'}
          {copied === 'failed' && 'Copying was refused: select the link and copy it by hand.'}
        </span>
      </div>
    </div>
  );
}
