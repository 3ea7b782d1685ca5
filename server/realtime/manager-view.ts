// The office as a manager's «امروز» tab shows it: each line with its longest current wait and
// estimate, each desk with who is at it and what it is doing, and the day's counts and ratings.
import { oldestWaiting } from '../alerts/monitor.js';
import type { OfficeConfig } from '../config/schema.js';
import type { Office } from '../office/office.js';
import type { ReadModel } from '../office/read-model.js';
import type { Db } from '../store/open.js';
import { TodayReads } from '../store/today-reads.js';
import { serviceDay } from '../time/day.js';
import type { ManagerSnapshot } from './contract.js';

export class ManagerView {
  private readonly reads: TodayReads;

  constructor(private readonly office: Office, private readonly read: ReadModel, db: Db) {
    this.reads = new TodayReads(db);
  }

  snapshot(config: OfficeConfig): ManagerSnapshot {
    const { office, read } = this;
    const now = office.now();
    const state = office.state;
    const oldest = oldestWaiting(state);
    const staff = this.reads.staffNames();
    const day = serviceDay(now, config.timeZone).iso;
    const counts = this.reads.tickets(day);
    const ratings = this.reads.ratings(day);
    return {
      seq: office.lastSeq(),
      now,
      services: read.services().map(({ id, name, nameEn, open, waiting, desksOpen, estimatedWaitSeconds, estimatedWait, waitNote, opensAt, targetWaitMinutes }) => ({
        id,
        name,
        nameEn,
        open,
        waiting,
        desksOpen,
        estimatedWaitSeconds,
        estimatedWait,
        waitNote,
        ...(opensAt ? { opensAt } : {}),
        targetWaitMinutes,
        oldestIssuedAt: oldest.get(id) ?? null,
      })),
      desks: config.desks.map((configured) => {
        const desk = state.desks.get(configured.id);
        const current = desk?.currentTicketId ? state.tickets.get(desk.currentTicketId) : undefined;
        return {
          id: configured.id,
          number: configured.number,
          name: configured.name,
          nameEn: configured.nameEn ?? null,
          open: desk?.open ?? false,
          pause: desk?.pause ? { reason: desk.pause.reason, since: desk.pause.since } : null,
          staffName: desk?.open && desk.staffId ? (staff.get(desk.staffId) ?? null) : null,
          current: current ? { number: current.number, serviceId: current.serviceId, status: current.status, since: current.startedAt ?? current.calledAt ?? current.issuedAt } : null,
        };
      }),
      today: { issued: counts.issued, served: counts.served, noShows: counts.noShows, ratings },
    };
  }
}
