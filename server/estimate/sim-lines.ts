// The waiting lines of one estimate, sorted once and shared by all its simulated runs, so that a
// simulated call looks at the front of each line a desk serves instead of at every waiting ticket:
// a run costs (calls × lines) rather than (calls × tickets), and a line of thousands stays cheap.
// The choice itself is the product's own (chooseNext), fed what pickNext would have gathered.
import { chooseNext, compareInLine, compareNumbers, type LineFront } from '../queue/policy.js';
import type { DeskState, QueueState, Ticket } from '../queue/types.js';

/** One class (normal or priority) of one line: the waiting tickets, and the run's arrivals after them. */
class ClassLine {
  /** How far the run has called into `byOrder`, and skipped in `byIssue`. */
  head = 0;
  issueHead = 0;
  /** Visitors the run has let arrive, in arrival order (so in both orders at once). */
  arrivals: Ticket[] = [];
  arrivalHead = 0;

  constructor(
    /** Waiting tickets in calling order. */
    readonly byOrder: Ticket[],
    /** The same tickets by issue time, for the policy's longest wait. */
    readonly byIssue: Ticket[],
  ) {}

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

  earliestIssue(called: ReadonlySet<Ticket>): number {
    while (this.issueHead < this.byIssue.length && called.has(this.byIssue[this.issueHead]!)) this.issueHead++;
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

export class SimLines {
  private readonly called = new Set<Ticket>();
  /** The last ticket pick() chose and the class line it stands at the front of. */
  private picked: { ticket: Ticket; from: ClassLine } | null = null;

  private constructor(
    /** How many tickets were waiting (the target among them). */
    readonly waiting: number,
    private readonly lines: Map<string, Line>,
    /** For each desk, the lines it calls from: those sent to it, then its workprofile's services. */
    private readonly linesOfDesk: Map<string, Line[]>,
    private readonly policy: QueueState['rules']['policy'],
  ) {}

  /** The lines of `base`, with `target` among them if given (a ticket not yet issued may be the target). */
  static of(base: QueueState, target: Ticket | null): SimLines {
    const grouped = new Map<string, Ticket[]>();
    const add = (ticket: Ticket) => {
      const key = lineKey(ticket);
      const line = grouped.get(key);
      if (line) line.push(ticket);
      else grouped.set(key, [ticket]);
    };
    let waiting = 0;
    for (const ticket of base.tickets.values()) {
      if (ticket.status !== 'issued' || ticket.id === target?.id) continue;
      add(ticket);
      waiting++;
    }
    if (target) {
      add(target);
      waiting++;
    }

    // Every service any desk calls has a line from the start, so that arrivals always find theirs.
    for (const desk of base.desks.values()) for (const serviceId of desk.services) if (!grouped.has(`s:${serviceId}`)) grouped.set(`s:${serviceId}`, []);
    const lines = new Map<string, Line>();
    for (const [key, tickets] of grouped) {
      // A service line's order is the same for every desk; a desk's own line is ordered as that desk
      // orders it (rank, then its workprofile). Stable sorts keep pickNext's order for exact ties.
      const desk = key.startsWith('d:') ? base.desks.get(key.slice(2)) : undefined;
      const order = desk ? (a: Ticket, b: Ticket) => compareInLine(a, b, desk) : byRankAndNumber;
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
    return new SimLines(waiting, lines, linesOfDesk, base.rules.policy);
  }

  beginRun(): void {
    this.called.clear();
    this.picked = null;
    for (const line of this.lines.values()) {
      line.normal.reset();
      line.priority.reset();
    }
  }

  /** A visitor the run lets arrive; arrivals come in time order and are never sent to a desk. */
  arrive(ticket: Ticket): void {
    // A service no desk calls has no line: such a visitor is never called, and changes no call.
    const line = this.lines.get(lineKey(ticket));
    if (line) (ticket.priorityGroup === null ? line.normal : line.priority).arrivals.push(ticket);
  }

  /** The ticket `desk` would call now: pickNext's answer, from the fronts of the desk's lines. */
  pick(desk: DeskState, now: number): Ticket | null {
    const front: LineFront = { oldestNormal: null, oldestPriority: null, earliestNormalIssue: Infinity, earliestPriorityIssue: Infinity };
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
      front.earliestNormalIssue = Math.min(front.earliestNormalIssue, line.normal.earliestIssue(this.called));
      front.earliestPriorityIssue = Math.min(front.earliestPriorityIssue, line.priority.earliestIssue(this.called));
    }
    const chosen = chooseNext(front, desk, this.policy, now);
    this.picked = chosen ? { ticket: chosen, from: (chosen === front.oldestNormal ? normalFrom : priorityFrom)! } : null;
    return chosen;
  }

  /** The run called `ticket`, just picked: it leaves its line. */
  remove(ticket: Ticket): void {
    if (this.picked?.ticket !== ticket) throw new Error(`simulation: ticket ${ticket.id} removed without being picked`);
    this.picked.from.remove(ticket);
    this.called.add(ticket);
    this.picked = null;
  }
}

function lineKey(ticket: Ticket): string {
  return ticket.targetDeskId === null ? `s:${ticket.serviceId}` : `d:${ticket.targetDeskId}`;
}

function byRankAndNumber(a: Ticket, b: Ticket): number {
  return a.rank - b.rank || compareNumbers(a.number, b.number);
}
