/** An API failure as the operator should read it: RFC 7807 title/detail when the server sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly title: string;
  readonly detail: string | null;

  constructor(status: number, title: string, detail: string | null, type: string | null = null) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
  }

  /** The last path segment of the problem type, e.g. `illegal-transition`. */
  get problem(): string | null {
    return this.type ? this.type.substring(this.type.lastIndexOf('/') + 1) : null;
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: 'The request was not accepted',
  401: 'Please sign in again',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request is too large',
  429: 'Too many requests',
  502: 'A backend service is not reachable',
  503: 'A backend service is unavailable',
};

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  message?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

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
  const title =
    text(body?.title) ?? STATUS_TITLES[response.status] ?? `Request failed (HTTP ${response.status})`;
  const detail = text(body?.detail) ?? text(body?.message);
  return new ApiError(response.status, title, detail, text(body?.type));
}

/** A readable sentence for any error a page may catch. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
