// Who may do what, as one table over real HTTP and real sockets on a configured office: every route
// the app has (read from the app itself, so a new route without a row fails here) and every socket
// action, for every role and device kind. Each cell is asserted: allowed (the request reaches the
// route: any answer but 401/403), or refused with 401 or 403 exactly. Every cell gets fresh sessions
// and a fresh ticket called at desk-1, so one cell's sign-out or cancel cannot change another's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import { digest, newId } from '../../server/auth/secrets.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { configuredOffice, PASSWORD } from './lib/configured-office.js';

const WHO = ['anonymous', 'staffOwnDesk', 'staffOtherDesk', 'manager', 'admin', 'kiosk', 'display', 'keypad', 'printer', 'deskDevice'] as const;
type Who = (typeof WHO)[number];
/** 'ok': reaches the route (any answer but 401/403); 409 on its own: the queue refuses a ticket this desk does not hold. */
type Cell = 'ok' | 401 | 403 | 409;
type Row = Record<Who, Cell>;

const DEVICES = { kiosk: 'kiosk', display: 'display', keypad: 'keypad', printer: 'printer', deskDevice: 'desk' } as const;

/** Rows are written from presets; `with` changes single cells. */
const everyone: Row = { anonymous: 'ok', staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', kiosk: 'ok', display: 'ok', keypad: 'ok', printer: 'ok', deskDevice: 'ok' };
const devicesAre = (cell: Cell) => ({ kiosk: cell, display: cell, keypad: cell, printer: cell, deskDevice: cell });
/** Anyone holding a token (staff session or device). */
const anyToken: Row = { ...everyone, anonymous: 401 };
/** Staff signed in at the desk concerned (desk-1, or the desk holding the ticket); devices must sign a person in. */
const staffAtTheDesk: Row = { anonymous: 401, staffOwnDesk: 'ok', staffOtherDesk: 403, manager: 403, admin: 403, ...devicesAre(401) };
/** Any signed-in person (staff, manager, admin). */
const staffManagersAdmins: Row = { anonymous: 401, staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', ...devicesAre(403) };
const managersAdmins: Row = { ...staffManagersAdmins, staffOwnDesk: 403, staffOtherDesk: 403 };
/** A person's own session (sign out, change password): a device is not a person. */
const ownSession: Row = { anonymous: 401, staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', ...devicesAre(401) };
/** Configuration, accounts and devices (/api/v1/admin): admins change them; managers read the configuration. */
const adminsOnly: Row = { ...managersAdmins, manager: 403 };
const kioskOnly: Row = { anonymous: 401, staffOwnDesk: 403, staffOtherDesk: 403, manager: 403, admin: 403, ...devicesAre(403), kiosk: 'ok' };

interface Fixture {
  ticketId: string;
}

interface HttpRow {
  method: string;
  /** The route as the app declares it. */
  route: string;
  /** A concrete request to it. */
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expect: Row;
}

const HTTP_TABLE: HttpRow[] = [
  { method: 'GET', route: '/', path: () => '/', expect: everyone },
  { method: 'GET', route: '/home.css', path: () => '/home.css', expect: everyone },
  { method: 'GET', route: '/api/v1/health', path: () => '/api/v1/health', expect: everyone },
  { method: 'GET', route: '/api/v1/services', path: () => '/api/v1/services', expect: everyone },
  { method: 'GET', route: '/api/v1/office', path: () => '/api/v1/office', expect: everyone },
  { method: 'POST', route: '/api/v1/auth/login', path: () => '/api/v1/auth/login', body: () => ({ username: 'admin', password: PASSWORD }), expect: everyone },
  { method: 'POST', route: '/api/v1/auth/logout', path: () => '/api/v1/auth/logout', expect: ownSession },
  { method: 'POST', route: '/api/v1/auth/logout-all', path: () => '/api/v1/auth/logout-all', expect: ownSession },
  { method: 'POST', route: '/api/v1/auth/password', path: () => '/api/v1/auth/password', body: () => ({ currentPassword: 'not the password', newPassword: 'another long one' }), expect: { ...ownSession, staffOwnDesk: 403, staffOtherDesk: 403, manager: 403, admin: 403 } },
  { method: 'GET', route: '/api/v1/auth/me', path: () => '/api/v1/auth/me', expect: anyToken },
  { method: 'POST', route: '/api/v1/auth/pair', path: () => '/api/v1/auth/pair', body: () => ({ code: '00000000' }), expect: everyone },
  { method: 'POST', route: '/api/v1/tickets', path: () => '/api/v1/tickets', body: () => ({ serviceId: 'certificate' }), expect: kioskOnly },
  { method: 'GET', route: '/api/v1/tickets/:id', path: (f) => `/api/v1/tickets/${f.ticketId}`, expect: everyone },
  { method: 'POST', route: '/api/v1/tickets/:id/sms', path: (f) => `/api/v1/tickets/${f.ticketId}/sms`, body: () => ({ mobile: '09121234567' }), expect: everyone },
  ...['recall', 'no-show', 'start', 'park', 'cancel', 'finish', 'transfer'].map(
    (action): HttpRow => ({
      method: 'POST',
      route: `/api/v1/tickets/:id/${action}`,
      path: (f) => `/api/v1/tickets/${f.ticketId}/${action}`,
      ...(action === 'transfer' ? { body: () => ({ serviceId: 'payment' }) } : {}),
      // Staff at another desk get past the door but the queue refuses a ticket their desk does not hold.
      expect: { ...staffAtTheDesk, staffOtherDesk: 409 },
    }),
  ),
  { method: 'POST', route: '/api/v1/tickets/:id/reinstate', path: (f) => `/api/v1/tickets/${f.ticketId}/reinstate`, expect: staffManagersAdmins },
  { method: 'GET', route: '/api/v1/desks', path: () => '/api/v1/desks', expect: staffManagersAdmins },
  { method: 'GET', route: '/api/v1/desks/:deskId', path: () => '/api/v1/desks/desk-1', expect: { ...staffAtTheDesk, manager: 'ok', admin: 'ok' } },
  { method: 'POST', route: '/api/v1/desks/:deskId/next', path: () => '/api/v1/desks/desk-1/next', expect: staffAtTheDesk },
  { method: 'POST', route: '/api/v1/desks/:deskId/call', path: () => '/api/v1/desks/desk-1/call', body: (f) => ({ ticketId: f.ticketId }), expect: staffAtTheDesk },
  { method: 'POST', route: '/api/v1/desks/:deskId/pause', path: () => '/api/v1/desks/desk-1/pause', body: () => ({ reason: 'break' }), expect: staffAtTheDesk },
  { method: 'POST', route: '/api/v1/desks/:deskId/resume', path: () => '/api/v1/desks/desk-1/resume', expect: staffAtTheDesk },
  { method: 'GET', route: '/api/v1/stats/summary', path: () => '/api/v1/stats/summary?from=2026-11-01&to=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/stats/report', path: () => '/api/v1/stats/report?from=2026-11-01&to=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/stats/reports', path: () => '/api/v1/stats/reports?from=2026-11-01&to=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/stats/indicators', path: () => '/api/v1/stats/indicators?from=2026-11-01&to=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/stats/report.xlsx', path: () => '/api/v1/stats/report.xlsx?from=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/stats/indicators.xlsx', path: () => '/api/v1/stats/indicators.xlsx?from=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/stats/tickets.csv', path: () => '/api/v1/stats/tickets.csv?from=2026-11-22', expect: managersAdmins },
  // The printable report: a page, not the API, but the same people (the browser sends the session cookie).
  { method: 'GET', route: '/manager/report', path: () => '/manager/report?from=2026-11-22', expect: managersAdmins },
  { method: 'GET', route: '/manager/report.css', path: () => '/manager/report.css', expect: everyone },
  { method: 'GET', route: '/manager/report-font.woff2', path: () => '/manager/report-font.woff2', expect: everyone },
  { method: 'GET', route: '/api/v1/keypads', path: () => '/api/v1/keypads', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/admin/sms', path: () => '/api/v1/admin/sms', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/alerts', path: () => '/api/v1/alerts', expect: managersAdmins },
  { method: 'POST', route: '/api/v1/alerts/:id/ack', path: () => '/api/v1/alerts/999999/ack', body: () => ({ comment: 'دیده شد' }), expect: managersAdmins },
  // The citizens' voice: visitors file and follow by code; managers and admins run the inbox and the
  // meetings; staff never reach them (a complaint about a clerk is not theirs to read). Unknown ids
  // reach the route and are told 404.
  { method: 'GET', route: '/api/v1/feedback/topics', path: () => '/api/v1/feedback/topics', expect: everyone },
  { method: 'POST', route: '/api/v1/feedback', path: () => '/api/v1/feedback', body: () => ({ kind: 'suggestion', topic: 'other', text: 'یک پیشنهاد' }), expect: everyone },
  { method: 'GET', route: '/api/v1/feedback', path: () => '/api/v1/feedback', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/feedback/assignees', path: () => '/api/v1/feedback/assignees', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/feedback/:code', path: () => '/api/v1/feedback/0000000000', expect: everyone },
  { method: 'POST', route: '/api/v1/feedback/:id/assign', path: () => '/api/v1/feedback/no-such-item/assign', body: () => ({ userId: 'no-such-user' }), expect: managersAdmins },
  { method: 'POST', route: '/api/v1/feedback/:id/answer', path: () => '/api/v1/feedback/no-such-item/answer', body: () => ({ text: 'پاسخ' }), expect: managersAdmins },
  { method: 'POST', route: '/api/v1/feedback/:id/close', path: () => '/api/v1/feedback/no-such-item/close', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/feedback/:id/contact', path: () => '/api/v1/feedback/no-such-item/contact', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/meetings', path: () => '/api/v1/meetings', expect: managersAdmins },
  { method: 'POST', route: '/api/v1/meetings', path: () => '/api/v1/meetings', body: () => ({ host: 'no-such-user', weekday: 'sun', from: '10:00', to: '12:00', place: 'اتاق مدیر' }), expect: managersAdmins },
  { method: 'GET', route: '/api/v1/meetings/hosts', path: () => '/api/v1/meetings/hosts', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/meetings/open', path: () => '/api/v1/meetings/open', expect: everyone },
  { method: 'GET', route: '/api/v1/meetings/follow-ups', path: () => '/api/v1/meetings/follow-ups', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/meetings/status/:code', path: () => '/api/v1/meetings/status/0000000000', expect: everyone },
  { method: 'POST', route: '/api/v1/meetings/status/:code/rating', path: () => '/api/v1/meetings/status/0000000000/rating', body: () => ({ score: 5 }), expect: everyone },
  { method: 'POST', route: '/api/v1/meetings/:id/registrations', path: () => '/api/v1/meetings/no-such-meeting/registrations', body: () => ({ reason: 'request' }), expect: kioskOnly },
  { method: 'GET', route: '/api/v1/meetings/:id/registrations', path: () => '/api/v1/meetings/no-such-meeting/registrations', expect: managersAdmins },
  { method: 'POST', route: '/api/v1/meetings/:id/next', path: () => '/api/v1/meetings/no-such-meeting/next', expect: managersAdmins },
  { method: 'POST', route: '/api/v1/meetings/registrations/:id/recall', path: () => '/api/v1/meetings/registrations/no-such-one/recall', expect: managersAdmins },
  { method: 'POST', route: '/api/v1/meetings/registrations/:id/result', path: () => '/api/v1/meetings/registrations/no-such-one/result', body: () => ({ result: 'resolved' }), expect: managersAdmins },
  { method: 'POST', route: '/api/v1/meetings/registrations/:id/follow-up/done', path: () => '/api/v1/meetings/registrations/no-such-one/follow-up/done', body: () => ({}), expect: managersAdmins },
  // Appointments: anyone sees the slots and books (rate-limited); the hold id and the booking code are
  // the only keys to a booking. Unknown ones reach the route and are told 404 or 410.
  { method: 'GET', route: '/api/v1/appointments/days', path: () => '/api/v1/appointments/days?serviceId=certificate', expect: everyone },
  { method: 'GET', route: '/api/v1/appointments/slots', path: () => '/api/v1/appointments/slots?serviceId=certificate&date=2026-11-23', expect: everyone },
  { method: 'POST', route: '/api/v1/appointments', path: () => '/api/v1/appointments', body: () => ({ serviceId: 'certificate', start: 0, mobile: '09121234567' }), expect: everyone },
  { method: 'POST', route: '/api/v1/appointments/:holdId/confirm', path: () => '/api/v1/appointments/AAAAAAAAAAAAAAAAAAAAAA/confirm', body: () => ({ code: '123456' }), expect: everyone },
  { method: 'GET', route: '/api/v1/appointments/:code', path: () => '/api/v1/appointments/0000000000', expect: everyone },
  { method: 'POST', route: '/api/v1/appointments/:code/cancel', path: () => '/api/v1/appointments/0000000000/cancel', expect: everyone },
  { method: 'POST', route: '/api/v1/appointments/:code/check-in', path: () => '/api/v1/appointments/0000000000/check-in', expect: kioskOnly },
  { method: 'POST', route: '/api/v1/appointments/:code/reschedule', path: () => '/api/v1/appointments/0000000000/reschedule', body: () => ({ start: 0 }), expect: everyone },
  { method: 'GET', route: '/api/v1/open/summary', path: () => '/api/v1/open/summary?from=1405-09', expect: everyone },
  { method: 'GET', route: '/api/v1/open/summary.csv', path: () => '/api/v1/open/summary.csv?from=1405-09', expect: everyone },
  { method: 'GET', route: '/open', path: () => '/open?from=1405-09', expect: everyone },
  { method: 'GET', route: '/api/v1/admin/config', path: () => '/api/v1/admin/config', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/admin/config/export', path: () => '/api/v1/admin/config/export', expect: managersAdmins },
  { method: 'GET', route: '/api/v1/admin/audit', path: () => '/api/v1/admin/audit', expect: managersAdmins },
  // Bodies without the version they were edited from: the admin's cell reaches the route and changes nothing.
  ...['office', 'board', 'printer', 'audio', 'voice'].map((section): HttpRow => ({ method: 'PUT', route: `/api/v1/admin/${section}`, path: () => `/api/v1/admin/${section}`, body: () => ({}), expect: adminsOnly })),
  // The logo routes take an image; a JSON body reaches them and is refused as not an image (415). A stale version changes nothing.
  { method: 'POST', route: '/api/v1/admin/printer/logo/preview', path: () => '/api/v1/admin/printer/logo/preview', body: () => ({}), expect: adminsOnly },
  { method: 'PUT', route: '/api/v1/admin/printer/logo', path: () => '/api/v1/admin/printer/logo?version=0', body: () => ({}), expect: adminsOnly },
  { method: 'DELETE', route: '/api/v1/admin/printer/logo', path: () => '/api/v1/admin/printer/logo?version=999', expect: adminsOnly },
  ...['services', 'desks'].flatMap((kind): HttpRow[] => [
    { method: 'POST', route: `/api/v1/admin/${kind}`, path: () => `/api/v1/admin/${kind}`, body: () => ({}), expect: adminsOnly },
    { method: 'PUT', route: `/api/v1/admin/${kind}/:id`, path: () => `/api/v1/admin/${kind}/no-such-one`, body: () => ({}), expect: adminsOnly },
    { method: 'DELETE', route: `/api/v1/admin/${kind}/:id`, path: () => `/api/v1/admin/${kind}/no-such-one?version=0`, expect: adminsOnly },
  ]),
  { method: 'GET', route: '/api/v1/admin/users', path: () => '/api/v1/admin/users', expect: adminsOnly },
  { method: 'POST', route: '/api/v1/admin/users', path: () => '/api/v1/admin/users', body: () => ({}), expect: adminsOnly },
  { method: 'PUT', route: '/api/v1/admin/users/:id', path: () => '/api/v1/admin/users/no-such-user', body: () => ({ version: 0, name: 'x', role: 'staff', disabled: false }), expect: adminsOnly },
  { method: 'POST', route: '/api/v1/admin/users/:id/password', path: () => '/api/v1/admin/users/no-such-user/password', body: () => ({ password: 'a long enough one' }), expect: adminsOnly },
  { method: 'GET', route: '/api/v1/admin/devices', path: () => '/api/v1/admin/devices', expect: adminsOnly },
  { method: 'POST', route: '/api/v1/admin/devices', path: () => '/api/v1/admin/devices', body: () => ({}), expect: adminsOnly },
  { method: 'POST', route: '/api/v1/admin/devices/:id/revoke', path: () => '/api/v1/admin/devices/no-such-device/revoke', expect: adminsOnly },
  // The screens' pages and files are public: each screen asks for its own token or sign-in.
  { method: 'GET', route: '/feedback/:code{[0-9]{10}}', path: () => '/feedback/0000000000', expect: everyone },
  ...['/kiosk', '/desk', '/manager', '/display', '/book', '/feedback'].flatMap((page): HttpRow[] => [
    { method: 'GET', route: page, path: () => page, expect: everyone },
    { method: 'GET', route: `${page}/`, path: () => `${page}/`, expect: everyone },
  ]),
  { method: 'GET', route: '/display/voice/:file{[a-z0-9-]{1,40}\\.wav}', path: () => '/display/voice/chime.wav', expect: everyone },
  { method: 'GET', route: '/t/:id{[A-Za-z0-9_-]{8,64}}', path: (f) => `/t/${f.ticketId}`, expect: everyone },
  { method: 'GET', route: '/assets/:file', path: () => '/assets/none.js', expect: everyone },
];

/** What each kind of socket may do: connect, and which rooms' news it gets. */
interface SocketRow {
  action: string;
  expect: Record<Who | 'ticketHolder', 'ok' | 'refused'>;
}

const SOCKET_TABLE: SocketRow[] = [
  {
    action: 'connect',
    expect: { anonymous: 'refused', ticketHolder: 'ok', staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', kiosk: 'ok', display: 'ok', keypad: 'refused', printer: 'refused', deskDevice: 'refused' },
  },
  {
    action: 'board:snapshot (numbers and desks)',
    expect: { anonymous: 'refused', ticketHolder: 'refused', staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', kiosk: 'ok', display: 'ok', keypad: 'refused', printer: 'refused', deskDevice: 'refused' },
  },
  {
    action: 'desk:snapshot of desk-1',
    expect: { anonymous: 'refused', ticketHolder: 'refused', staffOwnDesk: 'ok', staffOtherDesk: 'refused', manager: 'refused', admin: 'refused', kiosk: 'refused', display: 'refused', keypad: 'refused', printer: 'refused', deskDevice: 'refused' },
  },
  {
    action: 'queue:event (every event, for staff)',
    expect: { anonymous: 'refused', ticketHolder: 'refused', staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', kiosk: 'refused', display: 'refused', keypad: 'refused', printer: 'refused', deskDevice: 'refused' },
  },
  {
    action: 'ticket:track (follow a ticket by its id)',
    expect: { anonymous: 'refused', ticketHolder: 'ok', staffOwnDesk: 'ok', staffOtherDesk: 'ok', manager: 'ok', admin: 'ok', kiosk: 'ok', display: 'ok', keypad: 'refused', printer: 'refused', deskDevice: 'refused' },
  },
];
/** Socket events a client may send; a new one needs a row in SOCKET_TABLE. */
const CLIENT_EVENTS = ['ticket:track'];

/** Fails (rather than hangs) when what a cell waits for never comes. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not come within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('authorization table', () => {
  let office: TestOffice;
  const userIds = new Map<string, string>();

  before(async () => {
    const unlimited = { capacity: 100_000, refillPerSecond: 100_000 };
    office = await startTestOffice({ config: configuredOffice(), limits: { http: unlimited, voice: { intake: unlimited, lookup: unlimited }, booking: { hold: unlimited, lookup: unlimited } } });
    for (const { id, username } of office.server.db.prepare(`SELECT id, username FROM users`).all() as Array<{ id: string; username: string }>) userIds.set(username, id);
  });
  after(() => office.stop());

  const userId = (username: string) => userIds.get(username) ?? assert.fail(`no user ${username}`);
  const open = (deskId: string, username: string) => office.server.office.execute({ type: 'openDesk', deskId, staffId: userId(username) }, { id: `user:${userId(username)}`, staffId: userId(username) });

  /** A fresh token for `who` (null for anonymous), and a fresh ticket called at desk-1 by staff1. */
  const prepare = async (who: Who): Promise<{ token: string | null; fixture: Fixture }> => {
    const { office: queue, accounts } = office.server;
    await open('desk-1', 'staff1');
    await open('desk-2', 'staff2');
    const desk1 = queue.state.desks.get('desk-1')!;
    if (desk1.pause) await queue.execute({ type: 'resumeDesk', deskId: 'desk-1' }, { id: 'test', staffId: userId('staff1') });
    const held = desk1.currentTicketId;
    if (held) {
      const actor = { id: 'test', staffId: userId('staff1') };
      if (queue.state.tickets.get(held)?.status === 'serving') await queue.execute({ type: 'finishService', deskId: 'desk-1', ticketId: held, outcome: 'done', note: null }, actor);
      else await queue.execute({ type: 'park', deskId: 'desk-1', ticketId: held }, actor);
    }
    const ticketId = newId();
    await queue.execute({ type: 'issueTicket', ticketId, serviceId: 'certificate', priorityGroup: null }, { id: 'test', staffId: null });
    await queue.execute({ type: 'callTicket', deskId: 'desk-1', ticketId }, { id: 'test', staffId: userId('staff1') });
    const session = (username: string, deskId: string | null) => accounts.openSession(userId(username), deskId).token;
    const token =
      who === 'anonymous' ? null
      : who === 'staffOwnDesk' ? session('staff1', 'desk-1')
      : who === 'staffOtherDesk' ? session('staff2', 'desk-2')
      : who === 'manager' || who === 'admin' ? session(who, null)
      : accounts.addDevice(DEVICES[who], `${who} under test`, who === 'deskDevice' ? 'desk-1' : null).token;
    return { token, fixture: { ticketId } };
  };

  it('has a row for every route of the app, and no row for a route it does not have', () => {
    const declared = new Set(office.server.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const tabled = new Set(HTTP_TABLE.map((r) => `${r.method} ${r.route}`));
    const missing = [...declared].filter((r) => !tabled.has(r));
    assert.deepEqual(
      missing,
      [],
      `routes without a row in HTTP_TABLE of test/security/authorization.test.ts — add one each, e.g.\n` +
        missing.map((r) => `  { method: '${r.split(' ')[0]}', route: '${r.split(' ')[1]}', path: () => '<a concrete path>', expect: managersAdmins /* or everyone, anyToken, staffAtTheDesk, staffManagersAdmins, adminsOnly, ownSession, kioskOnly, with changes */ },`).join('\n'),
    );
    assert.deepEqual([...tabled].filter((r) => !declared.has(r)), [], 'rows for routes the app no longer has: remove them');
  });

  for (const row of HTTP_TABLE) {
    it(`${row.method} ${row.route}`, async () => {
      const wrong: string[] = [];
      for (const who of WHO) {
        const { token, fixture } = await prepare(who);
        const body = row.body?.(fixture);
        const response = await fetch(`${office.server.url}${row.path(fixture)}`, {
          method: row.method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          redirect: 'manual',
        });
        await response.arrayBuffer();
        const expected = row.expect[who];
        const fine = expected === 'ok' ? response.status !== 401 && response.status !== 403 : response.status === expected;
        if (!fine) wrong.push(`${who}: expected ${expected}, got ${response.status}`);
      }
      assert.deepEqual(wrong, [], `${row.method} ${row.route}`);
    });
  }

  it('has a row for every socket event a client may send', () => {
    for (const event of CLIENT_EVENTS) assert.ok(SOCKET_TABLE.some((r) => r.action.startsWith(event)), `SOCKET_TABLE needs a row for ${event}`);
  });

  it('sockets: who may connect, and what each hears', async () => {
    const wrong: string[] = [];
    for (const who of [...WHO, 'ticketHolder'] as const) {
      const { token, fixture } = await prepare(who === 'ticketHolder' ? 'anonymous' : who);
      const auth = who === 'ticketHolder' ? { ticketId: fixture.ticketId } : token ? { token } : {};
      const socket: Socket = connect(office.server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      const heard = new Set<string>();
      for (const event of ['board:snapshot', 'queue:event', 'ticket:snapshot']) socket.on(event, () => heard.add(event));
      socket.on('desk:snapshot', (view: { desk?: { id: string } }) => heard.add(`desk:snapshot ${view.desk?.id}`));
      const connected = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      let tracked = false;
      if (connected) {
        if (who !== 'ticketHolder') {
          const answer = new Promise<boolean>((resolve) => {
            socket.once('ticket:snapshot', () => resolve(true));
            socket.once('error:refused', () => resolve(false));
          });
          socket.emit('ticket:track', { ticketId: fixture.ticketId });
          tracked = await answer;
        }
        // A change at desk-1 that every room hears of. The tracked ticket's snapshot is the last message of
        // the flush that follows (board, then desks, then tickets), so once it is here, so is the rest.
        if (tracked || who === 'ticketHolder') {
          const before = office.server.office.lastSeq();
          const flushed = new Promise<void>((resolve) => socket.on('ticket:snapshot', (view: { seq: number }) => view.seq > before && resolve()));
          await office.server.office.execute({ type: 'recall', deskId: 'desk-1', ticketId: fixture.ticketId }, { id: 'test', staffId: userId('staff1') });
          await within(flushed, 10_000, `${who}: the recalled ticket's snapshot`);
          if (who === 'ticketHolder') tracked = true;
        }
      }
      socket.close();
      const actual: Record<string, 'ok' | 'refused'> = {
        connect: connected ? 'ok' : 'refused',
        'board:snapshot (numbers and desks)': heard.has('board:snapshot') ? 'ok' : 'refused',
        'desk:snapshot of desk-1': heard.has('desk:snapshot desk-1') ? 'ok' : 'refused',
        'queue:event (every event, for staff)': heard.has('queue:event') ? 'ok' : 'refused',
        'ticket:track (follow a ticket by its id)': tracked ? 'ok' : 'refused',
      };
      for (const row of SOCKET_TABLE) if (actual[row.action] !== row.expect[who]) wrong.push(`${who} ${row.action}: expected ${row.expect[who]}, got ${actual[row.action]}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('a session token is stored only as its digest', () => {
    const token = office.server.accounts.openSession(userId('manager'), null).token;
    const row = office.server.db.prepare(`SELECT token_hash FROM sessions WHERE token_hash = ?`).get(digest(token));
    assert.ok(row);
    assert.equal(office.server.db.prepare(`SELECT 1 FROM sessions WHERE token_hash = ?`).get(token), undefined);
  });
});
