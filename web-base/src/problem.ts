/** One rejected input, as a 400 validation problem lists it in `errors`. */
export interface FieldError {
  field: string | null;
  message: string;
}

/** An API failure as a person should read it: RFC 7807 title/detail when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];

  constructor(status: number, title: string, detail: string | null, type: string | null = null, errors: FieldError[] = []) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.errors = errors;
  }

  /** The last path segment of the problem type, e.g. `illegal-transition`. */
  get problem(): string | null {
    return this.type ? this.type.substring(this.type.lastIndexOf('/') + 1) : null;
  }

  /** Messages by form field name (`admin_email`), for showing each next to its input. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.errors) {
      if (!error.field) continue;
      const name = fieldName(error.field);
      byField[name] = byField[name] ? `${byField[name]}; ${error.message}` : error.message;
    }
    return byField;
  }
}

/**
 * The form field a server-side path names: bean validation reports `create.request.adminEmail`,
 * the JSON body calls it `admin_email`.
 */
export function fieldName(path: string): string {
  const last = path.substring(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const STATUS_TITLES: Record<number, string> = {
  400: 'The request was not accepted',
  401: 'Please sign in again',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'Conflict',
  410: 'No longer available',
  413: 'The request is too large',
  422: 'The request was not accepted',
  429: 'Too many requests',
  502: 'A backend service is not reachable',
  503: 'A backend service is unavailable',
};

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  message?: unknown;
  errors?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): FieldError[] => {
    if (typeof entry === 'string') return [{ field: null, message: entry }];
    if (entry && typeof entry === 'object') {
      const { field, message } = entry as { field?: unknown; message?: unknown };
      const readable = text(message);
      return readable ? [{ field: text(field), message: readable }] : [];
    }
    return [];
  });
}

/** Builds the ApiError for a failed response, reading a problem+json (or any JSON) body if there is one. */
export async function problemFrom(response: Response): Promise<ApiError> {
  let body: ProblemBody | null = null;
  const raw = await response.text().catch(() => '');
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object') body = parsed as ProblemBody;
    } catch {
      body = null;
    }
  }
  const title = text(body?.title) ?? STATUS_TITLES[response.status] ?? `Request failed (HTTP ${response.status})`;
  const detail = text(body?.detail) ?? text(body?.message);
  return new ApiError(response.status, title, detail, text(body?.type), fieldErrorsOf(body?.errors));
}

/** A readable sentence for any error a page may catch. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
