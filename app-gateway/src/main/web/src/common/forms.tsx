import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { ApiError, describeError } from '@gateway/web-base/problem';

const NO_PROBLEM_FIELDS: Record<string, string> = {};

/**
 * What a failed submit means for a form: messages next to the fields it has (from a 400's `errors`, or
 * a problem type that is about one field, like `email-taken`), everything else as one message above
 * the button. The first field in error takes the focus: its input's id is `idPrefix` + the field name.
 */
export function useFormErrors(fields: readonly string[], fieldOfProblem = NO_PROBLEM_FIELDS, idPrefix = '') {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const focusNext = useRef(false);

  const capture = useCallback(
    (error: unknown) => {
      const byField: Record<string, string> = {};
      const rest: string[] = [];
      if (error instanceof ApiError) {
        Object.entries(error.fieldErrors()).forEach(([field, message]) => {
          if (fields.includes(field)) byField[field] = message;
          else rest.push(`${field}: ${message}`);
        });
        const field = error.problem ? fieldOfProblem[error.problem] : undefined;
        if (field && fields.includes(field) && !byField[field]) byField[field] = error.detail ?? error.title;
        error.errors.filter((e) => !e.field).forEach((e) => rest.push(e.message));
      }
      focusNext.current = Object.keys(byField).length > 0;
      setFieldErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(error);
      else setFormError(rest.length ? new Error(rest.join('; ')) : null);
    },
    [fields, fieldOfProblem],
  );

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  // in the commit that shows the messages, so nothing can take the focus in between
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    const first = fields.find((f) => fieldErrors[f]);
    if (first) document.getElementById(`${idPrefix}${first}`)?.focus();
  }, [fieldErrors, fields, idPrefix]);

  return { fieldErrors, formError, capture, clear };
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
};

/** A labelled input with its hint or, after a refusal, its error right under it (and announced with it). */
export function TextField({ id, label, error, hint, ...input }: TextFieldProps) {
  const note = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} aria-invalid={!!error} aria-describedby={note} {...input} />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      {describeError(error)}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** The state a finished form turns into; its heading takes the focus so screen readers read it. */
export function Outcome({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
