// What every realtime area is given: the typed Socket.IO server and socket, and the office's parts.
import type { Server, Socket } from 'socket.io';
import type { AlertMonitor } from '../alerts/monitor.js';
import type { Accounts } from '../auth/accounts.js';
import type { ConfigHolder } from '../config/holder.js';
import type { FeedbackStore } from '../voice/feedback-store.js';
import type { MeetingStore } from '../voice/meeting-store.js';
import type { TicketPrinting } from '../devices/printing.js';
import type { BucketLimits } from '../limits/token-bucket.js';
import type { Logger } from '../log.js';
import type { Office } from '../office/office.js';
import type { ReadModel } from '../office/read-model.js';
import type { Db } from '../store/open.js';
import type { RecentCalls } from './board.js';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './contract.js';

export type NobatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type NobatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeDeps {
  office: Office;
  read: ReadModel;
  accounts: Accounts;
  configs: ConfigHolder;
  log: Logger;
  demo: boolean;
  recentCalls: RecentCalls;
  socketRate?: BucketLimits;
  /** Bytes that may wait unsent for one socket before it is disconnected (WRITE_BUFFER_BYTES by default). */
  socketWriteBufferBytes?: number;
  db: Db;
  alerts: AlertMonitor;
  /** How often managers get a fresh snapshot without any change (ratings, estimates that age). */
  managerRefreshMs?: number;
  /** Where phones reach the server, for the kiosk's QR code. */
  publicUrl: () => string;
  /** The ticket printer, whose results go to the kiosk that asked; null when there is none. */
  printing?: TicketPrinting | null;
  /** The public meetings, whose calls the board announces like a ticket's. */
  meetings?: Pick<MeetingStore, 'on' | 'off'>;
  /** The citizens' feedback, whose changes reach the managers' inboxes (never a desk). */
  feedback?: Pick<FeedbackStore, 'on' | 'off'>;
}

/** One area of the realtime server: what it does for each new socket, and how it stops. */
export interface Area {
  register(socket: NobatSocket): void;
  close(): void;
}
