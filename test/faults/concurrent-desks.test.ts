// Four desks pressing call-next at the same instant, round after round, against the real server in
// its own process: no ticket is ever given to two desks (by the answers and by the event log), and a
// retried call-next with the same X-Request-Id answers with the same ticket and calls nothing new.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, spawnServer, type SpawnedServer } from './lib/spawn-server.js';
import { call, isRecord, login, type Answer } from './lib/http.js';
import { eventRows, logAndProjectionDisagreements, withDb } from './lib/db.js';

const DESKS = [
  { id: 'desk-1', user: 'staff1', services: ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'] },
  { id: 'desk-2', user: 'staff2', services: ['payment', 'certificate'] },
  { id: 'desk-3', user: 'staff3', services: ['request', 'documents', 'certificate'] },
  { id: 'desk-4', user: 'staff4', services: ['complaint', 'contractor', 'documents'] },
] as const;
/** certificate is served by desks 1–3 and documents by desks 1, 3 and 4: all four desks contend. */
const SERVICES = ['certificate', 'documents'] as const;
const TICKETS = 48;
/** Released: the desk no longer holds the ticket. */
const RELEASES = new Set(['ticket.finished', 'ticket.transferred', 'ticket.parked', 'ticket.no_show', 'ticket.cancelled']);

function calledTicket(answer: Answer): { id: string; serviceId: string; deskId: unknown; status: unknown } | null {
  if (answer.status === 204) return null;
  assert.equal(answer.status, 200, `call-next: ${answer.status} ${JSON.stringify(answer.body)}`);
  assert.ok(isRecord(answer.body) && isRecord(answer.body['ticket']), JSON.stringify(answer.body));
  const ticket = answer.body['ticket'];
  assert.equal(typeof ticket['id'], 'string');
  assert.equal(typeof ticket['serviceId'], 'string');
  return { id: ticket['id'] as string, serviceId: ticket['serviceId'] as string, deskId: ticket['deskId'], status: ticket['status'] };
}

async function lastSeq(server: SpawnedServer): Promise<number> {
  const answer = await call(server.url, 'GET', '/health');
  assert.ok(isRecord(answer.body) && typeof answer.body['seq'] === 'number');
  return answer.body['seq'];
}

describe('desks calling next at the same instant', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-desks-'));
  let server: SpawnedServer;
  const tokens = new Map<string, string>();
  const issued = new Set<string>();

  before(async () => {
    server = await spawnServer(dataDir);
    for (const desk of DESKS) tokens.set(desk.id, await login(server.url, desk.user, desk.id));
    for (let n = 0; n < TICKETS; n++) {
      const answer = await call(server.url, 'POST', '/tickets', { json: { serviceId: SERVICES[n % SERVICES.length] } });
      assert.equal(answer.status, 201);
      assert.ok(isRecord(answer.body) && typeof answer.body['id'] === 'string');
      issued.add(answer.body['id']);
    }
  });
  after(async () => {
    await killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('no ticket is ever called to two desks, and retried call-next requests call nothing new', { timeout: 60_000 }, async () => {
    /** ticket id → the desk whose answer carried it. */
    const calledTo = new Map<string, string>();
    let round = 0;
    let retriesChecked = 0;
    for (;;) {
      round++;
      assert.ok(round <= TICKETS + 5, 'the line drains');
      // Every desk presses next at once; in the first rounds a kiosk issues a ticket at the same time.
      const requestIds = DESKS.map((desk) => `next-${desk.id}-${round}`);
      const [answers, kiosk] = await Promise.all([
        Promise.all(DESKS.map((desk, i) => call(server.url, 'POST', `/desks/${desk.id}/next`, { token: tokens.get(desk.id)!, headers: { 'x-request-id': requestIds[i]! } }))),
        round <= 6 ? call(server.url, 'POST', '/tickets', { json: { serviceId: SERVICES[round % 2] } }) : Promise.resolve(null),
      ]);
      if (kiosk) {
        assert.equal(kiosk.status, 201);
        assert.ok(isRecord(kiosk.body) && typeof kiosk.body['id'] === 'string');
        issued.add(kiosk.body['id']);
      }
      const thisRound: Array<{ deskIndex: number; id: string }> = [];
      answers.forEach((answer, i) => {
        const desk = DESKS[i]!;
        const ticket = calledTicket(answer);
        if (!ticket) return;
        const earlier = calledTo.get(ticket.id);
        assert.equal(earlier, undefined, `ticket ${ticket.id} called to ${desk.id} in round ${round}, but ${earlier} had it`);
        assert.equal(ticket.deskId, desk.id);
        assert.equal(ticket.status, 'called');
        assert.ok((desk.services as readonly string[]).includes(ticket.serviceId), `${desk.id} does not serve ${ticket.serviceId}`);
        calledTo.set(ticket.id, desk.id);
        thisRound.push({ deskIndex: i, id: ticket.id });
      });
      if (thisRound.length === 0) break;

      // Every third round, each desk's button press is retried (twice, at once) with the same
      // request id: the same ticket comes back and the event log does not move.
      if (round % 3 === 0) {
        const seqBefore = await lastSeq(server);
        const retries = await Promise.all(
          DESKS.flatMap((desk, i) => [0, 1].map(() => call(server.url, 'POST', `/desks/${desk.id}/next`, { token: tokens.get(desk.id)!, headers: { 'x-request-id': requestIds[i]! } }))),
        );
        retries.forEach((answer, j) => {
          const deskIndex = Math.floor(j / 2);
          const first = thisRound.find((c) => c.deskIndex === deskIndex);
          const again = calledTicket(answer);
          assert.equal(again?.id ?? null, first?.id ?? null, `retried call-next of ${DESKS[deskIndex]!.id} in round ${round}`);
        });
        assert.equal(await lastSeq(server), seqBefore, 'a retried call-next committed nothing');
        retriesChecked += retries.length;
      }

      // The clerks start serving; the next call-next finishes these visits and calls the next ones.
      const starts = await Promise.all(thisRound.map(({ deskIndex, id }) => call(server.url, 'POST', `/tickets/${id}/start`, { token: tokens.get(DESKS[deskIndex]!.id)! })));
      for (const answer of starts) assert.equal(answer.status, 200, JSON.stringify(answer.body));
    }

    assert.ok(round > 10, `many rounds of simultaneous calls (${round})`);
    assert.ok(retriesChecked > 0);
    assert.deepEqual(new Set(calledTo.keys()), issued, 'every issued ticket was called exactly once');
    const perDesk = DESKS.map((desk) => [...calledTo.values()].filter((d) => d === desk.id).length);
    assert.ok(perDesk.every((n) => n > 0), `every desk got tickets: ${perDesk.join(', ')}`);

    // The event log: a ticket is never called while a desk still holds it, a desk never holds two
    // tickets, each call went to the desk the answer named, and there is one call per ticket.
    withDb(dataDir, (db) => {
      const holder = new Map<string, string>();
      const holding = new Map<string, string>();
      let calls = 0;
      for (const event of eventRows(db)) {
        const ticketId = event.ticket_id;
        if (ticketId === null) continue;
        if (event.type === 'ticket.called') {
          calls++;
          const deskId = event.desk_id!;
          assert.equal(holder.get(ticketId), undefined, `#${event.seq}: ${ticketId} called to ${deskId} while ${holder.get(ticketId)} holds it`);
          assert.equal(holding.get(deskId), undefined, `#${event.seq}: ${deskId} called ${ticketId} while holding ${holding.get(deskId)}`);
          assert.equal(calledTo.get(ticketId), deskId, `#${event.seq}: the log and the answer disagree on who called ${ticketId}`);
          holder.set(ticketId, deskId);
          holding.set(deskId, ticketId);
        } else if (RELEASES.has(event.type)) {
          const deskId = holder.get(ticketId);
          holder.delete(ticketId);
          if (deskId !== undefined) holding.delete(deskId);
        }
      }
      assert.equal(calls, calledTo.size, 'one ticket.called event per call answered, none from retries');
      assert.deepEqual(logAndProjectionDisagreements(db), []);
    });
    await server.stop();
  });
});
