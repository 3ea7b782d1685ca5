// Kavenegar's REST API (sms/send): POST {baseUrl}/v1/{apiKey}/sms/send.json with form fields
// receptor, sender, message and localid. The answer is {return: {status, message}, entries: [{messageid}]};
// `return.status` 200 is sent. The outbox key goes as `localid`, which the provider uses to refuse a
// second send of the same message.
import { retryableStatus, unreachable, type SendOutcome, type SmsGateway, type SmsMessage } from './gateway.js';

export interface KavenegarOptions {
  apiKey: string;
  sender: string;
  /** Default https://api.kavenegar.com; a test points it at a local server. */
  baseUrl?: string;
  timeoutMs?: number;
}

interface KavenegarAnswer {
  return?: { status?: number; message?: string };
  entries?: Array<{ messageid?: number | string }>;
}

export function createKavenegarGateway(options: KavenegarOptions): SmsGateway {
  const base = (options.baseUrl ?? 'https://api.kavenegar.com').replace(/\/+$/, '');
  const url = `${base}/v1/${encodeURIComponent(options.apiKey)}/sms/send.json`;
  return {
    kind: 'kavenegar',
    async send(message: SmsMessage): Promise<SendOutcome> {
      const form = new URLSearchParams({ receptor: message.to, sender: options.sender, message: message.text, localid: message.id });
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      } catch (error) {
        return unreachable(error);
      }
      const answer = (await response.json().catch(() => ({}))) as KavenegarAnswer;
      const status = answer.return?.status ?? response.status;
      if (response.ok && status === 200) return { ok: true, providerId: answer.entries?.[0]?.messageid?.toString() ?? null };
      // Kavenegar answers its own codes in `return.status` (e.g. 418 no credit, 411 bad receptor) with HTTP 4xx.
      return { ok: false, retry: retryableStatus(response.status), error: `kavenegar ${status}: ${answer.return?.message ?? response.statusText}` };
    },
  };
}
