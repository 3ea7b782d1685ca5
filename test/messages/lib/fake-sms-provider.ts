// A real HTTP server on a free port playing Kavenegar's sms/send: it records every request, counts a
// message as delivered the first time its localid arrives (as the provider refuses a repeated localid),
// and can be told to be down (503), to refuse for good (418, no credit), or to hold requests unanswered.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';

export type ProviderMode = 'ok' | 'down' | 'refuse' | 'hold';

export interface ProviderRequest {
  apiKey: string;
  receptor: string;
  sender: string;
  message: string;
  localid: string;
}

export interface FakeSmsProvider {
  url: string;
  mode: ProviderMode;
  requests: ProviderRequest[];
  /** localid → the first request that carried it. */
  delivered: Map<string, ProviderRequest>;
  /** Resolves with the next request that arrives (whatever the mode answers). */
  nextRequest(): Promise<ProviderRequest>;
  /** Resolves once `count` different messages have been delivered. */
  deliveredCount(count: number): Promise<void>;
  /** Ends every held request without an answer (as a provider that vanished would). */
  dropHeld(): void;
  close(): Promise<void>;
}

export async function startFakeSmsProvider(): Promise<FakeSmsProvider> {
  const events = new EventEmitter();
  const held: ServerResponse[] = [];
  const provider: FakeSmsProvider = {
    url: '',
    mode: 'ok',
    requests: [],
    delivered: new Map(),
    nextRequest: () => new Promise((resolve) => events.once('request', resolve)),
    deliveredCount: (count) =>
      new Promise((resolve) => {
        const look = () => {
          if (provider.delivered.size < count) return;
          events.off('delivered', look);
          resolve();
        };
        events.on('delivered', look);
        look();
      }),
    dropHeld: () => {
      for (const response of held.splice(0)) response.socket?.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        provider.dropHeld();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/v1\/([^/]+)\/sms\/send\.json$/.exec(request.url ?? '');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (!match || request.method !== 'POST') return answer(response, 404, { return: { status: 404, message: 'not found' } });
      const form = new URLSearchParams(body);
      const sent: ProviderRequest = {
        apiKey: decodeURIComponent(match[1]!),
        receptor: form.get('receptor') ?? '',
        sender: form.get('sender') ?? '',
        message: form.get('message') ?? '',
        localid: form.get('localid') ?? '',
      };
      provider.requests.push(sent);
      events.emit('request', sent);
      if (provider.mode === 'down') return answer(response, 503, { return: { status: 503, message: 'unavailable' } });
      if (provider.mode === 'refuse') return answer(response, 418, { return: { status: 418, message: 'اعتبار حساب کافی نیست' } });
      // Received is delivered, whether or not the answer gets back: that is the crash window to cover.
      const first = !provider.delivered.has(sent.localid);
      if (first) provider.delivered.set(sent.localid, sent);
      if (first) events.emit('delivered', sent);
      if (provider.mode === 'hold') return void held.push(response);
      answer(response, 200, { return: { status: 200, message: 'تایید شد' }, entries: [{ messageid: provider.requests.length, status: 1, receptor: sent.receptor }] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return provider;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The office file's gateway settings for this provider; its key is read from NOBAT_SMS_TEST_KEY. */
export const testGateway = (provider: FakeSmsProvider) => ({ kind: 'kavenegar' as const, sender: '10004346', apiKeyEnv: 'NOBAT_SMS_TEST_KEY', baseUrl: provider.url });

/**
 * A provider for a whole test file (with the key in the environment), set back to answering, with
 * nothing received, before each test.
 */
export function useFakeSmsProvider(apiKey: string): () => FakeSmsProvider {
  let provider: FakeSmsProvider | undefined;
  before(async () => {
    provider = await startFakeSmsProvider();
    process.env.NOBAT_SMS_TEST_KEY = apiKey;
  });
  beforeEach(() => {
    provider!.mode = 'ok';
    provider!.requests.length = 0;
    provider!.delivered.clear();
  });
  after(async () => {
    await provider?.close();
    delete process.env.NOBAT_SMS_TEST_KEY;
  });
  return () => provider!;
}
