// The waiting lines of one estimate, sorted once and shared by all its simulated runs, so that a
// simulated call looks at the front of each line a desk serves instead of at every waiting ticket:
// a run costs (calls × lines) rather than (calls × tickets), and a line of thousands stays cheap.
// The choice itself is the product's own (chooseNext), fed what pickNext would have gathered.
import { chooseNext, compareInLine, type LineFront } from '../queue/policy.js';
import type { DeskState, QueueState, Ticket } from '../queue/types.js';

/** One class (normal or priority) of one line: the waiting tickets, and the run's arrivals after them. */
class ClassLine {
  /** How far the run has called into `byOrder`, and skipped in `byIssue`. */
  head = 0;
  issueHead = 0;
  /** Visitors the run has let arrive, in arrival order (so in both orders at once). */
  arrivals: Ticket[] = [];
  arrivalHead = 0;
  /** For each ticket of `byIssue`, its place in `byOrder`: called in this run once `head` is past it. */
  private readonly orderOfIssue: Int32Array;

  constructor(
    /** Waiting tickets in calling order. */
    readonly byOrder: Ticket[],
    /** The same tickets by issue time, for the policy's longest wait. */
    readonly byIssue: Ticket[],
  ) {
    const place = new Map(byOrder.map((ticket, i) => [ticket, i]));
    this.orderOfIssue = Int32Array.from(byIssue, (ticket) => place.get(ticket)!);
  }

  reset(): void {
    this.head = 0;
    this.issueHead = 0;
    this.arrivals = [];
    this.arrivalHead = 0;
  }

  front(desk: DeskState): Ticket | null {
    const waiting = this.byOrder[this.head];
    const arrived = this.arrivals[this.arrivalHead];
    if (!waiting) return arrived ?? null;
    if (!arrived) return waiting;
    return compareInLine(arrived, waiting, desk) < 0 ? arrived : waiting;
  }

  earliestIssue(): number {
    while (this.issueHead < this.byIssue.length && this.orderOfIssue[this.issueHead]! < this.head) this.issueHead++;
    const waiting = this.byIssue[this.issueHead];
    const arrived = this.arrivals[this.arrivalHead];
    return Math.min(waiting?.issuedAt ?? Infinity, arrived?.issuedAt ?? Infinity);
  }

  /** Takes `ticket` off the line; it is always the line's front, since the front is what gets called. */
  remove(ticket: Ticket): void {
    if (this.byOrder[this.head] === ticket) this.head++;
    else if (this.arrivals[this.arrivalHead] === ticket) this.arrivalHead++;
    else throw new Error(`simulation: ticket ${ticket.id} called from the middle of its line`);
  }
}

interface Line {
  normal: ClassLine;
  priority: ClassLine;
}

/** The sorted lines of one queue state, kept while its waiting tickets and desks stay as they were. */
interface Structure {
  lines: Map<string, Line>;
  linesOfDesk: Map<string, Line[]>;
  /** Each waiting ticket with what decides its place: the cache holds while all of them are unchanged. */
  signature: unknown[];
  waiting: Set<Ticket>;
}

const structures = new WeakMap<QueueState, Structure>();

export class SimLines {
  /** The last ticket pick() chose and the class line it stands at the front of. */
  private pickedTicket: Ticket | null = null;
  private pickedFrom: ClassLine | null = null;
  /** Reused by every pick: a run makes hundreds of them. */
  private readonly front: LineFront = { oldestNormal: null, oldestPriority: null, earliestNormalIssue: Infinity, earliestPriorityIssue: Infinity };

  private constructor(
    /** How many tickets were waiting (the target among them). */
    readonly waiting: number,
    private readonly lines: Map<string, Line>,
    /** For each desk, the lines it calls from: those sent to it, then its workprofile's services. */
    private readonly linesOfDesk: Map<string, Line[]>,
    private readonly policy: QueueState['rules']['policy'],
    /** A target not yet issued: it joins its line at the start of every run, as the first arrival. */
    private readonly extra: Ticket | null,
  ) {}

  /**
   * The lines of `base`, with `target` among them if given (a ticket not yet issued may be the target).
   * The sorting is done once per state of the lines and shared by the estimates made from it; a run
   * is never interleaved with another's, since each runs to its end at once.
   */
  static of(base: QueueState, target: Ticket | null): SimLines {
    const structure = structureOf(base);
    const extra = target && !structure.waiting.has(target) ? target : null;
    const waiting = structure.waiting.size + (extra ? 1 : 0);
    return new SimLines(waiting, structure.lines, structure.linesOfDesk, base.rules.policy, extra);
  }

  beginRun(): void {
    this.pickedTicket = null;
    this.pickedFrom = null;
    for (const line of this.lines.values()) {
      line.normal.reset();
      line.priority.reset();
    }
    // Issued now, it stands behind every waiting ticket of its class but before any later arrival.
    if (this.extra) this.arrive(this.extra);
  }

  /** A visitor the run lets arrive; arrivals come in time order and are never sent to a desk. */
  arrive(ticket: Ticket): void {
    // A service no desk calls has no line: such a visitor is never called, and changes no call.
    const line = this.lines.get(lineKey(ticket));
    if (line) (ticket.priorityGroup === null ? line.normal : line.priority).arrivals.push(ticket);
  }

  /** The ticket `desk` would call now: pickNext's answer, from the fronts of the desk's lines. */
  pick(desk: DeskState, now: number): Ticket | null {
    const front = this.front;
    front.oldestNormal = null;
    front.oldestPriority = null;
    front.earliestNormalIssue = Infinity;
    front.earliestPriorityIssue = Infinity;
    let normalFrom: ClassLine | null = null;
    let priorityFrom: ClassLine | null = null;
    for (const line of this.linesOfDesk.get(desk.id) ?? []) {
      const normal = line.normal.front(desk);
      if (normal && (!front.oldestNormal || compareInLine(normal, front.oldestNormal, desk) < 0)) {
        front.oldestNormal = normal;
        normalFrom = line.normal;
      }
      const priority = line.priority.front(desk);
      if (priority && (!front.oldestPriority || compareInLine(priority, front.oldestPriority, desk) < 0)) {
        front.oldestPriority = priority;
        priorityFrom = line.priority;
      }
      front.earliestNormalIssue = Math.min(front.earliestNormalIssue, line.normal.earliestIssue());
      front.earliestPriorityIssue = Math.min(front.earliestPriorityIssue, line.priority.earliestIssue());
    }
    const chosen = chooseNext(front, desk, this.policy, now);
    this.pickedTicket = chosen;
    this.pickedFrom = chosen === null ? null : chosen === front.oldestNormal ? normalFrom : priorityFrom;
    return chosen;
  }

  /** The run called `ticket`, just picked: it leaves its line. */
  remove(ticket: Ticket): void {
    if (this.pickedTicket !== ticket || !this.pickedFrom) throw new Error(`simulation: ticket ${ticket.id} removed without being picked`);
    this.pickedFrom.remove(ticket);
    this.pickedTicket = null;
    this.pickedFrom = null;
  }
}

function structureOf(base: QueueState): Structure {
  const cached = structures.get(base);
  if (cached && unchanged(base, cached.signature)) return cached;
  const structure = sortLines(base);
  structures.set(base, structure);
  return structure;
}

function signatureOf(base: QueueState): unknown[] {
  const signature: unknown[] = [];
  for (const ticket of base.tickets.values()) {
    if (ticket.status === 'issued') signature.push(ticket, ticket.rank, ticket.issuedAt, ticket.serviceId, ticket.targetDeskId, ticket.priorityGroup, ticket.number, ticket.appointment?.start);
  }
  for (const desk of base.desks.values()) signature.push(desk, desk.services.length, ...desk.services);
  return signature;
}

/** Whether `base` still has the signature, walked without building a new one (this runs on every estimate). */
function unchanged(base: QueueState, signature: readonly unknown[]): boolean {
  let i = 0;
  const same = (...values: unknown[]) => values.every((value) => signature[i++] === value);
  for (const ticket of base.tickets.values()) {
    if (ticket.status !== 'issued') continue;
    if (signature[i++] !== ticket || signature[i++] !== ticket.rank || signature[i++] !== ticket.issuedAt || signature[i++] !== ticket.serviceId) return false;
    if (signature[i++] !== ticket.targetDeskId || signature[i++] !== ticket.priorityGroup || signature[i++] !== ticket.number) return false;
    if (signature[i++] !== ticket.appointment?.start) return false;
  }
  for (const desk of base.desks.values()) {
    if (!same(desk, desk.services.length)) return false;
    for (const serviceId of desk.services) if (signature[i++] !== serviceId) return false;
  }
  return i === signature.length;
}

function sortLines(base: QueueState): Structure {
  const grouped = new Map<string, Ticket[]>();
  const waiting = new Set<Ticket>();
  for (const ticket of base.tickets.values()) {
    if (ticket.status !== 'issued') continue;
    const key = lineKey(ticket);
    const line = grouped.get(key);
    if (line) line.push(ticket);
    else grouped.set(key, [ticket]);
    waiting.add(ticket);
  }
  // Every service any desk calls has a line from the start, so that arrivals always find theirs.
  for (const desk of base.desks.values()) for (const serviceId of desk.services) if (!grouped.has(`s:${serviceId}`)) grouped.set(`s:${serviceId}`, []);
  const lines = new Map<string, Line>();
  for (const [key, tickets] of grouped) {
    // A service line's order is the same for every desk; a desk's own line is ordered as that desk
    // orders it (rank, then its workprofile). Both orders are total, as pickNext's is.
    const desk = key.startsWith('d:') ? base.desks.get(key.slice(2)) : undefined;
    const order = desk ? (a: Ticket, b: Ticket) => compareInLine(a, b, desk) : inServiceLine;
    const classLine = (priority: boolean) => {
      const members = tickets.filter((t) => (t.priorityGroup !== null) === priority);
      return new ClassLine([...members].sort(order), members.sort((a, b) => a.issuedAt - b.issuedAt));
    };
    lines.set(key, { normal: classLine(false), priority: classLine(true) });
  }
  const linesOfDesk = new Map<string, Line[]>();
  for (const desk of base.desks.values()) {
    const keys = [`d:${desk.id}`, ...new Set(desk.services.map((s) => `s:${s}`))];
    linesOfDesk.set(desk.id, keys.flatMap((key) => lines.get(key) ?? []));
  }
  return { lines, linesOfDesk, signature: signatureOf(base), waiting };
}

function lineKey(ticket: Ticket): string {
  return ticket.targetDeskId === null ? `s:${ticket.serviceId}` : `d:${ticket.targetDeskId}`;
}

/** A service line holds one service, so every desk's workprofile orders it alike. */
const ANY_DESK = { services: [] };
function inServiceLine(a: Ticket, b: Ticket): number {
  return compareInLine(a, b, ANY_DESK);
}
