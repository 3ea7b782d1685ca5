// A visitor's mobile number, given with a complaint, goes nowhere it should not: not into the log
// (stderr), the event log, the database in clear, the code's read-back, the managers' list, the open
// page or its JSON and CSV, the indicators, the workbook or the tickets export. It is stored sealed
// under a key file readable only by the server's user, opens only for its own row, reaches a manager
// only through the contact route (which records who read it), and is erased after the office's
// retention period.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../server/log.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { MobileVault } from '../../server/voice/mobile-vault.js';
import { MOBILE_KEY_FILE } from '../../server/voice/voice.js';
import { configuredOffice, PASSWORD } from './lib/configured-office.js';
import { MORNING } from '../integration/lib/office-server.js';

const TYPED = '۰۹۱۲ ۷۷۷ ۶۶۵۵';
const FORMS = ['09127776655', '9127776655', '۰۹۱۲۷۷۷۶۶۵۵', '912 777', '777 6655', '7776655'];

describe('a visitor’s mobile number', () => {
  let server: RunningServer;
  let dataDir: string;
  const clock = { now: MORNING };
  const logged: string[] = [];
  const originalWrite = process.stderr.write.bind(process.stderr);

  const fetchText = async (path: string, token?: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    assert.ok(response.status < 400, `${path} → ${response.status}`);
    return Buffer.from(await response.arrayBuffer()).toString('utf8');
  };
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  before(async () => {
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    dataDir = mkdtempSync(join(tmpdir(), 'nobat-voice-privacy-'));
    server = await startServer({ dataDir, port: 0, host: '127.0.0.1', clock: () => clock.now, config: configuredOffice({ voice: { mobileRetentionDays: 30 } }), log: createLogger() });
  });
  after(async () => {
    process.stderr.write = originalWrite;
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is kept sealed, shown to no one but a manager who asks, and erased after the retention period', async () => {
    const kiosk = server.accounts.addDevice('kiosk', 'entrance', null).token;
    const ticket = await post('/tickets', { serviceId: 'payment' }, kiosk);
    const filed = await post('/feedback', { kind: 'complaint', topic: 'staff_behaviour', text: 'با من بد رفتار شد', ticketId: ticket.body.id, mobile: TYPED }, kiosk);
    assert.equal(filed.status, 201);
    const { id, code } = filed.body as { id: string; code: string };
    const manager = (await post('/auth/login', { username: 'manager', password: PASSWORD })).body.token!;

    const answers = [
      JSON.stringify(filed.body),
      await fetchText(`/api/v1/feedback/${code}`),
      await fetchText('/api/v1/feedback', manager),
      await fetchText('/open?from=1405-09'),
      await fetchText('/api/v1/open/summary?from=1405-09'),
      await fetchText('/api/v1/open/summary.csv?from=1405-09'),
      await fetchText('/api/v1/stats/indicators?from=1405-09', manager),
      await fetchText('/manager/report?from=1405-09', manager),
      await fetchText('/api/v1/stats/tickets.csv?from=1405-09', manager),
      await fetchText('/api/v1/admin/config/export', manager),
    ];
    const rows = server.db.prepare(`SELECT * FROM feedback`).all();
    const events = server.db.prepare(`SELECT data FROM events`).all();
    const places = { answers: answers.join('\n'), database: JSON.stringify(rows), events: JSON.stringify(events), log: logged.join('') };
    for (const [where, text] of Object.entries(places)) {
      for (const form of FORMS) assert.ok(!text.includes(form), `${where} holds the number (${form})`);
    }
    const listed = JSON.parse(answers[2]!) as Array<{ id: string; hasMobile: boolean }>;
    assert.equal(listed[0]?.hasMobile, true);

    const keyFile = join(dataDir, MOBILE_KEY_FILE);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600, 'the key file is readable by the server’s user only');
    const { mobile_sealed: sealed } = server.db.prepare(`SELECT mobile_sealed FROM feedback WHERE id = ?`).get(id) as { mobile_sealed: string };
    const vault = MobileVault.open(keyFile);
    assert.equal(vault.open(sealed, id), '09127776655');
    assert.throws(() => vault.open(sealed, 'another-row'), 'a sealed number moved to another row does not open');

    const contact = JSON.parse(await fetchText(`/api/v1/feedback/${id}/contact`, manager)) as { mobile: string | null };
    assert.equal(contact.mobile, '09127776655');
    const read = server.db.prepare(`SELECT actor FROM events WHERE type = 'voice.feedback_contact_read'`).all() as Array<{ actor: string }>;
    assert.equal(read.length, 1);
    assert.match(read[0]!.actor, /^user:/);

    clock.now += 31 * 86_400_000;
    const later = (await post('/auth/login', { username: 'manager', password: PASSWORD })).body.token!;
    assert.deepEqual(JSON.parse(await fetchText(`/api/v1/feedback/${id}/contact`, later)), { mobile: null });
    assert.equal((server.db.prepare(`SELECT mobile_sealed FROM feedback WHERE id = ?`).get(id) as { mobile_sealed: string | null }).mobile_sealed, null);
    assert.equal(JSON.parse(await fetchText('/api/v1/feedback', later))[0].hasMobile, false);
    const erased = server.db.prepare(`SELECT data FROM events WHERE type = 'voice.mobiles_erased'`).all() as Array<{ data: string }>;
    assert.equal(JSON.parse(erased[0]!.data).count, 1);
  });
});
