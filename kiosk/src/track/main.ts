// The phone page a ticket's QR code opens (/t/<id>): number, service, status, line ahead and wait,
// live over the socket; when called, «به باجهٔ N مراجعه کنید» with a beep and a vibration.
// Persian only, like the printed ticket; nothing personal is shown or stored.
import { faDigits, waitPromiseText } from '../../../server/time/persian.js';
import type { TicketView } from '../../../server/office/read-model.js';
import { returnToKioskTab } from '../kiosk-tab.js';
import { alertCalled, unlockSound } from './alert.js';
import { connectTiny } from './socket.js';

type TicketSnapshot = TicketView & { seq: number };

const STATUS: Record<string, string> = {
  issued: 'در صف انتظار',
  called: 'نوبت شما رسید',
  serving: 'در حال رسیدگی',
  parked: 'در انتظار تکمیل کار',
  done: 'کار شما انجام شد',
  no_show: 'نوبت شما گذشت؛ به باجهٔ اطلاعات مراجعه کنید',
  cancelled: 'این نوبت باطل شد',
};

const el = (id: string) => document.getElementById(id)!;
const ticketId = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const serviceNames = new Map<string, string>();
let lastStatus: string | undefined;
/** The latest snapshot, shown again once the service names arrive (the socket may answer first). */
let shown: TicketSnapshot | undefined;

function show(ticket: TicketSnapshot) {
  shown = ticket;
  const called = ticket.status === 'called';
  el('number').textContent = faDigits(ticket.number);
  el('service').textContent = serviceNames.get(ticket.serviceId) ?? '';
  el('status').textContent = called && ticket.deskNumber ? `به باجهٔ ${faDigits(ticket.deskNumber)} مراجعه کنید` : (STATUS[ticket.status] ?? ticket.status);
  document.body.dataset.status = ticket.status;
  const waiting = ticket.status === 'issued';
  el('facts').hidden = !waiting;
  // An admin closed the service after this ticket was taken: it stays valid and will be called.
  el('service-closed').hidden = !(ticket.serviceClosed && (waiting || ticket.status === 'parked'));
  el('ahead').textContent = waiting ? faDigits(ticket.ahead) : '—';
  el('wait').textContent = waiting ? waitPromiseText(ticket, 'fa') : '—';
  if (called && lastStatus !== undefined && lastStatus !== 'called') alertCalled();
  lastStatus = ticket.status;
}

async function loadServiceNames() {
  const response = await fetch('/api/v1/services');
  if (!response.ok) return;
  for (const service of (await response.json()) as Array<{ id: string; name: string }>) serviceNames.set(service.id, service.name);
  if (shown) show(shown);
}

function start() {
  el('sound').addEventListener('click', () => {
    unlockSound();
    el('sound').hidden = true;
  });
  connectTiny(
    { ticketId },
    {
      onEvent: (name, payload) => {
        if (name === 'ticket:snapshot') show(payload as TicketSnapshot);
        if (name === 'error:refused') el('status').textContent = (payload as { message: string }).message;
      },
      onConnection: (connected) => {
        el('connection').hidden = connected;
        el('connection').textContent = 'در حال برقراری دوباره ارتباط…';
      },
    },
  );
  void loadServiceNames();
}

returnToKioskTab();
start();
