// The gateway the office's `sms` settings name, with its key taken from the environment. A missing
// key is said at start-up, in one line naming the variable, rather than at the first message.
import { join } from 'node:path';
import { createFileGateway } from './file-gateway.js';
import type { SmsGateway } from './gateway.js';
import { createHttpTemplateGateway } from './http-template.js';
import { createKavenegarGateway } from './kavenegar.js';
import type { SmsGatewaySettings } from './settings.js';

export class SmsSettingsError extends Error {
  override readonly name = 'SmsSettingsError';
}

/** Header values may say {env:NAME}: the secret stays in the environment, not in the exported office file. */
function fromEnv(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\{env:([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) throw new SmsSettingsError(`sms.gateway.headers: environment variable ${name} is not set`);
    return found;
  });
}

export function createGateway(settings: SmsGatewaySettings, dataDir: string, clock: () => number, env: NodeJS.ProcessEnv = process.env): SmsGateway {
  switch (settings.kind) {
    case 'file':
      return createFileGateway(join(dataDir, 'messages.jsonl'), clock);
    case 'kavenegar': {
      const apiKey = env[settings.apiKeyEnv];
      if (!apiKey) throw new SmsSettingsError(`sms.gateway: set the Kavenegar API key in the environment variable ${settings.apiKeyEnv}`);
      return createKavenegarGateway({ apiKey, sender: settings.sender, ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}) });
    }
    case 'http':
      return createHttpTemplateGateway({
        url: settings.url,
        method: settings.method,
        headers: Object.fromEntries(Object.entries(settings.headers).map(([name, value]) => [name, fromEnv(value, env)])),
        ...(settings.body !== undefined ? { body: settings.body } : {}),
        bodyType: settings.bodyType,
      });
  }
}
