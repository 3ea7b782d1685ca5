// The administration API over a real server, database and Socket.IO clients: who may do what, that
// a change reaches the screens at once, that a bad or stale change is refused in Persian and leaves
// nothing behind, that each change is in the audit trail, and that an export loads back as an office.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { loadOfficeFile } from '../../server/config/load.js';
import { client, next } from './lib/sockets.js';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

/** Resolves with the value, or rejects when it takes longer than `ms` (the live-apply promise). */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('administration API', () => {
  let office: TestOffice;
  let admin: string;
  const sockets: Socket[] = [];
  const open = (auth: Record<string, unknown>) => {
    const socket = client(office.server.url, auth);
    sockets.push(socket);
    return socket;
  };
  const config = async () => (await office.api('GET', '/admin/config', { token: admin })).body;
  const service = async (id: string) => {
    const { config: c, versions } = await config();
    return { service: c.services.find((s: { id: string }) => s.id === id), version: versions[`service:${id}`] as number };
  };

  before(async () => {
    office = await startTestOffice();
    admin = await office.login('admin');
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await office.stop();
  });

  it('lets admins change, managers read, and no one else in', async () => {
    assert.equal((await office.api('GET', '/admin/config')).status, 401);
    const staff = await office.login('staff1', 'desk-1');
    assert.equal((await office.api('GET', '/admin/config', { token: staff })).status, 403);
    assert.equal((await office.api('GET', '/admin/audit', { token: staff })).status, 403);
    const manager = await office.login('manager');
    assert.equal((await office.api('GET', '/admin/config', { token: manager })).status, 200);
    assert.equal((await office.api('GET', '/admin/audit', { token: manager })).status, 200);
    const { service: payment, version } = await service('payment');
    const refused = await office.api('PUT', '/admin/services/payment', { token: manager, body: { ...payment, name: 'نام تازه', version } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.equal((await office.api('GET', '/admin/users', { token: manager })).status, 403);
    assert.equal((await office.api('POST', '/admin/devices', { token: manager, body: { kind: 'kiosk', name: 'x' } })).status, 403);
  });

  it('renames a service and every screen hears it within a second, without reloading', async () => {
    const kiosk = open({ screen: 'kiosk' });
    await next(kiosk, 'board:snapshot');
    const { service: certificate, version } = await service('certificate');
    const heard = next<{ name: string; revision: number }>(kiosk, 'config:changed');
    const board = next<{ services: Array<{ id: string; name: string }> }>(kiosk, 'board:snapshot', (b) => b.services.some((s) => s.name === 'گواهی‌های ملکی'));
    const started = Date.now();
    const { status, body } = await office.api('PUT', '/admin/services/certificate', { token: admin, body: { ...certificate, name: 'گواهی‌های ملکی', version } });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.version, version + 1);
    await within(1000, Promise.all([heard, board]), 'the rename reaching the kiosk');
    assert.ok(Date.now() - started < 1000);
    const services = (await office.api('GET', '/services')).body as Array<{ id: string; name: string }>;
    assert.equal(services.find((s) => s.id === 'certificate')?.name, 'گواهی‌های ملکی');
  });

  it("refuses a service's hours whose spans overlap or run backwards, naming the day in Persian", async () => {
    const { service: payment, version } = await service('payment');
    const hours = { alwaysOpen: false, week: { sun: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }], mon: [{ from: '12:00', to: '10:00' }] } };
    const { status, body } = await office.api('PUT', '/admin/services/payment', { token: admin, body: { ...payment, hours, version } });
    assert.equal(status, 400);
    const fields = Object.fromEntries((body.error.details as Array<{ field?: string; message: string }>).map((d) => [d.field, d.message]));
    assert.equal(fields['hours.week.sun.1'], 'ساعت کاری یکشنبه: بازهٔ ۰۸:۰۰ تا ۱۲:۰۰ و بازهٔ ۱۱:۰۰ تا ۱۳:۰۰ روی هم افتاده‌اند.');
    assert.match(fields['hours.week.mon.0'] ?? '', /ساعت شروع باید پیش از ساعت پایان باشد/);
    assert.equal((await service('payment')).service.hours, undefined);
  });

  it('refuses an invalid change with Persian messages per field and saves nothing', async () => {
    const before = await config();
    const { service: payment, version } = await service('payment');
    const { status, body } = await office.api('PUT', '/admin/services/payment', { token: admin, body: { ...payment, prefix: '1', name: '  ', version } });
    assert.equal(status, 400);
    assert.equal(body.error.code, 'invalid_config');
    const fields = Object.fromEntries((body.error.details as Array<{ field?: string; message: string }>).map((d) => [d.field, d.message]));
    assert.match(fields.prefix ?? '', /^پیشوند «1» را خدمت/);
    assert.match(fields.prefix ?? '', /صدور گواهی|گواهی‌های ملکی/);
    assert.equal(fields.name, 'نام: نباید خالی باشد');
    assert.deepEqual(await config(), before);
    const workprofile = await office.api('PUT', '/admin/desks/desk-2', { token: admin, body: { ...before.config.desks[1], services: ['payment', 'ghost'], version: before.versions['desk:desk-2'] } });
    assert.equal(workprofile.status, 400);
    assert.equal(workprofile.body.error.details[0].field, 'services.1');
    assert.match(workprofile.body.error.message, /خدمت «ghost» وجود ندارد/);
  });

  it('tells the second of two admins editing the same service who saved first, and keeps the first change', async () => {
    await office.server.accounts.addUser({ username: 'admin2', name: 'مدیر دوم', role: 'admin', password: 'second-admin-pw' });
    const second = await office.login('admin2', undefined, 'second-admin-pw');
    const { service: request, version } = await service('request');
    const first = await office.api('PUT', '/admin/services/request', { token: admin, body: { ...request, targetWaitMinutes: 25, version } });
    assert.equal(first.status, 200);
    const stale = await office.api('PUT', '/admin/services/request', { token: second, body: { ...request, targetWaitMinutes: 40, version } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'version_conflict');
    assert.match(stale.body.error.message, /«مدیر سامانه»/);
    assert.equal(stale.body.error.details.current.targetWaitMinutes, 25);
    assert.equal((await service('request')).service.targetWaitMinutes, 25);
    // Another service is not the same thing: no conflict.
    const other = await service('documents');
    assert.equal((await office.api('PUT', '/admin/services/documents', { token: second, body: { ...other.service, targetWaitMinutes: 18, version: other.version } })).status, 200);
  });

  it('closes a service: the kiosk cannot issue it, its waiting ticket stays valid, says so, and is called', async () => {
    const { body: ticket } = await office.api('POST', '/tickets', { body: { serviceId: 'contractor' } });
    const phone = open({ ticketId: ticket.id });
    await next(phone, 'ticket:snapshot');
    const told = next<{ serviceClosed?: boolean }>(phone, 'ticket:snapshot', (t) => t.serviceClosed === true);
    const { service: contractor, version } = await service('contractor');
    const closed = await office.api('PUT', '/admin/services/contractor', { token: admin, body: { ...contractor, active: false, version } });
    assert.equal(closed.status, 200);
    await within(1000, told, 'the closing reaching the tracking page');
    const refused = await office.api('POST', '/tickets', { body: { serviceId: 'contractor' } });
    assert.equal(refused.status, 409);
    const listed = ((await office.api('GET', '/services')).body as Array<{ id: string; active: boolean }>).find((s) => s.id === 'contractor');
    assert.equal(listed?.active, false);
    // No desk may drop it while its ticket waits…
    const desk4 = (await config()).config.desks.find((d: { id: string }) => d.id === 'desk-4');
    const versions = (await config()).versions;
    const desk1 = (await config()).config.desks.find((d: { id: string }) => d.id === 'desk-1');
    assert.equal((await office.api('PUT', '/admin/desks/desk-4', { token: admin, body: { ...desk4, services: ['complaint'], version: versions['desk:desk-4'] } })).status, 200);
    const stranding = await office.api('PUT', '/admin/desks/desk-1', { token: admin, body: { ...desk1, services: ['certificate', 'payment'], version: versions['desk:desk-1'] } });
    assert.equal(stranding.status, 409);
    assert.equal(stranding.body.error.code, 'tickets_stranded');
    assert.match(stranding.body.error.message, /خدمت «امور پیمانکاران و اشخاص حقوقی» هنوز در انتظار است/);
    // …and a desk that serves it calls it.
    const staff = await office.login('staff1', 'desk-1');
    let called: { ticket: { id: string } } | null = null;
    for (let i = 0; i < 20 && called?.ticket.id !== ticket.id; i++) {
      const answer = await office.api('POST', '/desks/desk-1/next', { token: staff });
      assert.equal(answer.status, 200);
      called = answer.body;
    }
    assert.equal(called?.ticket.id, ticket.id);
  });

  it('refuses deleting a service with tickets, deletes an unused one, and refuses removing a desk in use', async () => {
    const { version } = await service('contractor');
    const used = await office.api('DELETE', `/admin/services/contractor?version=${version}`, { token: admin });
    assert.equal(used.status, 409);
    assert.match(used.body.error.message, /غیرفعال کنید/);
    const created = await office.api('POST', '/admin/services', {
      token: admin,
      body: { id: 'passport', code: 'PASS', name: 'گذرنامه', nameEn: 'Passports', prefix: '7', active: false, guidance: { description: 'درخواست گذرنامه', expectedMinutes: 10 } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await office.api('DELETE', `/admin/services/passport?version=${created.body.version}`, { token: admin })).status, 200);
    const desks = (await config()).versions;
    const busy = await office.api('DELETE', `/admin/desks/desk-1?version=${desks['desk:desk-1']}`, { token: admin });
    assert.equal(busy.status, 409);
    assert.equal(busy.body.error.code, 'desk_in_use');
  });

  it('adds an open service with the desks that serve it in one step, refused without a desk', async () => {
    const visa = { id: 'visa', code: 'VISA', name: 'روادید', nameEn: 'Visas', prefix: '8', guidance: { description: 'درخواست روادید', expectedMinutes: 10 } };
    const alone = await office.api('POST', '/admin/services', { token: admin, body: visa });
    assert.equal(alone.status, 400, 'an open service that no desk calls');
    assert.match(JSON.stringify(alone.body.error), /هیچ باجه‌ای/);
    const unknown = await office.api('POST', '/admin/services', { token: admin, body: { ...visa, deskIds: ['desk-99'] } });
    assert.equal(unknown.body.error.code, 'unknown_desk');
    const created = await office.api('POST', '/admin/services', { token: admin, body: { ...visa, deskIds: ['desk-2', 'desk-3'] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { desks, services } = (await config()).config as { desks: Array<{ id: string; services: string[] }>; services: Array<{ id: string; active: boolean }> };
    assert.deepEqual(desks.filter((d) => d.services.includes('visa')).map((d) => d.id), ['desk-2', 'desk-3']);
    assert.equal(services.find((s) => s.id === 'visa')?.active, true);
  });

  it('changes the paper settings but never the printer transport, which only the office file sets', async () => {
    const version = async () => (await config()).versions.printer ?? 0;
    const elsewhere = join(office.dataDir, 'elsewhere');
    for (const transport of [{ kind: 'file', dir: elsewhere }, { kind: 'tcp', host: '127.0.0.1', port: 9 }, { kind: 'serial', path: '/dev/ttyS0' }]) {
      const refused = await office.api('PUT', '/admin/printer', { token: admin, body: { version: await version(), widthDots: 384, transport } });
      assert.equal(refused.status, 400, transport.kind);
      assert.equal(refused.body.error.code, 'printer_transport_fixed');
      assert.match(refused.body.error.message, /\p{Script=Arabic}/u);
    }
    assert.equal((await config()).config.printer?.transport, undefined);
    assert.notEqual((await config()).config.printer?.widthDots, 384, 'a refused change saves nothing');

    const saved = await office.api('PUT', '/admin/printer', { token: admin, body: { version: await version(), widthDots: 384, headerText: 'سرصفحهٔ تازه' } });
    assert.equal(saved.status, 200);
    const { printer } = (await config()).config;
    assert.deepEqual([printer.widthDots, printer.headerText, printer.transport], [384, 'سرصفحهٔ تازه', undefined]);
  });

  it('records every change in the audit trail: who, when, before and after', async () => {
    const { body } = await office.api('GET', '/admin/audit?entity=service&entityId=request', { token: admin });
    const [latest] = body.entries;
    assert.equal(latest.actorName, 'مدیر سامانه');
    assert.equal(latest.action, 'update');
    assert.equal(latest.before.targetWaitMinutes, 15);
    assert.equal(latest.after.targetWaitMinutes, 25);
    assert.equal(latest.at, office.clock.now);
    const all = (await office.api('GET', '/admin/audit?limit=100', { token: admin })).body.entries as Array<{ seq: number; entity: string; action: string }>;
    assert.ok(all.some((e) => e.entity === 'service' && e.action === 'delete'));
    assert.ok(all.every((e, i) => i === 0 || e.seq < all[i - 1]!.seq), 'newest first');
    // The refused changes above left no trace.
    assert.equal(all.filter((e) => e.entity === 'service' && e.action === 'update').length, 4);
  });

  it('changes the board texts live and keeps every change over a restart', async () => {
    const display = open({ screen: 'display' });
    await next(display, 'board:snapshot');
    const { versions } = await config();
    const heard = next<{ announcements: string[]; charter: string }>(display, 'config:changed');
    const saved = await office.api('PUT', '/admin/board', { token: admin, body: { version: versions.board, charter: 'منشور تازه\n\nبند یکم', announcements: ['اعلان تازه'] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const change = await within(1000, heard, 'the announcement reaching the display');
    assert.deepEqual(change.announcements, ['اعلان تازه']);
    await office.restart();
    admin = await office.login('admin');
    const after = await config();
    assert.deepEqual(after.config.announcements, ['اعلان تازه']);
    assert.equal(after.config.services.find((s: { id: string }) => s.id === 'certificate').name, 'گواهی‌های ملکی');
    assert.equal(after.versions.board, 1);
  });

  it('exports the configuration as an office file that loads back and starts a sister office', async () => {
    const exported = await fetch(`${office.server.url}/api/v1/admin/config/export`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-type') ?? '', /yaml/);
    const file = join(office.dataDir, 'sister.yaml');
    writeFileSync(file, await exported.text());
    const loaded = loadOfficeFile(file);
    assert.deepEqual(loaded, { ...office.server.config, users: [] });
    const sister = await startTestOffice({ config: loaded });
    try {
      const services = (await sister.api('GET', '/services')).body as Array<{ id: string; name: string; active: boolean }>;
      assert.equal(services.find((s) => s.id === 'certificate')?.name, 'گواهی‌های ملکی');
      assert.equal(services.find((s) => s.id === 'contractor')?.active, false);
    } finally {
      await sister.stop();
    }
  });
});

describe('nobat config export', () => {
  it('writes what admins left in the database as an office file that loads back', async () => {
    const office = await startTestOffice();
    const dataDir = office.dataDir;
    try {
      const admin = await office.login('admin');
      const { body } = await office.api('GET', '/admin/config', { token: admin });
      const saved = await office.api('PUT', '/admin/office', { token: admin, body: { version: body.versions.office, name: 'دفتر پیشخوان شمارهٔ ۲', hours: body.config.hours, policy: { ...body.config.policy, noShowGraceSeconds: 90 } } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const out = join(dataDir, 'exported.yaml');
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, ['bin/nobat.js', 'config', 'export', '--data', dataDir, '--out', out], (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }));
      });
      assert.equal(run.code, 0, run.stderr);
      const loaded = loadOfficeFile(out);
      assert.equal(loaded.name, 'دفتر پیشخوان شمارهٔ ۲');
      assert.equal(loaded.nameEn, undefined, 'a field the admin cleared stays cleared');
      assert.equal(loaded.policy.noShowGraceSeconds, 90);
      assert.deepEqual(loaded, { ...office.server.config, users: [] });
    } finally {
      await office.stop();
    }
  });
});
