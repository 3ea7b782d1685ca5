// Why the domain refused a command: a machine code for clients and logs, a Persian sentence for the
// person at the kiosk or desk, and the HTTP status the edge answers with.

export type RefusalStatus = 400 | 403 | 404 | 409;

export class QueueRefusal extends Error {
  constructor(
    readonly code: string,
    readonly messageFa: string,
    readonly status: RefusalStatus,
    english: string,
  ) {
    super(english);
    this.name = 'QueueRefusal';
  }
}

export const refuse = {
  unknownService: (id: string) => new QueueRefusal('unknown_service', 'این خدمت وجود ندارد.', 404, `unknown service ${id}`),
  outsideHours: (id: string) => new QueueRefusal('office_closed', 'اکنون خارج از ساعت کاری است و نوبت داده نمی‌شود.', 409, `service ${id} is outside its opening hours`),
  serviceClosed: (id: string) => new QueueRefusal('service_closed', 'این خدمت اکنون ارائه نمی‌شود.', 409, `service ${id} is not active`),
  priorityNotAllowed: (group: string, id: string) =>
    new QueueRefusal('priority_not_allowed', 'این گروه اولویت برای این خدمت پذیرفته نمی‌شود.', 400, `priority group ${group} is not allowed for service ${id}`),
  unknownTicket: (id: string) => new QueueRefusal('unknown_ticket', 'این نوبت پیدا نشد.', 404, `unknown ticket ${id}`),
  unknownDesk: (id: string) => new QueueRefusal('unknown_desk', 'این باجه وجود ندارد.', 404, `unknown desk ${id}`),
  deskNotOpen: (id: string) => new QueueRefusal('desk_not_open', 'کسی در این باجه وارد نشده است.', 409, `desk ${id} is not open`),
  deskPaused: (id: string) => new QueueRefusal('desk_paused', 'این باجه در حالت توقف است؛ ابتدا آن را از سر بگیرید.', 409, `desk ${id} is paused`),
  deskBusy: (id: string, ticketId: string) =>
    new QueueRefusal('desk_busy', 'نوبت فعلی هنوز تعیین تکلیف نشده است: آن را شروع، ثبت عدم حضور، پارک یا ارجاع کنید.', 409, `desk ${id} still holds called ticket ${ticketId}`),
  notAtDesk: (ticketId: string, deskId: string) =>
    new QueueRefusal('not_your_ticket', 'این نوبت در اختیار باجهٔ شما نیست.', 409, `ticket ${ticketId} is not held by desk ${deskId}`),
  wrongState: (ticketId: string, status: string, action: string) =>
    new QueueRefusal('invalid_state', stateMessage(status), 409, `ticket ${ticketId} is ${status}; cannot ${action}`),
  notInWorkprofile: (ticketId: string, deskId: string) =>
    new QueueRefusal('not_in_workprofile', 'این نوبت به خدمت‌های این باجه مربوط نیست.', 409, `ticket ${ticketId} is not for a service of desk ${deskId}`),
  recallFirst: (ticketId: string) =>
    new QueueRefusal('recall_first', 'پیش از ثبت عدم حضور، نوبت را دست‌کم یک بار دوباره اعلام کنید.', 409, `ticket ${ticketId} has not been recalled`),
  graceNotOver: (ticketId: string, seconds: number) =>
    new QueueRefusal('grace_not_over', `برای ثبت عدم حضور ${faNumber(seconds)} ثانیه دیگر صبر کنید.`, 409, `no-show for ${ticketId} allowed in ${seconds} s`),
  notSameDay: (ticketId: string) =>
    new QueueRefusal('not_same_day', 'فقط نوبت‌های امروز را می‌توان بازگرداند.', 409, `ticket ${ticketId} is not from today`),
  requestKeyReused: (key: string) =>
    new QueueRefusal('request_key_reused', 'این شناسهٔ درخواست پیش‌تر برای کار دیگری به کار رفته است.', 409, `request key ${key} was first used for another command`),
  tooEarly: (opensAt: number) =>
    new QueueRefusal('check_in_too_early', 'هنوز زود است؛ کمی نزدیک‌تر به ساعت نوبت خود، کد را دوباره بزنید.', 409, `check-in opens at ${new Date(opensAt).toISOString()}`),
  sameDesk: (ticketId: string) =>
    new QueueRefusal('same_target', 'این نوبت هم‌اکنون در همین باجه است؛ باجهٔ دیگری را انتخاب کنید.', 409, `ticket ${ticketId} is already at that desk`),
};

function stateMessage(status: string): string {
  const byStatus: Record<string, string> = {
    issued: 'این نوبت هنوز در صف انتظار است.',
    called: 'این نوبت فراخوانده شده است.',
    serving: 'این نوبت در حال خدمت‌گیری است.',
    parked: 'این نوبت در انتظار بازگشت مراجع است.',
    done: 'کار این نوبت پایان یافته است.',
    no_show: 'این نوبت عدم حضور ثبت شده است.',
    cancelled: 'این نوبت لغو شده است.',
  };
  return `این کار برای این نوبت ممکن نیست: ${byStatus[status] ?? status}`;
}

function faNumber(n: number): string {
  return new Intl.NumberFormat('fa-IR').format(n);
}
