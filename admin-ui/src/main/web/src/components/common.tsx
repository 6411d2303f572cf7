import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError } from '@gateway/web-base/problem';

export function ErrorMessage({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <strong>{describeError(error)}</strong>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{status}</span>;
}

export function formatTime(value?: string | null): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * A destructive action that only runs once the operator typed the tenant key: an inline dialog
 * that takes focus when opened and gives it back (Escape cancels).
 */
export function ConfirmByTyping({
  expected,
  action,
  description,
  onConfirm,
  onCancel,
}: {
  expected: string;
  action: string;
  description: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <section
      className="confirm"
      role="dialog"
      aria-modal="false"
      aria-labelledby="confirm-title"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id="confirm-title">{action}</h3>
      <p>{description}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (typed === expected) onConfirm();
        }}
      >
        <label htmlFor="confirm-key">
          Type <code>{expected}</code> to confirm
        </label>
        <input
          id="confirm-key"
          ref={input}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="danger" disabled={typed !== expected}>
            {action}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
