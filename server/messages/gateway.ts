// What nobat asks of an SMS provider: send one message, and say whether a failed send is worth
// retrying. Each message carries its own id, which an adapter passes to the provider as its local
// message id, so a send repeated after a crash is recognised there and delivered once.

export interface SmsMessage {
  /** The outbox's idempotency key: the same for every attempt at one message. */
  id: string;
  /** An Iranian mobile number in the form 09xxxxxxxxx. */
  to: string;
  text: string;
}

export type SendOutcome =
  | { ok: true; providerId: string | null }
  /** `retry`: the provider may take it later (down, timed out, busy); false: it never will (bad number, no credit). */
  | { ok: false; retry: boolean; error: string };

export interface SmsGateway {
  /** For logs and the admin screen: 'file', 'kavenegar', 'http'. */
  readonly kind: string;
  send(message: SmsMessage): Promise<SendOutcome>;
}

/** A transport failure (refused, reset, timed out) said as an outcome to retry. */
export function unreachable(error: unknown): SendOutcome {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, retry: true, error: name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : `unreachable: ${message}` };
}

/** HTTP statuses worth another attempt: the provider is busy, throttling or down. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
