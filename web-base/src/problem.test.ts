import { describe, expect, it } from 'vitest';
import { ApiError, fieldName, problemFrom } from './problem';

const problemResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('problem+json', () => {
  it('reads title, detail and type', async () => {
    const error = await problemFrom(
      problemResponse(409, { type: 'https://gateway.dev/problems/key-taken', title: 'Key taken', status: 409, detail: "'acme' is taken" }),
    );

    expect(error.status).toBe(409);
    expect(error.problem).toBe('key-taken');
    expect(error.message).toBe("Key taken: 'acme' is taken");
  });

  it('maps validation errors to the form fields they name', async () => {
    const error = await problemFrom(
      problemResponse(400, {
        type: 'https://gateway.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        errors: [
          { field: 'admin_email', message: 'must be a well-formed email address' },
          { field: 'create.request.companyName', message: 'must not be blank' },
          { field: 'create.request.companyName', message: 'size must be between 1 and 200' },
          { message: 'body is not JSON' },
          'plain message',
        ],
      }),
    );

    expect(error.fieldErrors()).toEqual({
      admin_email: 'must be a well-formed email address',
      company_name: 'must not be blank; size must be between 1 and 200',
    });
    expect(error.errors).toHaveLength(5);
  });

  it('explains a failure without a body by its status', async () => {
    const error = await problemFrom(new Response('<html>bad gateway</html>', { status: 502 }));

    expect(error.message).toBe('A backend service is not reachable');
    expect(error.fieldErrors()).toEqual({});
  });

  it('turns bean-validation paths into JSON field names', () => {
    expect(fieldName('signup.request.adminEmail')).toBe('admin_email');
    expect(fieldName('password')).toBe('password');
    expect(fieldName('items[0]')).toBe('items');
    expect(new ApiError(400, 'Bad', null).fieldErrors()).toEqual({});
  });
});
