import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@gateway/web-base/problem';
import { ErrorMessage, TextField, useFormErrors } from './forms';

const FIELDS = ['email'] as const;
const PROBLEM_FIELDS = { 'email-taken': 'email' };
let capture: (error: unknown) => void = () => undefined;

function Form() {
  const errors = useFormErrors(FIELDS, PROBLEM_FIELDS);
  capture = errors.capture;
  return (
    <form>
      <TextField id="email" label="Email" error={errors.fieldErrors.email} hint="Your work address" />
      <ErrorMessage error={errors.formError} />
    </form>
  );
}

describe('form errors', () => {
  it('puts errors for fields the form has next to them and the rest above the button', () => {
    render(<Form />);
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Your work address');

    act(() =>
      capture(
        new ApiError(400, 'Invalid request', null, 'https://gateway.dev/problems/validation', [
          { field: 'signUp.request.email', message: 'must be a well-formed email address' },
          { field: 'token', message: 'must not be blank' },
          { field: null, message: 'body is malformed' },
        ]),
      ),
    );

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('must be a well-formed email address');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('token: must not be blank; body is malformed');
  });

  it('maps a problem about one field to it, and shows any other problem as a whole', () => {
    render(<Form />);

    act(() => capture(new ApiError(409, 'Email taken', 'cy@acme.test is a member already', 'https://gateway.dev/problems/email-taken')));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('cy@acme.test is a member already');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    act(() => capture(new ApiError(429, 'Too Many Requests', 'try again in a minute', 'https://gateway.dev/problems/rate-limited')));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Your work address');
    expect(screen.getByRole('alert')).toHaveTextContent('Too Many Requests: try again in a minute');
  });
});
