import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Plan, SignupReceipt } from '../api/types';
import { ErrorMessage, Loading, Outcome, TextField, useFormErrors } from '../common/forms';
import { workspaceUrl } from '../common/links';
import { KeyField } from './KeyField';
import { useKeyCheck } from './keyCheck';
import { platformApi } from './platformApi';
import { planName, planSummary } from './plans';

const FIELDS = ['company_name', 'key', 'admin_email', 'plan'] as const;
const FIELD_OF_PROBLEM = { 'key-taken': 'key', 'key-reserved': 'key', 'key-invalid': 'key', 'plan-unknown': 'plan' };

export function CompanySignupPage() {
  const [params] = useSearchParams();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [company, setCompany] = useState('');
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [plan, setPlan] = useState(params.get('plan') ?? '');
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<SignupReceipt | null>(null);
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS, FIELD_OF_PROBLEM);
  const check = useKeyCheck(platformApi, key);

  useEffect(() => {
    platformApi
      .plans()
      .then((list) => {
        setPlans(list);
        setPlan((chosen) => (list.some((p) => p.key === chosen) ? chosen : (list[0]?.key ?? '')));
      })
      .catch(capture);
  }, [capture]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (check.state === 'unavailable') {
      document.getElementById('key')?.focus();
      return;
    }
    setBusy(true);
    clear();
    try {
      setReceipt(await platformApi.signUp({ company_name: company.trim(), key, admin_email: email.trim(), plan }));
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    const address = workspaceUrl(key);
    return (
      <main id="main">
        <h1>Sign up your company</h1>
        {receipt.status === 'approved' ? (
          <Outcome title="Approved: check your inbox">
            <p>
              Your workspace <strong>{key}</strong> is being set up at <code>{address}</code>. We sent <strong>{email}</strong> a link
              to activate it and choose your password; the link works once, for 72 hours.
            </p>
          </Outcome>
        ) : (
          <Outcome title="Received, awaiting approval">
            <p>
              Thank you, {company}. We sent a confirmation to <strong>{email}</strong>. Our team reviews every new workspace; once{' '}
              <strong>{key}</strong> is approved you will get an email with a link to activate it at <code>{address}</code>.
            </p>
          </Outcome>
        )}
        <p>
          <Link to="/">Back to the home page</Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main">
      <h1>Sign up your company</h1>
      <p className="muted">Your company gets its own workspace. The person signing up becomes its first admin.</p>
      <form className="stacked" onSubmit={submit} aria-busy={busy} noValidate>
        <TextField
          id="company_name"
          label="Company name"
          value={company}
          required
          autoComplete="organization"
          error={fieldErrors.company_name}
          onChange={(e) => setCompany(e.target.value)}
        />
        <KeyField value={key} check={check} onChange={setKey} submitError={fieldErrors.key} />
        <TextField
          id="admin_email"
          label="Your work email"
          type="email"
          value={email}
          required
          autoComplete="email"
          error={fieldErrors.admin_email}
          hint="The activation link goes here; this address becomes the workspace's first admin."
          onChange={(e) => setEmail(e.target.value)}
        />
        <fieldset aria-describedby={fieldErrors.plan ? 'plan-error' : undefined}>
          <legend>Plan</legend>
          {!plans && !formError && <Loading what="plans" />}
          {plans?.map((p) => (
            <label key={p.key} className="radio plan-choice">
              <input type="radio" name="plan" value={p.key} checked={plan === p.key} onChange={() => setPlan(p.key)} />
              <span>
                <strong>{planName(p.key)}</strong> — {planSummary(p)}
                {p.self_service ? ' (starts at once)' : ''}
              </span>
            </label>
          ))}
          {fieldErrors.plan && (
            <p id="plan-error" className="field-error">
              {fieldErrors.plan}
            </p>
          )}
        </fieldset>
        <ErrorMessage error={formError} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Sending…' : 'Sign up'}
        </button>
      </form>
    </main>
  );
}
