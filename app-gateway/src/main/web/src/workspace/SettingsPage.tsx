import { useEffect, useState } from 'react';
import type { Settings } from '../api/types';
import { ErrorMessage, Loading, TextField, useFormErrors } from '../common/forms';
import { useSession } from './session';
import { POLICIES, changesOf, draftOf } from './settingsForm';
import type { SettingsDraft } from './settingsForm';

const FIELDS = ['signup_policy', 'allowed_email_domains', 'display_name', 'website', 'description'] as const;

function ReadOnlySettings({ settings }: { settings: Settings }) {
  const draft = draftOf(settings);
  const policy = POLICIES.find((p) => p.value === draft.signup_policy);
  return (
    <>
      <p className="muted">Only admins can change these settings.</p>
      <dl className="card">
        <dt>Who can join</dt>
        <dd>
          {policy?.label}: {policy?.help}
        </dd>
        <dt>Allowed email domains</dt>
        <dd>{draft.domains || 'any'}</dd>
        <dt>Company name shown</dt>
        <dd>{draft.displayName || '—'}</dd>
        <dt>Website</dt>
        <dd>{draft.website || '—'}</dd>
        <dt>About</dt>
        <dd>{draft.description || '—'}</dd>
      </dl>
    </>
  );
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { api } = useSession();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS);
  const set = (change: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      onSaved(await api.saveSettings(changesOf(draft)));
      setSaved(true);
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stacked" onSubmit={submit} aria-busy={busy} noValidate>
      <fieldset id="signup_policy" tabIndex={-1} aria-describedby={fieldErrors.signup_policy ? 'signup_policy-error' : undefined}>
        <legend>Who can join</legend>
        {POLICIES.map((p) => (
          <label key={p.value} className="radio block">
            <input type="radio" name="signup_policy" value={p.value} checked={draft.signup_policy === p.value} onChange={() => set({ signup_policy: p.value })} />
            <strong>{p.label}</strong> — {p.help}
          </label>
        ))}
        {fieldErrors.signup_policy && (
          <p id="signup_policy-error" className="field-error">
            {fieldErrors.signup_policy}
          </p>
        )}
      </fieldset>
      <TextField
        id="allowed_email_domains"
        label="Allowed email domains"
        value={draft.domains}
        error={fieldErrors.allowed_email_domains}
        hint="Only addresses at these domains may ask to join or be invited, e.g. acme.com, acme.de. Empty: any address."
        onChange={(e) => set({ domains: e.target.value })}
      />
      <TextField
        id="display_name"
        label="Company name shown"
        value={draft.displayName}
        error={fieldErrors.display_name}
        hint="How the workspace names your company, if not as registered."
        onChange={(e) => set({ displayName: e.target.value })}
      />
      <TextField id="website" label="Website" type="url" value={draft.website} error={fieldErrors.website} onChange={(e) => set({ website: e.target.value })} />
      <div className="field">
        <label htmlFor="description">About the company</label>
        <textarea
          id="description"
          rows={3}
          value={draft.description}
          aria-invalid={!!fieldErrors.description}
          aria-describedby={fieldErrors.description ? 'description-error' : undefined}
          onChange={(e) => set({ description: e.target.value })}
        />
        {fieldErrors.description && (
          <p id="description-error" className="field-error">
            {fieldErrors.description}
          </p>
        )}
      </div>
      <ErrorMessage error={formError} />
      {saved && <p role="status">Settings saved.</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}

export function SettingsPage() {
  const { api, isAdmin } = useSession();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.settings().then(setSettings).catch(setError);
  }, [api]);

  return (
    <main id="main">
      <h1>Settings</h1>
      {!settings && !error && <Loading what="settings" />}
      <ErrorMessage error={error} />
      {settings && (isAdmin ? <SettingsForm settings={settings} onSaved={setSettings} /> : <ReadOnlySettings settings={settings} />)}
    </main>
  );
}
