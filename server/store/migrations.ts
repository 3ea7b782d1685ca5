// Versioned schema migrations, applied in order inside one transaction each; `user_version` records
// the last one applied. Never edit a released migration: add the next.
import type { Database } from 'better-sqlite3';

export const migrations: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        ticket_id TEXT,
        desk_id TEXT,
        actor TEXT,
        data TEXT NOT NULL
      );
      CREATE INDEX events_ticket ON events(ticket_id);
      CREATE INDEX events_at ON events(at);

      -- One row per ticket: the projection that screens, estimates and statistics read.
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        jday TEXT NOT NULL,
        jmonth TEXT NOT NULL,
        hour INTEGER NOT NULL,
        service_id TEXT NOT NULL,
        first_service_id TEXT NOT NULL,
        number TEXT NOT NULL,
        counter INTEGER NOT NULL,
        priority_group TEXT,
        status TEXT NOT NULL,
        desk_id TEXT,
        target_desk_id TEXT,
        rank REAL NOT NULL,
        issued_at INTEGER NOT NULL,
        called_at INTEGER,
        last_called_at INTEGER,
        recalls INTEGER NOT NULL DEFAULT 0,
        started_at INTEGER,
        finished_at INTEGER,
        wait_s REAL,
        service_s REAL,
        outcome TEXT,
        note TEXT,
        transfers INTEGER NOT NULL DEFAULT 0,
        staff_id TEXT,
        UNIQUE (day, first_service_id, counter)
      );
      CREATE INDEX tickets_open ON tickets(status) WHERE status IN ('issued', 'called', 'serving', 'parked', 'no_show');
      CREATE INDEX tickets_jday_service ON tickets(jday, service_id);
      CREATE INDEX tickets_day ON tickets(day);

      CREATE TABLE desks (
        id TEXT PRIMARY KEY,
        open INTEGER NOT NULL DEFAULT 0,
        staff_id TEXT,
        pause_reason TEXT,
        pause_note TEXT,
        pause_since INTEGER,
        current_ticket_id TEXT,
        priority_streak INTEGER NOT NULL DEFAULT 0
      );

      -- Retried requests (kiosk idempotency keys, desk request ids) answer with what the first did.
      CREATE TABLE requests (
        key TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        ticket_id TEXT
      );

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'admin')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        -- Demo accounts (password "demo") exist only for the demo office and are refused outside it.
        demo INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        desk_id TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'keypad', 'printer')),
        name TEXT NOT NULL,
        token_hash TEXT UNIQUE,
        pairing_code_hash TEXT UNIQUE,
        pairing_expires_at INTEGER,
        desk_id TEXT,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER,
        revoked_at INTEGER
      );

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    // What a request key was first used for, so that a key reused for another command is refused
    // rather than answered with the first command's result.
    sql: `ALTER TABLE requests ADD COLUMN command TEXT;`,
  },
  {
    version: 3,
    // A desk PC can be a device too, bound to its desk; SQLite cannot widen a CHECK in place.
    sql: `
      CREATE TABLE devices_v3 (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'keypad', 'printer', 'desk')),
        name TEXT NOT NULL,
        token_hash TEXT UNIQUE,
        pairing_code_hash TEXT UNIQUE,
        pairing_expires_at INTEGER,
        desk_id TEXT,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER,
        revoked_at INTEGER,
        CHECK (kind <> 'desk' OR desk_id IS NOT NULL)
      );
      INSERT INTO devices_v3 SELECT * FROM devices;
      DROP TABLE devices;
      ALTER TABLE devices_v3 RENAME TO devices;
    `,
  },
  {
    version: 4,
    // Satisfaction ratings from the keypads. A press is identified by (device, boot, seq) so that a
    // resent frame counts once. Desk ratings carry the ticket they answered (or none when the keypad
    // was not armed); exit ratings carry no ticket. Day keys match the tickets table's.
    sql: `
      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        day TEXT NOT NULL,
        jday TEXT NOT NULL,
        jmonth TEXT NOT NULL,
        hour INTEGER NOT NULL,
        keypad_id TEXT NOT NULL,
        device TEXT NOT NULL,
        boot TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('desk', 'exit')),
        desk_id TEXT,
        ticket_id TEXT,
        service_id TEXT,
        staff_id TEXT,
        button INTEGER NOT NULL,
        buttons INTEGER NOT NULL CHECK (buttons BETWEEN 3 AND 5),
        CHECK (button BETWEEN 1 AND buttons),
        UNIQUE (device, boot, seq)
      );
      CREATE INDEX ratings_jday ON ratings(jday);
      CREATE UNIQUE INDEX ratings_ticket ON ratings(ticket_id) WHERE ticket_id IS NOT NULL;
    `,
  },
  {
    version: 5,
    // Wrong-password counts per account and per client address (server/auth/lockout.ts), kept so that
    // a restart does not lift a lock-out.
    sql: `
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        locked_until INTEGER NOT NULL
      );
    `,
  },
  {
    version: 6,
    // Statistics: the wait each visitor was promised at issue (indicator 10 reports how often it
    // held), and the desk that last called a ticket, which `desk_id` forgets on a no-show.
    sql: `
      ALTER TABLE tickets ADD COLUMN promised_s REAL;
      ALTER TABLE tickets ADD COLUMN promised_low_s REAL;
      ALTER TABLE tickets ADD COLUMN promised_high_s REAL;
      ALTER TABLE tickets ADD COLUMN called_desk_id TEXT;
      UPDATE tickets SET called_desk_id = (SELECT e.desk_id FROM events e WHERE e.ticket_id = tickets.id AND e.type = 'ticket.called' ORDER BY e.seq DESC LIMIT 1)
        WHERE called_at IS NOT NULL;
    `,
  },
  {
    version: 7,
    // Alerts for managers. One row per occurrence of a condition (kind + subject): it stays open while
    // the condition holds or nobody has acknowledged it, and the partial unique index keeps a
    // condition from being raised twice while its alert is open.
    sql: `
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        message TEXT NOT NULL,
        message_en TEXT NOT NULL,
        raised_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        cleared_at INTEGER,
        acked_at INTEGER,
        acked_by TEXT REFERENCES users(id),
        ack_comment TEXT,
        CHECK ((acked_at IS NULL) = (acked_by IS NULL) AND (acked_at IS NULL) = (ack_comment IS NULL))
      );
      CREATE UNIQUE INDEX alerts_open ON alerts(kind, subject) WHERE acked_at IS NULL OR cleared_at IS NULL;
      CREATE INDEX alerts_raised ON alerts(raised_at);
    `,
  },
  {
    version: 8,
    // The office's configuration, edited from the browser: one document in the office-file format
    // (seeded from the file or the demo office when the database is new), and a version per edited
    // entity ('service:<id>', 'desk:<id>', 'office', 'user:<id>', …) so that two admins editing the
    // same thing are told rather than silently overwriting each other. Changes go to the event log
    // as 'config.changed' events.
    sql: `
      CREATE TABLE office_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        document TEXT NOT NULL,
        revision INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE config_versions (
        entity TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      );
      -- Only the rare configuration events are indexed, so ticket events pay nothing for the audit trail.
      CREATE INDEX events_config ON events(seq) WHERE type = 'config.changed';
    `,
  },
  {
    version: 9,
    sql: `
      -- A desk's no-shows of the day, read with every desk snapshot: without this, each read scanned
      -- the whole day's events. Partial, so ticket events other than no-shows pay nothing.
      CREATE INDEX events_no_show_desk ON events(desk_id, at) WHERE type = 'ticket.no_show';
    `,
  },
  {
    version: 10,
    // Statistics of each closed day (server/stats/days.ts), so that a month or a year of figures reads
    // a row a day instead of every ticket. A cache: deleting rows only costs recomputing them. Ratings
    // are aggregated by day as tickets are.
    sql: `
      CREATE TABLE stats_days (
        day TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        targets TEXT NOT NULL,
        figures TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ratings_day ON ratings(day);
    `,
  },
  {
    version: 11,
    // Whether the office was created from an office file or as the demo (server/config/stored.ts).
    // Databases from before this knew it only by their accounts: the demo's are all demo accounts.
    sql: `
      INSERT INTO meta (key, value)
      SELECT 'config_origin', CASE WHEN EXISTS (SELECT 1 FROM users WHERE demo = 1) AND NOT EXISTS (SELECT 1 FROM users WHERE demo = 0) THEN 'demo' ELSE 'office-file' END
      WHERE EXISTS (SELECT 1 FROM office_config);
    `,
  },
  {
    version: 12,
    // A keypad's 16-bit seq comes round again after 65,536 frames (about 36 h of heartbeats), so
    // (device, boot, seq) names a press only together with `wrap`: how many presses with that seq
    // the same boot made before (server/keypads/rating-store.ts).
    sql: `
      CREATE TABLE ratings_v12 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        day TEXT NOT NULL,
        jday TEXT NOT NULL,
        jmonth TEXT NOT NULL,
        hour INTEGER NOT NULL,
        keypad_id TEXT NOT NULL,
        device TEXT NOT NULL,
        boot TEXT NOT NULL,
        seq INTEGER NOT NULL,
        wrap INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL CHECK (kind IN ('desk', 'exit')),
        desk_id TEXT,
        ticket_id TEXT,
        service_id TEXT,
        staff_id TEXT,
        button INTEGER NOT NULL,
        buttons INTEGER NOT NULL CHECK (buttons BETWEEN 3 AND 5),
        CHECK (button BETWEEN 1 AND buttons),
        UNIQUE (device, boot, seq, wrap)
      );
      INSERT INTO ratings_v12 (id, at, day, jday, jmonth, hour, keypad_id, device, boot, seq, kind, desk_id, ticket_id, service_id, staff_id, button, buttons)
        SELECT id, at, day, jday, jmonth, hour, keypad_id, device, boot, seq, kind, desk_id, ticket_id, service_id, staff_id, button, buttons FROM ratings;
      DROP TABLE ratings;
      ALTER TABLE ratings_v12 RENAME TO ratings;
      CREATE INDEX ratings_jday ON ratings(jday);
      CREATE INDEX ratings_day ON ratings(day);
      CREATE UNIQUE INDEX ratings_ticket ON ratings(ticket_id) WHERE ticket_id IS NOT NULL;
    `,
  },
  {
    version: 13,
    // The citizens' voice (server/voice/): feedback with its follow-up code, public-meeting sessions
    // and their registrations. A mobile number is only ever stored sealed (mobile-vault.ts). Every
    // change is also a 'voice.*' event in the log, which no screen's event stream carries.
    sql: `
      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        topic TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        service_id TEXT,
        desk_id TEXT,
        staff_id TEXT,
        ticket_id TEXT,
        mobile_sealed TEXT,
        mobile_erased_at INTEGER,
        status TEXT NOT NULL,
        assigned_to TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        day TEXT NOT NULL,
        jmonth TEXT NOT NULL,
        answer TEXT,
        answered_at INTEGER,
        answered_by TEXT REFERENCES users(id),
        closed_at INTEGER,
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      );
      CREATE INDEX feedback_day ON feedback(day);
      CREATE INDEX feedback_open ON feedback(kind, created_at) WHERE status IN ('received', 'in_progress');
      CREATE INDEX feedback_mobile ON feedback(created_at) WHERE mobile_sealed IS NOT NULL;

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        host_id TEXT NOT NULL REFERENCES users(id),
        weekday TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        place TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE meeting_registrations (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        meeting_id TEXT NOT NULL REFERENCES meetings(id),
        day TEXT NOT NULL,
        counter INTEGER NOT NULL,
        number TEXT NOT NULL,
        reason TEXT NOT NULL,
        text TEXT,
        status TEXT NOT NULL,
        registered_at INTEGER NOT NULL,
        called_at INTEGER,
        met_at INTEGER,
        result TEXT,
        note TEXT,
        follow_up_by TEXT,
        due_date TEXT,
        follow_up_done_at INTEGER,
        follow_up_note TEXT,
        UNIQUE (meeting_id, day, counter)
      );
      CREATE INDEX meeting_registrations_day ON meeting_registrations(day);
      CREATE INDEX meeting_follow_ups_open ON meeting_registrations(due_date) WHERE result = 'follow_up' AND follow_up_done_at IS NULL;
    `,
  },
  {
    version: 14,
    // The SMS outbox (server/messages/outbox.ts): one row per message, ever, by its idempotency key;
    // the number is erased (NULL) a while after the message is done. Subscriptions hold the number a
    // visitor left for their ticket until the ticket ends.
    sql: `
      CREATE TABLE sms_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        to_number TEXT,
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        sent_at INTEGER,
        provider_id TEXT,
        last_error TEXT
      );
      CREATE INDEX sms_outbox_due ON sms_outbox(status, next_attempt_at);
      CREATE INDEX sms_outbox_number ON sms_outbox(to_number, created_at);
      CREATE TABLE sms_subscriptions (
        ticket_id TEXT PRIMARY KEY,
        mobile TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 15,
    // Appointments (server/appointments): a hold keeps a slot for a few minutes while its one-time code
    // is typed (only the code's keyed hash is stored); a confirmed hold becomes a booking with its own
    // code. Numbers are sealed (as the citizens' voice seals them) and erased after the booking's day;
    // the keyed tag beside them counts one number's bookings without opening them.
    sql: `
      CREATE TABLE appointment_holds (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        mobile_tag TEXT NOT NULL,
        mobile_sealed TEXT NOT NULL,
        otp_hash TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL CHECK (source IN ('public', 'staff')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX appointment_holds_slot ON appointment_holds(service_id, start, expires_at);
      CREATE INDEX appointment_holds_mobile ON appointment_holds(mobile_tag, expires_at);
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in')),
        source TEXT NOT NULL CHECK (source IN ('public', 'staff')),
        mobile_tag TEXT,
        mobile_sealed TEXT,
        created_at INTEGER NOT NULL,
        cancelled_at INTEGER,
        checked_in_at INTEGER,
        ticket_id TEXT,
        reschedules INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX appointments_slot ON appointments(service_id, start) WHERE status <> 'cancelled';
      CREATE INDEX appointments_mobile ON appointments(mobile_tag, start) WHERE mobile_tag IS NOT NULL;
      CREATE INDEX appointments_day ON appointments(day);
    `,
  },
  {
    version: 16,
    // A ticket issued at a booking's check-in names the booking and its time, and whether the
    // visitor came past the grace (then it was a walk-in's ticket): the queue is restored with it,
    // and statistics count booked visits, no-shows and punctuality from it.
    sql: `
      ALTER TABLE tickets ADD COLUMN appointment_id TEXT;
      ALTER TABLE tickets ADD COLUMN appointment_start INTEGER;
      ALTER TABLE tickets ADD COLUMN appointment_late INTEGER;
    `,
  },
  {
    version: 17,
    // Every open desk's snapshot counts its day's served tickets after every change: without this
    // index that read walked the whole day's tickets, once per desk per event.
    sql: `CREATE INDEX tickets_day_desk ON tickets(day, desk_id, status, service_s);`,
  },
  {
    version: 18,
    // A kiosk retries a filing whose answer the network lost with the same Idempotency-Key: the key is
    // kept with the feedback or meeting registration it filed, so the retry answers with that one.
    sql: `
      ALTER TABLE feedback ADD COLUMN request_key TEXT;
      CREATE UNIQUE INDEX feedback_request_key ON feedback(request_key) WHERE request_key IS NOT NULL;
      ALTER TABLE meeting_registrations ADD COLUMN request_key TEXT;
      CREATE UNIQUE INDEX meeting_registrations_request_key ON meeting_registrations(request_key) WHERE request_key IS NOT NULL;
    `,
  },
  {
    version: 19,
    // After a public meeting the citizen answers one satisfaction question (1 to 5) on the phone page
    // of their follow-up code; indicator 20 reports it.
    sql: `
      ALTER TABLE meeting_registrations ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
      ALTER TABLE meeting_registrations ADD COLUMN rated_at INTEGER;
    `,
  },
];

export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new Error(`database schema version ${current} is newer than this nobat (${latest}); upgrade nobat`);
  for (const { version, sql } of migrations) {
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return latest;
}
