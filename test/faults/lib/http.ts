// A small JSON client for the nobat API in tests: one call, its status, headers and parsed body
// (or the raw text when the body is not JSON), never throwing on a 4xx or 5xx.
export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined for an empty body; the text itself when it is not JSON. */
  body: unknown;
}

export interface CallOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is, for bodies that are not JSON; wins over `json`. */
  raw?: string | ReadableStream<Uint8Array>;
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | ReadableStream<Uint8Array> | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body: body ?? null, signal: options.signal ?? null };
  if (body instanceof ReadableStream) init.duplex = 'half';
  const response = await fetch(`${base}/api/v1${path}`, init);
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Signs a demo staff member in at a desk and returns the session token. */
export async function login(base: string, username: string, deskId?: string): Promise<string> {
  const answer = await call(base, 'POST', '/auth/login', { json: { username, password: 'demo', ...(deskId ? { deskId } : {}) } });
  if (answer.status !== 200 || !isRecord(answer.body) || typeof answer.body['token'] !== 'string') {
    throw new Error(`login of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body['token'];
}
