import { workspaceUrl } from '../common/links';
import type { KeyState } from './keyCheck';

function statusText(key: string, check: KeyState): string {
  switch (check.state) {
    case 'idle':
      return 'Lower-case letters, digits and dashes; it becomes your workspace address.';
    case 'checking':
      return `Checking ${key}…`;
    case 'available':
      return `${key} is available: your workspace will be at ${workspaceUrl(key)}`;
    case 'unavailable':
      return check.detail;
    case 'unknown':
      return `Could not check the key just now (${check.message}); you can still send the form.`;
  }
}

/**
 * The workspace key input with its live availability (announced as it changes). The server's answer
 * to a submit (a key taken meanwhile) wins over the live one.
 */
export function KeyField({
  value,
  check,
  onChange,
  submitError,
}: {
  value: string;
  check: KeyState;
  onChange: (key: string) => void;
  submitError?: string;
}) {
  const refused = check.state === 'unavailable';
  const message = submitError ?? statusText(value, check);
  return (
    <div className="field">
      <label htmlFor="key">Workspace key</label>
      <input
        id="key"
        name="key"
        value={value}
        required
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={refused || !!submitError}
        aria-describedby="key-status"
        onChange={(e) => onChange(e.target.value.trim())}
      />
      <p
        id="key-status"
        aria-live="polite"
        className={refused || submitError ? 'field-error' : check.state === 'available' ? 'field-ok' : 'muted'}
      >
        {message}
      </p>
    </div>
  );
}
