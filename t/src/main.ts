// The phone page a ticket's QR code opens (/t/<id>): the office, number, service, status, line ahead
// and wait, live over the socket; when called, «به باجهٔ N مراجعه کنید» with a beep and a vibration;
// at the end, how it ended. Persian, or English when asked for (the address or the switch); nothing
// personal is shown or stored.
import { localDigits, waitPromiseText } from '../../server/time/persian.js';
import type { TicketView } from '../../server/office/read-model.js';
import { applyDocumentLanguage, LANGUAGES, type Lang } from '../../ui/i18n.js';
import { returnToKioskTab } from '../../ui/kiosk-tab.js';
import { alertCalled, unlockSound } from './alert.js';
import { isStatusKey, pickLanguage, tt, type TrackKey } from './i18n.js';
import { connectTiny } from './socket.js';

type TicketSnapshot = TicketView & { seq: number };

/** Statuses after which nothing more happens to the ticket: no call to hear. */
const ENDED = new Set(['done', 'no_show', 'cancelled']);
const LANG_KEY = 'nobat.track.lang';

const el = (id: string) => document.getElementById(id)!;
const ticketId = decodeURIComponent(location.pathname.split('/').pop() ?? '');
// Feedback filed from here concerns this ticket: the server takes its service and desk from it.
(el('feedback') as HTMLAnchorElement).href = `/feedback?ticket=${encodeURIComponent(ticketId)}`;
const services = new Map<string, { name: string; nameEn: string | null }>();
let office: { name: string; nameEn: string | null } | undefined;
let lang: Lang = pickLanguage(new URLSearchParams(location.search).get('lang'), localStorage.getItem(LANG_KEY));
let lastStatus: string | undefined;
let soundOn = false;
/** What the page shows now, drawn again when the language or the names change. */
let shown: { kind: 'ticket'; ticket: TicketSnapshot } | { kind: 'not-found' } | { kind: 'refused'; message: string } | undefined;

function draw() {
  applyDocumentLanguage(lang, tt(lang, 'title'));
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = tt(lang, node.dataset.t as TrackKey);
  const other: Lang = lang === 'fa' ? 'en' : 'fa';
  el('lang').textContent = LANGUAGES[other].label;
  el('lang').lang = other;
  el('office').textContent = office ? (lang === 'en' && office.nameEn ? office.nameEn : office.name) : '';
  if (shown?.kind === 'ticket') drawTicket(shown.ticket);
  else if (shown) drawMissing(shown.kind === 'not-found' ? tt(lang, 'notFound') : lang === 'fa' ? shown.message : tt(lang, 'refused'), shown.kind === 'not-found');
}

function drawTicket(ticket: TicketSnapshot) {
  const { status } = ticket;
  const waiting = status === 'issued';
  const ended = ENDED.has(status);
  const service = services.get(ticket.serviceId);
  el('number').textContent = localDigits(ticket.number, lang);
  el('service').textContent = service ? (lang === 'en' && service.nameEn ? service.nameEn : service.name) : '';
  el('status').textContent = statusText(ticket);
  document.body.dataset.status = status;
  document.body.dataset.outcome = ticket.outcome ?? '';
  el('help').hidden = true;
  el('facts').hidden = !waiting;
  // An admin closed the service after this ticket was taken: it stays valid and will be called.
  el('service-closed').hidden = !(ticket.serviceClosed && (waiting || status === 'parked'));
  el('ahead').textContent = waiting ? localDigits(ticket.ahead, lang) : '—';
  el('wait').textContent = waiting ? waitPromiseText(ticket, lang) : '—';
  el('sound').hidden = soundOn || ended;
}

function statusText(ticket: TicketSnapshot): string {
  const { status } = ticket;
  if (status === 'called') return ticket.deskNumber ? tt(lang, 'calledToDesk', { desk: localDigits(ticket.deskNumber, lang) }) : tt(lang, 'called');
  if (status === 'issued' && ticket.transferred) return tt(lang, 'transferred');
  if (status === 'done') return tt(lang, ticket.outcome ?? 'done');
  return isStatusKey(status) ? tt(lang, status) : status;
}

/** No ticket to show: the reason, and nothing left that waits for a ticket («…»). */
function drawMissing(text: string, notFound: boolean) {
  document.body.dataset.status = notFound ? 'not-found' : 'refused';
  el('number').textContent = '—';
  el('service').textContent = '';
  el('status').textContent = text;
  el('help').textContent = tt(lang, 'notFoundHelp');
  el('help').hidden = !notFound;
  el('facts').hidden = true;
  el('service-closed').hidden = true;
  el('sound').hidden = true;
}

function show(ticket: TicketSnapshot) {
  shown = { kind: 'ticket', ticket };
  drawTicket(ticket);
  if (ticket.status === 'called' && lastStatus !== undefined && lastStatus !== 'called') alertCalled();
  lastStatus = ticket.status;
}

async function loadNames() {
  const [officeAnswer, servicesAnswer] = await Promise.all([fetch('/api/v1/office'), fetch('/api/v1/services')]);
  if (officeAnswer.ok) office = (await officeAnswer.json()) as { name: string; nameEn: string | null };
  if (servicesAnswer.ok) for (const s of (await servicesAnswer.json()) as Array<{ id: string; name: string; nameEn: string | null }>) services.set(s.id, s);
  draw();
}

function start() {
  el('sound').addEventListener('click', () => {
    unlockSound();
    soundOn = true;
    el('sound').hidden = true;
  });
  el('lang').addEventListener('click', () => {
    lang = lang === 'fa' ? 'en' : 'fa';
    localStorage.setItem(LANG_KEY, lang);
    // The address keeps the choice too, so a reload or a bookmark opens the page as it was left.
    const address = new URL(location.href);
    address.searchParams.set('lang', lang);
    history.replaceState(null, '', address);
    draw();
  });
  // A ticket id is 22 characters of base64url (server/auth/secrets.ts): the server refuses to connect
  // a page for anything else, so such an address is told at once that it names no ticket.
  if (!/^[A-Za-z0-9_-]{22}$/.test(ticketId)) shown = { kind: 'not-found' };
  draw();
  if (!shown) connectTiny(
    { ticketId },
    {
      onEvent: (name, payload) => {
        if (name === 'ticket:snapshot') show(payload as TicketSnapshot);
        if (name !== 'error:refused') return;
        const { code, message } = payload as { code: string; message: string };
        shown = code === 'unknown_ticket' || code === 'invalid_request' ? { kind: 'not-found' } : { kind: 'refused', message };
        draw();
      },
      onConnection: (connected) => {
        el('connection').hidden = connected;
      },
    },
  );
  void loadNames().catch(() => undefined);
}

returnToKioskTab();
start();
