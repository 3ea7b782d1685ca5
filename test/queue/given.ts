// given / when / then for the queue domain, with no database:
//   given(office, [issue(...), openDesk(...)]).when(callNext(...)).then([{ type: 'ticket.called', ... }])
//   given(office, past).when(command).thenRefuses('desk_busy')
// The past may hold events (taken as recorded) and commands (decided and applied, as the server would
// have done). Expected events match on the fields they name, in order and in number: events may grow
// fields without every test being rewritten, and a test names each field it means to pin.
import assert from 'node:assert/strict';
import { decide, emptyState, evolveAll, QueueRefusal } from '../../server/queue/index.js';
import type { EventOf, QueueCommand, QueueEvent, QueueEventType, QueueRules, QueueState } from '../../server/queue/index.js';

export interface Office {
  rules: QueueRules;
  desks: ReadonlyArray<{ id: string; services: string[] }>;
}

export type Past = QueueEvent | QueueCommand;

export type ExpectedEvent = { [T in QueueEventType]: { type: T } & Partial<EventOf<T>> }[QueueEventType];

export interface Given {
  /** The state after the past; `then` applies the new events to it. */
  readonly state: QueueState;
  when(command: QueueCommand): When;
}

export interface When {
  /** Asserts the events (see the file comment), applies them and returns the state after them. */
  then(expected: readonly ExpectedEvent[]): QueueState;
  thenRefuses(code: string): QueueRefusal;
}

export function given(office: Office, past: readonly Past[] = []): Given {
  const state = emptyState(office.rules, office.desks.map((d) => ({ id: d.id, services: [...d.services] })));
  past.forEach((entry, i) => {
    if (isEvent(entry)) {
      evolveAll(state, [entry]);
      return;
    }
    try {
      evolveAll(state, decide(entry, state));
    } catch (error) {
      if (error instanceof QueueRefusal) assert.fail(`given: past command #${i} (${entry.type}) was refused: ${error.code}: ${error.message}`);
      throw error;
    }
  });
  return { state, when: (command) => whenCommand(state, command) };
}

function whenCommand(state: QueueState, command: QueueCommand): When {
  const before = structuredClone(state);
  let events: QueueEvent[] = [];
  let refusal: QueueRefusal | null = null;
  try {
    events = decide(command, state);
  } catch (error) {
    if (!(error instanceof QueueRefusal)) throw error;
    refusal = error;
  }
  assert.deepStrictEqual(state, before, `decide(${command.type}) changed the state it was given`);
  return {
    then(expected) {
      if (refusal) assert.fail(`expected events, but ${command.type} was refused: ${refusal.code}: ${refusal.message}`);
      assertEventsMatch(events, expected);
      return evolveAll(state, events);
    },
    thenRefuses(code) {
      if (!refusal) assert.fail(`expected ${command.type} to be refused with ${code}, but it yielded ${JSON.stringify(events)}`);
      assert.equal(refusal.code, code, `refused for another reason: ${refusal.message}`);
      assert.ok(refusal.messageFa.length > 0, 'a refusal carries a Persian message for the person in front of the screen');
      return refusal;
    },
  };
}

/** Same number of events, same order, and each event has the values of the fields its expectation names. */
export function assertEventsMatch(actual: readonly QueueEvent[], expected: readonly ExpectedEvent[]): void {
  const named = actual.map((event, i) => {
    const fields = expected[i];
    if (!fields) return event;
    const record = event as unknown as Record<string, unknown>;
    return Object.fromEntries(Object.keys(fields).map((key) => [key, record[key]]));
  });
  assert.deepStrictEqual(named, expected);
}

function isEvent(entry: Past): entry is QueueEvent {
  return entry.type.includes('.');
}
