// Talking to /api/v1 as the signed-in clerk: the bearer token on every request, the server's Persian
// refusal carried in `Refused`, and a 401 turned into `SessionExpired`. A command gets one
// X-Request-Id and every retry of it sends the same one, so a retried click is applied once.

/** The server refused (4xx): `message` is its Persian sentence, to show as it is. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The token is unknown, expired or was replaced by a newer sign-in at this desk. */
export class SessionExpired extends Error {}

/** The server could not be reached before the deadline. */
export class Unreachable extends Error {}

/**
 * A request id of 128 random bits, named after the screen that sent it (`desk-…`, `kiosk-…`);
 * crypto.randomUUID() needs a secure context a LAN desk or kiosk may lack.
 */
export function newRequestId(screen: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${screen}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface SendOptions {
  token?: string | undefined;
  /** A desk PC's device token, for the requests made before a session: a 401 then is a refusal, not an ended session. */
  deviceToken?: string | undefined;
  body?: unknown;
  /** Sent as X-Request-Id; with it, lost answers and 5xx are retried with the same id. */
  requestId?: string;
  /** Sent as Idempotency-Key (a kiosk's filing); with it, lost answers and 5xx are retried with the same key. */
  idempotencyKey?: string;
  /** Called before each retry, so the screen can say it is still trying. */
  onRetry?: () => void;
  /** Give up retrying after this long (ms). */
  giveUpAfterMs?: number;
}

/** One request; answers the parsed JSON body (null for 204). */
export async function send<T>(method: 'GET' | 'POST', path: string, options: SendOptions = {}): Promise<T> {
  const { token, body, requestId, idempotencyKey, deviceToken } = options;
  const deadline = Date.now() + (options.giveUpAfterMs ?? 20_000);
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(token ?? deviceToken ? { Authorization: `Bearer ${token ?? deviceToken}` } : {}),
    ...(requestId ? { 'X-Request-Id': requestId } : {}),
    ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
  };
  // Only a command with a request id or key is safe to send again; reads are safe anyway.
  const retryable = method === 'GET' || requestId !== undefined || idempotencyKey !== undefined;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      if (!retryable || Date.now() > deadline) throw new Unreachable(`${method} ${path}`);
      options.onRetry?.();
      await delay(Math.min(3000, 300 * 2 ** (attempt - 1)));
    }
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, { method, headers, cache: 'no-store', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch {
      continue;
    }
    if (response.status >= 500 || response.status === 429) continue;
    // Without a token, a 401 is a refusal to read (a wrong password), not an ended session.
    if (response.status === 401 && token) throw new SessionExpired();
    if (response.status === 204) return null as T;
    const json = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return json as T;
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new Refused(response.status, error?.code ?? 'refused', error?.message ?? `HTTP ${response.status}`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
