// What every route can reach: the principal of the request and the office's services.
import type { AlertMonitor } from '../alerts/monitor.js';
import type { Accounts } from '../auth/accounts.js';
import type { Principal } from '../auth/principal.js';
import type { AccountAdmin } from '../admin/accounts-admin.js';
import type { ConfigEditor } from '../admin/config-editor.js';
import type { ConfigHolder } from '../config/holder.js';
import type { OfficeConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { KeypadStatus } from '../keypads/hub.js';
import type { Office } from '../office/office.js';
import type { ReadModel } from '../office/read-model.js';
import type { BucketLimits } from '../limits/token-bucket.js';
import type { Db } from '../store/open.js';
import type { StatsDays } from '../stats/days.js';
import type { Voice } from '../voice/voice.js';
import type { VoiceRates } from './routes/voice-rate.js';
import type { Messaging } from '../messages/messaging.js';
import type { Booking } from '../appointments/booking.js';
import type { BookingRates } from './routes/appointments.js';
import type { FollowUpSlip } from '../devices/printing.js';

export interface AppDeps {
  office: Office;
  read: ReadModel;
  accounts: Accounts;
  /** The configuration now: read it where it is used, never keep it (admins change it while the server runs). */
  readonly config: OfficeConfig;
  configs: ConfigHolder;
  configEditor: ConfigEditor;
  accountAdmin: AccountAdmin;
  db: Db;
  /** Statistics of days, kept and live, aggregated off the main thread. */
  stats: StatsDays;
  log: Logger;
  demo: boolean;
  /** Requests per device, session or visitor address; the default when absent. */
  httpRate?: BucketLimits;
  keypads: { health(): KeypadStatus[] };
  /** Feedback and public meetings (server/voice). */
  voice: Pick<Voice, 'feedback' | 'meetings'>;
  /** The citizens' voice's own limits on filing and code lookups; the defaults when absent. */
  voiceRates?: VoiceRates;
  /** Where phones reach the server, for QR codes: the office's publicUrl, else its address on the office network. */
  publicUrl: () => string;
  /** Text messages; null when the office has no `sms` settings. */
  messaging?: Messaging | null;
  alerts: AlertMonitor;
  /** Appointments (server/appointments). */
  booking: Booking;
  /** The booking routes' own limits on holds and code lookups; the defaults when absent. */
  bookingRates?: BookingRates;
  /** Called after feedback or a meeting registration from a kiosk is committed, to print its follow-up slip; never awaited. */
  onFollowUpSlip?: (slip: FollowUpSlip, language: 'fa' | 'en') => void;
}

export interface AppEnv {
  Variables: {
    principal: Principal | null;
    /** How the request authenticated: a bearer token, the browser's session cookie, or neither. */
    credential: 'bearer' | 'cookie' | null;
  };
}
