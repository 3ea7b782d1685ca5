// The office as a manager's «امروز» tab shows it: each line with its longest current wait and
// estimate, each desk with who is at it and what it is doing, and the day's counts and ratings.
import { oldestWaiting } from '../alerts/monitor.js';
import type { OfficeConfig } from '../config/schema.js';
import type { Office } from '../office/office.js';
import type { ReadModel } from '../office/read-model.js';
import type { Db } from '../store/open.js';
import { serviceDay } from '../time/day.js';
import type { ManagerSnapshot } from './contract.js';

export function managerSnapshot(office: Office, read: ReadModel, config: OfficeConfig, db: Db): ManagerSnapshot {
  const now = office.now();
  const state = office.state;
  const oldest = oldestWaiting(state);
  const staff = new Map((db.prepare(`SELECT id, name FROM users`).all() as Array<{ id: string; name: string }>).map((u) => [u.id, u.name]));
  const day = serviceDay(now, config.timeZone).iso;
  const counts = db
    .prepare(`SELECT COUNT(*) AS issued, COALESCE(SUM(status = 'done'), 0) AS served, COALESCE(SUM(status = 'no_show'), 0) AS noShows FROM tickets WHERE day = ?`)
    .get(day) as { issued: number; served: number; noShows: number };
  // Keypads have 3 to 5 buttons: each rating is put on the 1..5 scale before the mean.
  const ratings = db
    .prepare(`SELECT COUNT(*) AS count, AVG(1 + 4.0 * (button - 1) / (buttons - 1)) AS mean, COALESCE(SUM(button * 5 <= buttons * 2), 0) AS poor FROM ratings WHERE day = ?`)
    .get(day) as { count: number; mean: number | null; poor: number };
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
