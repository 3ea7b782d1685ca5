// The simulation's indexed lines must choose exactly as the product's pickNext does, on any office:
// random workprofiles, tickets sent to one desk, ranks moved away from issue times (transfers and
// reinstates), ties in rank, priority streaks, normal tickets past the wait limit, and arrivals
// while the simulated day runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pickNext, priorityStreakAfter } from '../../server/queue/policy.js';
import type { DeskState, QueueState, Ticket } from '../../server/queue/types.js';
import { SimLines } from '../../server/estimate/sim-lines.js';
import { phantomTicket } from '../../server/estimate/simulate.js';
import { DEFAULT_POLICY } from '../../server/estimate/replay.js';

const SERVICES = ['S1', 'S2', 'S3', 'S4'];
const MINUTE = 60_000;

const ticketArb = fc.record({
  service: fc.constantFrom(...SERVICES),
  priority: fc.boolean(),
  issuedMinute: fc.integer({ min: 0, max: 90 }),
  // Some lines were moved: a rank before or after the issue time, and exact ties.
  rankShift: fc.oneof(fc.constant(0), fc.integer({ min: -60, max: 60 })),
  targetDesk: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 5 }),
});

const officeArb = fc.record({
  profiles: fc.array(fc.shuffledSubarray(SERVICES, { minLength: 1 }), { minLength: 1, maxLength: 4 }),
  tickets: fc.array(ticketArb, { maxLength: 60 }),
  streaks: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
  // Each step: a desk calls at a minute, after some visitors arrive.
  steps: fc.array(fc.record({ desk: fc.nat(), minute: fc.integer({ min: 0, max: 40 }), arrivals: fc.array(fc.record({ service: fc.constantFrom(...SERVICES), priority: fc.boolean() }), { maxLength: 2 }) }), { maxLength: 80 }),
  targetIndex: fc.nat(),
});

test('the indexed lines call the same ticket as pickNext, call after call', () => {
  fc.assert(
    fc.property(officeArb, (office) => {
      const t0 = Date.UTC(2026, 10, 22, 5, 0, 0);
      const desks = new Map<string, DeskState>(
        office.profiles.map((services, i) => [`D${i}`, { id: `D${i}`, services, open: true, staffId: null, pause: null, currentTicketId: null, priorityStreak: office.streaks[i]! }]),
      );
      const tickets = new Map<string, Ticket>();
      office.tickets.forEach((t, i) => {
        const issuedAt = t0 + t.issuedMinute * MINUTE;
        const ticket = phantomTicket(`t${i}`, t.service, t.priority ? 'elderly' : null, issuedAt);
        ticket.number = String(100 + (i % 7));
        ticket.rank = issuedAt + t.rankShift * MINUTE;
        ticket.targetDeskId = t.targetDesk !== null && desks.has(`D${t.targetDesk}`) ? `D${t.targetDesk}` : null;
        tickets.set(ticket.id, ticket);
      });
      const services = new Map(SERVICES.map((id) => [id, { id, prefix: id, active: true, priorityGroups: ['elderly' as const] }]));
      const state: QueueState = { rules: { policy: DEFAULT_POLICY, services, timeZone: 'Asia/Tehran' }, tickets, desks, counters: new Map(), counterDay: null };
      const target = [...tickets.values()][office.targetIndex % Math.max(1, tickets.size)] ?? phantomTicket('~new', 'S1', null, t0 + 95 * MINUTE);

      const lines = SimLines.of(state, target);
      // Two runs over the same lines: the second must start again from the full lines.
      for (let run = 0; run < 2; run++) {
        lines.beginRun();
        const waiting: QueueState = { ...state, tickets: new Map([...tickets].map(([id, t]) => [id, { ...t }])), desks: new Map([...desks].map(([id, d]) => [id, { ...d }])) };
        waiting.tickets.set(target.id, { ...target });
        let now = t0 + 100 * MINUTE;
        let arrived = 0;
        for (const step of office.steps) {
          now += step.minute * MINUTE;
          for (const a of step.arrivals) {
            const phantom = phantomTicket(`~p${arrived++}`, a.service, a.priority ? 'elderly' : null, now);
            lines.arrive(phantom);
            waiting.tickets.set(phantom.id, phantom);
          }
          const desk = [...waiting.desks.values()][step.desk % waiting.desks.size]!;
          const expected = pickNext(waiting, desk, now);
          const picked = lines.pick(desk, now);
          assert.equal(picked?.id ?? null, expected?.id ?? null, `desk ${desk.id} at +${(now - t0) / MINUTE} min`);
          if (!expected) continue;
          lines.remove(picked!);
          waiting.tickets.delete(expected.id);
          desk.priorityStreak = priorityStreakAfter(desk.priorityStreak, expected);
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('two tickets alike in line, rank and number, one sent to the desk, are called in the same order by both', () => {
  // Found by the property above on a CI run: the desk's own line was searched first and kept its
  // ticket on a full tie, while pickNext kept the one stored first.
  const desk: DeskState = { id: 'D0', services: ['S1', 'S2'], open: true, staffId: null, pause: null, currentTicketId: null, priorityStreak: 0 };
  const tickets = new Map<string, Ticket>();
  for (const [id, targetDeskId] of [['t0', null], ['t7', 'D0']] as const) {
    const ticket = phantomTicket(id, 'S1', 'elderly', 0);
    ticket.number = '100';
    ticket.rank = 69 * MINUTE;
    ticket.targetDeskId = targetDeskId;
    tickets.set(id, ticket);
  }
  const services = new Map(SERVICES.map((id) => [id, { id, prefix: id, active: true, priorityGroups: ['elderly' as const] }]));
  const state: QueueState = { rules: { policy: DEFAULT_POLICY, services, timeZone: 'Asia/Tehran' }, tickets, desks: new Map([['D0', desk]]), counters: new Map(), counterDay: null };
  const lines = SimLines.of(state, null);
  lines.beginRun();
  assert.equal(pickNext(state, desk, 100 * MINUTE)?.id, 't0');
  assert.equal(lines.pick(desk, 100 * MINUTE)?.id, 't0');
  // Stored the other way round, the choice is the same: the order does not depend on storage.
  const reversed: QueueState = { ...state, tickets: new Map([...tickets].reverse()) };
  assert.equal(pickNext(reversed, desk, 100 * MINUTE)?.id, 't0');
});

test('lines sorted once for a state are sorted again when a waiting ticket or a desk changes in place', () => {
  const desks = new Map<string, DeskState>([['D1', { id: 'D1', services: ['S1', 'S2'], open: true, staffId: null, pause: null, currentTicketId: null, priorityStreak: 0 }]]);
  const tickets = new Map<string, Ticket>();
  for (let i = 0; i < 4; i++) {
    const ticket = phantomTicket(`t${i}`, i % 2 ? 'S2' : 'S1', null, i * MINUTE);
    ticket.number = String(100 + i);
    tickets.set(ticket.id, ticket);
  }
  const services = new Map(SERVICES.map((id) => [id, { id, prefix: id, active: true, priorityGroups: ['elderly' as const] }]));
  const state: QueueState = { rules: { policy: DEFAULT_POLICY, services, timeZone: 'Asia/Tehran' }, tickets, desks, counters: new Map(), counterDay: null };
  const desk = desks.get('D1')!;
  const firstPick = () => {
    const lines = SimLines.of(state, null);
    lines.beginRun();
    return lines.pick(desk, 10 * MINUTE)?.id ?? null;
  };
  assert.equal(firstPick(), pickNext(state, desk, 10 * MINUTE)?.id);
  // Reinstated to the front, as evolve does it: the same ticket object, a new rank.
  tickets.get('t3')!.rank = -MINUTE;
  assert.equal(firstPick(), 't3');
  // Called: no longer waiting.
  tickets.get('t3')!.status = 'called';
  assert.equal(firstPick(), 't0');
  // The desk stops serving S1: only S2's line is left to it.
  desk.services = ['S2'];
  assert.equal(firstPick(), 't1');
  // A new ticket not yet issued joins the end of its line, and the cached lines stay as they were.
  const lines = SimLines.of(state, phantomTicket('~new', 'S2', null, 20 * MINUTE));
  assert.equal(lines.waiting, 4);
  assert.equal(SimLines.of(state, null).waiting, 3);
  lines.beginRun();
  assert.equal(lines.pick(desk, 30 * MINUTE)?.id, 't1');
  lines.remove(lines.pick(desk, 30 * MINUTE)!);
  assert.equal(lines.pick(desk, 30 * MINUTE)?.id, '~new');
});
