// The kiosk's one immutable state object: the shell replaces it on every change and passes it down.
import type { ServiceView } from '../../server/office/read-model.js';
import type { Lang } from './i18n.js';
import type { IssuedTicket } from './data/tickets.js';
import type { OfficeInfo } from '../../ui/office.js';
import type { OpenMeeting } from './data/voice.js';

/** A service as the kiosk shows it: guidance from the API, line and wait kept live by the board. */
export type KioskService = Pick<ServiceView, 'id' | 'name' | 'nameEn' | 'active' | 'open' | 'waiting' | 'estimatedWait' | 'estimatedWaitSeconds' | 'waitNote' | 'opensAt' | 'priorityGroups' | 'guidance'>;

export type PriorityGroup = 'elderly' | 'disabled' | 'veteran' | 'pregnant';

export type Screen =
  | { name: 'home' }
  | { name: 'service'; serviceId: string }
  /** `printFault` is why the slip was not printed (the printer's fault, or `busy`: not queued): the screen is the ticket then. */
  | { name: 'ticket'; ticket: IssuedTicket; printFault?: string }
  | { name: 'charter' }
  /** A visitor with a booking types its code. */
  | { name: 'check-in' }
  /** The citizens' voice: filing feedback, registering for a public meeting. */
  | { name: 'feedback' }
  | { name: 'meeting' }
  /** The server does not know this kiosk yet. */
  | { name: 'pairing' };

export interface KioskState {
  lang: Lang;
  screen: Screen;
  office: OfficeInfo;
  services: KioskService[];
  /** False while the live connection is down: the screen says so and keeps what it last knew. */
  connected: boolean;
  /** While the kiosk warns that it will start over for want of a touch: when it will (epoch ms). */
  idleDeadline: number | null;
  /** Public meetings open for registration today: the «ملاقات با مدیر» tile shows while there is one. */
  meetings: OpenMeeting[];
  /** The last follow-up slip that did not print, by the id of what it was for. */
  slipFault: { id: string; fault: string } | null;
  /** `retrying` carries the server's own Persian sentence when it answered (a full disk, say), not the network. */
  issue: { phase: 'idle' | 'sending' } | { phase: 'retrying'; message?: string } | { phase: 'failed'; message: string };
  /** The check-in of a booking code: under way, or refused with the server's sentence. */
  checkIn: { sending: boolean; error: string };
}

/** A service's name in the reader's language. */
export function serviceName(service: Pick<KioskService, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}
