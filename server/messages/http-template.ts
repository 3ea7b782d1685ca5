// Any provider with an HTTP API: the office file gives the URL, method, headers and body, with the
// placeholders {to}, {text} and {id} (URL-encoded in the URL, JSON-escaped in a JSON body, form-encoded
// in a form body). A 2xx answer is sent; 408, 429 and 5xx are tried again; other answers are final.
import { retryableStatus, unreachable, type SendOutcome, type SmsGateway, type SmsMessage } from './gateway.js';

export interface HttpTemplateOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Omitted for GET. */
  body?: string;
  /** How the body's placeholders are escaped. */
  bodyType: 'json' | 'form';
  timeoutMs?: number;
}

type Fields = Record<'to' | 'text' | 'id', string>;

function fill(template: string, fields: Fields, escape: (value: string) => string): string {
  return template.replace(/\{(to|text|id)\}/g, (_, name: keyof Fields) => escape(fields[name]));
}

const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

export function createHttpTemplateGateway(options: HttpTemplateOptions): SmsGateway {
  return {
    kind: 'http',
    async send(message: SmsMessage): Promise<SendOutcome> {
      const fields: Fields = { to: message.to, text: message.text, id: message.id };
      const body = options.method === 'POST' && options.body !== undefined ? fill(options.body, fields, options.bodyType === 'json' ? jsonEscape : encodeURIComponent) : undefined;
      const contentType = options.bodyType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
      let response: Response;
      try {
        response = await fetch(fill(options.url, fields, encodeURIComponent), {
          method: options.method,
          headers: { ...(body !== undefined ? { 'content-type': contentType } : {}), ...options.headers },
          ...(body !== undefined ? { body } : {}),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        return unreachable(error);
      }
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, providerId: null };
      return { ok: false, retry: retryableStatus(response.status), error: `http ${response.status} ${response.statusText}` };
    },
  };
}
