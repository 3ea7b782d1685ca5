// What an office admin may not do while the office is working, whatever the schema allows: leave
// waiting tickets that no desk would call, delete a service that has tickets (its history would lose
// its name; closing it is the way), or remove a desk someone is signed in at.
import type { OfficeConfig } from '../config/schema.js';
import { ApiError } from '../http/errors.js';
import type { QueueState } from '../queue/index.js';
import type { Db } from '../store/open.js';

const digits = new Intl.NumberFormat('fa-IR');

/** Every ticket still waiting (or parked, or a no-show that may come back) must stay callable. */
export function refuseStrandedTickets(state: QueueState, next: OfficeConfig): void {
  const served = new Set(next.desks.flatMap((d) => d.services));
  const desks = new Set(next.desks.map((d) => d.id));
  const stranded = new Map<string, number>();
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'issued' && ticket.status !== 'parked' && ticket.status !== 'no_show') continue;
    const callable = ticket.targetDeskId !== null ? desks.has(ticket.targetDeskId) : served.has(ticket.serviceId);
    if (!callable) stranded.set(ticket.serviceId, (stranded.get(ticket.serviceId) ?? 0) + 1);
  }
  const [serviceId, count] = [...stranded][0] ?? [];
  if (serviceId === undefined || count === undefined) return;
  const name = next.services.find((s) => s.id === serviceId)?.name ?? serviceId;
  throw new ApiError(
    409,
    'tickets_stranded',
    `${digits.format(count)} نوبت خدمت «${name}» هنوز در انتظار است و پس از این تغییر هیچ باجه‌ای آن‌ها را نمی‌خواند. این خدمت را در فهرست کار دست‌کم یک باجه نگه دارید تا نوبت‌های امروز رسیدگی شوند.`,
  );
}

export function refuseDeletingUsedService(db: Db, serviceId: string, name: string): void {
  const used = db.prepare(`SELECT 1 FROM tickets WHERE service_id = ? OR first_service_id = ? LIMIT 1`).get(serviceId, serviceId);
  if (!used) return;
  throw new ApiError(
    409,
    'service_in_use',
    `خدمت «${name}» نوبت صادرشده دارد و آمار آن به این خدمت وابسته است؛ حذف نمی‌شود. به جای حذف، آن را غیرفعال کنید تا دیگر نوبت نگیرد.`,
  );
}

export function refuseRemovingDeskInUse(state: QueueState, deskId: string, name: string): void {
  const desk = state.desks.get(deskId);
  if (!desk || (!desk.open && desk.currentTicketId === null)) return;
  throw new ApiError(409, 'desk_in_use', `کارمندی اکنون در «${name}» کار می‌کند؛ پس از خروج او از باجه دوباره تلاش کنید.`);
}
