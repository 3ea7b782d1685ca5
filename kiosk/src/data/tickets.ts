// Issuing a ticket. A press gets one Idempotency-Key, and every retry of that press sends the same
// key: when the network drops the answer, or the server restarts mid-request, the server gives back
// the ticket it already issued instead of a second one.
import type { WaitPromiseView } from '../../../server/estimate/promise.js';
import type { PriorityGroup } from '../state.js';
import { newRequestId } from '../../../ui/http/api.js';
import { authHeaders } from './device.js';

export interface IssuedTicket {
  id: string;
  number: string;
  serviceId: string;
  issuedAt: number;
  ahead: number;
  estimatedWait: WaitPromiseView['estimatedWait'];
  estimatedWaitSeconds: WaitPromiseView['estimatedWaitSeconds'];
  waitNote: WaitPromiseView['waitNote'];
  opensAt?: WaitPromiseView['opensAt'];
  priorityGroup: PriorityGroup | null;
  /** A booking checked in: the time it was booked for, and whether it came past the grace (then it waits as a walk-in). */
  appointment?: { start: number; late?: boolean };
}

/** A refusal the visitor should read (office closed, unknown service); retrying will not help. */
export class TicketRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface IssueOptions {
  /**
   * Called before each retry, so the screen can say it is still trying: with the server's Persian
   * message when the server answered (503 while it cannot record tickets), without one when the
   * network failed.
   */
  onRetry?: (serverMessage?: string) => void;
  /** Give up after this long (ms); by then the visitor has walked away. */
  giveUpAfterMs?: number;
  /** The kiosk's language now: the slip prints in it. */
  language?: 'fa' | 'en';
}

export async function issueTicket(serviceId: string, priorityGroup: PriorityGroup | null, options: IssueOptions = {}): Promise<IssuedTicket> {
  const key = newRequestId('kiosk');
  const deadline = Date.now() + (options.giveUpAfterMs ?? 90_000);
  let serverMessage: string | undefined;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      options.onRetry?.(serverMessage);
      await delay(Math.min(4000, 400 * 2 ** (attempt - 1)));
    }
    serverMessage = undefined;
    let response: Response;
    try {
      response = await fetch('/api/v1/tickets', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...authHeaders() },
        body: JSON.stringify({ serviceId, ...(priorityGroup ? { priorityGroup } : {}), language: options.language ?? 'fa' }),
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      continue;
    }
    if (response.status === 201) return (await response.json()) as IssuedTicket;
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (response.status >= 500 || response.status === 429) {
      serverMessage = body?.error?.message;
      if (Date.now() > deadline) throw serverMessage ? new TicketRefused(body?.error?.code ?? 'unavailable', serverMessage) : new Error(`POST /api/v1/tickets: ${response.status}`);
      continue;
    }
    throw new TicketRefused(body?.error?.code ?? 'refused', body?.error?.message ?? `HTTP ${response.status}`);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
