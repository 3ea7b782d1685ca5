// The demo office's SMS gateway: each message as one JSON line {to, text, at, id} appended to a file
// (<data>/messages.jsonl), so a person or a test can read what would have been sent.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SendOutcome, SmsGateway, SmsMessage } from './gateway.js';

export function createFileGateway(path: string, clock: () => number): SmsGateway {
  return {
    kind: 'file',
    async send(message: SmsMessage): Promise<SendOutcome> {
      try {
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, JSON.stringify({ to: message.to, text: message.text, at: clock(), id: message.id }) + '\n');
        return { ok: true, providerId: null };
      } catch (error) {
        return { ok: false, retry: true, error: `cannot write ${path}: ${(error as Error).message}` };
      }
    },
  };
}
