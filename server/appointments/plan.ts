// What one service's bookings rest on, read from the office's configuration: its working hours, the
// slots an hour is cut into, and how many visits each hour may take, in numbers or as a share of
// what the desks serving it can do. Pure: the configuration in, the plan out.
import type { OfficeConfig, OpeningHours, Weekday } from '../config/schema.js';
import { minutesOfClockTime } from '../time/hours.js';
import type { BookingServiceSettings, BookingSettings, HourCapacity } from './settings.js';

/** One working period of a weekday, in minutes since midnight. */
export interface Period {
  from: number;
  to: number;
}

export interface BookingPlan {
  serviceId: string;
  timeZone: string;
  /** Working periods per weekday (the service's hours, else the office's; "always open" gives none). */
  week: Partial<Record<Weekday, Period[]>>;
  slotMinutes: number;
  /** Visits an hour may take, given the minutes of that hour its slots cover. */
  hourCapacity: (hour: number, minutesCovered: number) => number;
  closedDays: readonly string[];
  daysAhead: number;
  /** Minutes since midnight at which the furthest day opens. */
  opensAt: number;
  leadMinutes: number;
}

/** The plan of one service, or null when it takes no bookings (not listed, unknown, inactive). */
export function bookingPlan(config: OfficeConfig, serviceId: string): BookingPlan | null {
  const booking = config.booking;
  const entry = booking?.services.find((s) => s.serviceId === serviceId);
  const service = config.services.find((s) => s.id === serviceId);
  if (!booking || !entry || !service || !service.active) return null;
  const hours = service.hours ?? config.hours;
  const perVisitMinutes = service.guidance.expectedMinutes;
  // A desk splits its time between the services of its workprofile.
  const deskShare = config.desks.filter((d) => d.services.includes(serviceId)).reduce((sum, d) => sum + 1 / d.services.length, 0);
  return {
    serviceId,
    timeZone: config.timeZone,
    week: periodsOf(hours),
    slotMinutes: entry.slotMinutes,
    hourCapacity: (hour, minutesCovered) => visitsInHour(capacityAt(entry, hour), minutesCovered, deskShare, perVisitMinutes),
    closedDays: booking.closedDays,
    daysAhead: booking.daysAhead,
    opensAt: minutesOfClockTime(booking.opensAt),
    leadMinutes: booking.leadMinutes,
  };
}

export function bookableServiceIds(booking: BookingSettings | undefined): string[] {
  return booking?.services.map((s) => s.serviceId) ?? [];
}

function capacityAt(entry: BookingServiceSettings, hour: number): HourCapacity {
  return entry.byHour[String(hour).padStart(2, '0') as keyof typeof entry.byHour] ?? entry.capacity;
}

/**
 * Visits in an hour of which `minutes` are bookable: a number scales with the minutes covered; a
 * share takes that part of the desks' visits in those minutes (each desk's time split over its
 * workprofile, `perVisitMinutes` a visit). Rounded down: a promised slot must be one the desks can keep.
 */
export function visitsInHour(capacity: HourCapacity, minutes: number, deskShare: number, perVisitMinutes: number): number {
  const covered = Math.min(60, Math.max(0, minutes));
  if ('visits' in capacity) return Math.floor((capacity.visits * covered) / 60 + 1e-9);
  return Math.floor((capacity.share * deskShare * covered) / perVisitMinutes + 1e-9);
}

function periodsOf(hours: OpeningHours): Partial<Record<Weekday, Period[]>> {
  const week: Partial<Record<Weekday, Period[]>> = {};
  for (const [day, periods] of Object.entries(hours.week) as Array<[Weekday, Array<{ from: string; to: string }>]>) {
    week[day] = periods.map((p) => ({ from: minutesOfClockTime(p.from), to: minutesOfClockTime(p.to) })).sort((a, b) => a.from - b.from);
  }
  return week;
}
