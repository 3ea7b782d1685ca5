// The shapes of the statistics API (/api/v1/stats/report and /indicators), for the manager screen
// and anyone else reading them. Times are in seconds, shares are fractions 0–1, dates come in both
// calendars. Every figure may be null where there is nothing to compute it from (no ticket served).
import type { BookingIndicator } from './bookings.js';
import type { VoiceIndicators } from '../voice/indicator-types.js';

/** How a report's rows are cut. */
export const GROUPINGS = ['service', 'desk', 'staff', 'hour', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The days a report covers, both included. */
export interface ReportPeriod {
  /** Gregorian ISO dates ('2026-10-23'). */
  from: string;
  to: string;
  /** Jalali keys ('1405-08-01'). */
  fromJalali: string;
  toJalali: string;
  days: number;
}

/**
 * A spread of durations, in seconds. Count, mean and max are exact; p50 and p90 are nearest-rank
 * percentiles read from histograms (5-second buckets below 10 minutes, 30 s below an hour, a minute
 * beyond), given as the middle of their bucket (the maximum in the maximum's bucket): within a bucket
 * of the truth, and p50 ≤ p90 ≤ max; with fewer than 10 durations the p90 is the longest.
 */
export interface Distribution {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

/** Satisfaction keypad presses (button N of N is the best). */
export interface RatingSummary {
  count: number;
  /** Presses per button, for each keypad size seen: `{ buttons: 5, counts: [1st, …, 5th] }`. */
  distribution: Array<{ buttons: number; counts: number[] }>;
  /** Share of presses on the two best buttons of their keypad. */
  topTwoShare: number | null;
  /** Mean rating on a 1–5 scale (a 3-button keypad's buttons count 1, 3 and 5). */
  meanOutOf5: number | null;
}

/** Everything counted for one row of a report (or for the whole period). */
export interface Figures {
  /** Tickets issued. */
  issued: number;
  /** Finished at a desk (status done, whatever the outcome). */
  served: number;
  noShows: number;
  cancelled: number;
  /** Tickets moved to another service or desk at least once. */
  transferred: number;
  /** Issue to first call, over the tickets that were called. */
  waitSeconds: Distribution;
  /** Time at desks, over the served tickets (a transferred ticket's desks added up). */
  serviceSeconds: Distribution;
  /** Share of the called tickets called within their service's `targetWaitMinutes`. */
  withinTargetShare: number | null;
  ratings: RatingSummary;
}

/**
 * One row. `key` is what the row is about:
 * - service: the service id (rows follow the office file's order; `name` is its Persian name);
 * - desk: the desk that last called the ticket (`name` from the office file); tickets never called
 *   and exit-keypad ratings belong to no desk row;
 * - staff: the user id of who last called the ticket (`name` from the accounts);
 * - hour: the local hour of issue, '7' for 07:00–07:59 (ratings: the hour of the press);
 * - day: the Jalali day ('1405-08-01'), with `iso` beside it; every day of the period has a row.
 * A row's `name` is null where there is no name to give (hours, days, removed desks).
 */
export interface ReportRow extends Figures {
  key: string;
  name: string | null;
  /** The English name of a service or desk row (a desk without one: «Desk 3»); null elsewhere. */
  nameEn: string | null;
  /** The Gregorian date of a day row. */
  iso?: string;
  /** Service rows only: the most tickets waiting for their first call at one moment. */
  longestQueue?: number;
}

/** GET /api/v1/stats/report?from&to&by */
export interface StatsReport {
  office: string;
  period: ReportPeriod;
  by: Grouping;
  rows: ReportRow[];
  /** The whole period; its `longestQueue` counts every service's line together. */
  total: Figures & { longestQueue: number };
}

/** GET /api/v1/stats/reports?from&to: the rows of every grouping of one period, from one read of its days. */
export interface StatsReportSet {
  office: string;
  period: ReportPeriod;
  rows: Record<Grouping, ReportRow[]>;
  total: StatsReport['total'];
}

/** How well the wait on the ticket held, over the called tickets that carried one. */
export interface PromiseAccuracy {
  /** Called tickets that were told a wait at issue. */
  count: number;
  /** Share whose real wait fell inside the range they were shown. */
  withinRangeShare: number | null;
  /** Share called no later than the range's upper end (the promise itself). */
  notLaterShare: number | null;
  /** Share called more than 5 minutes after the promised upper end. */
  pastUpperBy5Share: number | null;
  /** Mean absolute difference between the estimate and the real wait, seconds. */
  meanAbsoluteErrorSeconds: number | null;
  /** Mean of real wait minus estimate, seconds (positive: people waited longer than told). */
  meanLatenessSeconds: number | null;
}

/** GET /api/v1/stats/indicators?from&to: the citizens'-rights indicators report, 8 to 12, 19, 20, 22 and 23 (those beside 8–11: server/voice/indicator-types.ts). */
export interface IndicatorsReport extends VoiceIndicators {
  office: string;
  /** Appointments beside walk-ins: no-show share of bookings, punctuality (server/stats/bookings.ts). */
  bookings: BookingIndicator;
  period: ReportPeriod;
  /** Jalali months the period spans, each day counting as a fraction of its month (1 for a whole month, 12 for a year). */
  months: number;
  /**
   * The period is not whole Jalali months (a day, a week, half a month): indicator 8 then gives the
   * visitors of the period as they are, over its days, and no monthly average made up from them.
   */
  partialPeriod: boolean;
  /** Indicator 8: average visitors per month, per service; null for a partial period. */
  visitorsPerMonth: Array<{ serviceId: string; name: string; issued: number; perMonth: number | null }>;
  /** Indicator 9: average time to deliver each service (seconds at the desk, served tickets). */
  serviceTime: Array<{ serviceId: string; name: string; served: number; meanSeconds: number | null; p90Seconds: number | null; targetWaitMinutes: number; meanWaitSeconds: number | null }>;
  /** Indicator 10: the turn system and how well it told visitors their wait. */
  turnSystem: { accuracy: PromiseAccuracy; waitSeconds: Distribution; withinTargetShare: number | null; issued: number; served: number; longestQueue: number };
  /** Indicator 11: the satisfaction survey. */
  survey: {
    ratings: RatingSummary;
    /** Keypads that reported in the period, by where they stand. */
    keypads: { desk: number; exit: number };
    /** Presses by where the keypad stands. */
    byKind: { desk: number; exit: number };
    /** Keypad sizes seen (3 to 5 buttons). */
    buttons: number[];
  };
}
