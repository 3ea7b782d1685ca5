// Staff accounts and devices administered over the API of a real configured office: an account made
// in the browser signs in, a disabled one is cut off (its open socket too), a reset password replaces
// the old, the last admin cannot lock everyone out; a device goes from pairing code to working token,
// and revoking it ends its token and its open socket at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { client } from './lib/sockets.js';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

const ADMIN_PASSWORD = 'admin-password-1';

function once<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, resolve));
}

describe('administration of accounts and devices', () => {
  let office: TestOffice;
  let admin: string;
  const sockets: Socket[] = [];

  before(async () => {
    // A configured office: no demo accounts, no unpaired screens.
    office = await startTestOffice({ config: parseOffice({ ...demoOffice, users: [{ username: 'chief', name: 'رئیس دفتر', role: 'admin', password: ADMIN_PASSWORD }] }, 'test') });
    admin = await office.login('chief', undefined, ADMIN_PASSWORD);
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await office.stop();
  });

  it('creates a staff account that signs in, and refuses a taken username or a short password in Persian', async () => {
    const created = await office.api('POST', '/admin/users', { token: admin, body: { username: 'sara', name: 'سارا کریمی', role: 'staff', password: 'sara-password' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.user.role, 'staff');
    assert.ok(await office.login('sara', 'desk-2', 'sara-password'));
    const taken = await office.api('POST', '/admin/users', { token: admin, body: { username: 'sara', name: 'دیگری', role: 'staff', password: 'another-password' } });
    assert.equal(taken.status, 409);
    assert.match(taken.body.error.message, /نام کاربری «sara» پیش‌تر گرفته شده است/);
    const short = await office.api('POST', '/admin/users', { token: admin, body: { username: 'Bad Name', name: 'x', role: 'staff', password: 'short' } });
    assert.equal(short.status, 400);
    const fields = Object.fromEntries((short.body.error.details as Array<{ field: string; message: string }>).map((d) => [d.field, d.message]));
    assert.equal(fields.password, 'گذرواژه: دست‌کم ۸ نویسه');
    assert.match(fields.username ?? '', /^نام کاربری: فقط حروف کوچک لاتین/);
  });

  it('disables an account: its token stops working and its open socket is closed', async () => {
    const token = await office.login('sara', 'desk-2', 'sara-password');
    const socket = client(office.server.url, { token });
    sockets.push(socket);
    await once(socket, 'desk:snapshot');
    const closed = once<string>(socket, 'disconnect');
    const sara = (await office.api('GET', '/admin/users', { token: admin })).body.users.find((u: { username: string }) => u.username === 'sara');
    const disabled = await office.api('PUT', `/admin/users/${sara.id}`, { token: admin, body: { version: sara.version, name: sara.name, role: 'staff', disabled: true } });
    assert.equal(disabled.status, 200);
    assert.equal(await closed, 'io server disconnect');
    assert.equal(office.server.office.state.desks.get('desk-2')?.open, false, 'no visitor is sent to the desk of a disabled clerk');
    assert.equal((await office.api('GET', '/desks', { token })).status, 401);
    assert.equal((await office.api('POST', '/auth/login', { body: { username: 'sara', password: 'sara-password', deskId: 'desk-2' } })).status, 401);
    const stale = await office.api('PUT', `/admin/users/${sara.id}`, { token: admin, body: { version: sara.version, name: sara.name, role: 'staff', disabled: false } });
    assert.equal(stale.status, 409);
  });

  it('resets a password: the old one no longer signs in, the new one does, and the trail holds no password', async () => {
    const sara = (await office.api('GET', '/admin/users', { token: admin })).body.users.find((u: { username: string }) => u.username === 'sara');
    assert.equal((await office.api('PUT', `/admin/users/${sara.id}`, { token: admin, body: { version: sara.version, name: sara.name, role: 'staff', disabled: false } })).status, 200);
    assert.equal((await office.api('POST', `/admin/users/${sara.id}/password`, { token: admin, body: { password: 'new-sara-password' } })).status, 200);
    assert.equal((await office.api('POST', '/auth/login', { body: { username: 'sara', password: 'sara-password', deskId: 'desk-2' } })).status, 401);
    assert.ok(await office.login('sara', 'desk-2', 'new-sara-password'));
    assert.equal((await office.api('POST', `/admin/users/${sara.id}/password`, { token: admin, body: { password: 'newer-sara-password' } })).status, 200);
    assert.equal(office.server.office.state.desks.get('desk-2')?.open, false, 'a reset ends the session and closes its idle desk');
    const trail = JSON.stringify((await office.api('GET', `/admin/audit?entity=user&entityId=${sara.id}`, { token: admin })).body.entries);
    assert.doesNotMatch(trail, /sara-password/);
    assert.match(trail, /reset_password/);
  });

  it('will not disable or demote the last admin', async () => {
    const chief = (await office.api('GET', '/admin/users', { token: admin })).body.users.find((u: { username: string }) => u.username === 'chief');
    const refused = await office.api('PUT', `/admin/users/${chief.id}`, { token: admin, body: { version: chief.version, name: chief.name, role: 'manager', disabled: false } });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'last_admin');
  });

  it('pairs a kiosk from a one-time code to a working token, shows its last contact, and revokes it on its open socket', async () => {
    const added = await office.api('POST', '/admin/devices', { token: admin, body: { kind: 'kiosk', name: 'کیوسک ورودی' } });
    assert.equal(added.status, 201);
    assert.match(added.body.pairingCode, /^\d{8}$/);
    assert.equal(added.body.token, undefined, 'the browser gets the code, never a token');
    // Typed on an Arabic keyboard (Arabic-Indic digits) it is the same code.
    const arabicIndic = (added.body.pairingCode as string).replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    const paired = await office.api('POST', '/auth/pair', { body: { code: arabicIndic } });
    assert.equal(paired.status, 200);
    assert.equal((await office.api('POST', '/auth/pair', { body: { code: added.body.pairingCode } })).status, 400, 'a code works once, in whichever digits');
    const kioskToken = paired.body.token as string;
    office.clock.advance(60);
    const issued = await office.api('POST', '/tickets', { token: kioskToken, body: { serviceId: 'payment' } });
    assert.equal(issued.status, 201);
    const listed = (await office.api('GET', '/admin/devices', { token: admin })).body.devices.find((d: { id: string }) => d.id === added.body.device.id);
    assert.equal(listed.lastSeenAt, office.clock.now);
    assert.equal(listed.pairingExpiresAt, null);

    const socket = client(office.server.url, { token: kioskToken });
    sockets.push(socket);
    await once(socket, 'board:snapshot');
    const closed = once<string>(socket, 'disconnect');
    const revoked = await office.api('POST', `/admin/devices/${added.body.device.id}/revoke`, { token: admin });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.device.revokedAt, office.clock.now);
    assert.equal(await closed, 'io server disconnect');
    assert.equal((await office.api('POST', '/tickets', { token: kioskToken, body: { serviceId: 'payment' } })).status, 401);
    const again = client(office.server.url, { token: kioskToken });
    sockets.push(again);
    assert.equal((await once<Error>(again, 'connect_error')).message, 'unauthorized');
    const trail = (await office.api('GET', `/admin/audit?entity=device&entityId=${added.body.device.id}`, { token: admin })).body.entries as Array<{ action: string; actorName: string }>;
    assert.deepEqual(trail.map((e) => e.action), ['revoke', 'create']);
    assert.equal(trail[0]?.actorName, 'رئیس دفتر');
  });

  it('binds a desk PC to a desk that exists', async () => {
    const missing = await office.api('POST', '/admin/devices', { token: admin, body: { kind: 'desk', name: 'رایانهٔ باجه' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'desk_required');
    const unknown = await office.api('POST', '/admin/devices', { token: admin, body: { kind: 'desk', name: 'رایانهٔ باجه', deskId: 'desk-9' } });
    assert.equal(unknown.status, 404);
    assert.equal((await office.api('POST', '/admin/devices', { token: admin, body: { kind: 'desk', name: 'رایانهٔ باجه', deskId: 'desk-3' } })).status, 201);
  });
});
