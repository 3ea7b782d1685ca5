// The display's one immutable state object: the shell replaces it on every change and passes it down.
import type { BoardSnapshot, PublicCall } from '../../server/realtime/contract.js';
import type { ServiceView } from '../../server/office/read-model.js';
import type { Lang } from './i18n.js';

export type { PublicCall };

/** A service's line as the board sends it. */
export type BoardService = BoardSnapshot['services'][number];

/** A service's process-and-timing poster, from GET /api/v1/services. */
export type ServicePoster = Pick<ServiceView, 'id' | 'name' | 'nameEn' | 'guidance'>;

export interface DisplayState {
  lang: Lang;
  office: { name: string; nameEn: string | null; charter: string | null; timeZone: string };
  services: BoardService[];
  posters: ServicePoster[];
  /** Newest first: calls and recalls, numbers and desks only. */
  calls: PublicCall[];
  announcements: string[];
  /** The call shown highlighted right now (its seq), for a few seconds after it is announced. */
  highlighted: number | null;
  /** False while the live connection is down: the screen says so and keeps what it last knew. */
  connected: boolean;
  /** The server's clock minus this TV's (ms): a TV's own clock is often wrong. */
  clockOffsetMs: number;
}

/** A service's name in the reader's language. */
export function serviceName(service: { name: string; nameEn?: string | null | undefined }, lang: Lang): string {
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}
