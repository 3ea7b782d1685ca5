// One request to /api/v1 from the public booking page: the parsed answer, or the server's refusal as
// `Refused` (its Persian sentence and code), or `Unreachable` when no answer came. Nothing is retried
// by itself: a hold or a confirmation sent twice would be a second attempt the visitor did not make.

/** The server refused (4xx, 429 or 5xx with an error body): `message` is its Persian sentence. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached, or answered something that is not JSON. */
export class Unreachable extends Error {}

export async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      cache: 'no-store',
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new Unreachable(`${method} ${path}`);
  }
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return json as T;
  const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (!error?.message) throw new Unreachable(`${method} ${path}: ${response.status}`);
  throw new Refused(response.status, error.code ?? 'refused', error.message);
}
