// The days and slots a service offers for booking at one instant, and how many are still free. Pure:
// the plan, the time and what is taken come in as parameters; nothing here reads a clock or a store.
import { gregorianToJalali, parseDateKey, toDateKey } from '../time/calendar.js';
import { serviceDay } from '../time/day.js';
import { instantAtLocal, weekdayOf } from '../time/zoned.js';
import type { BookingPlan } from './plan.js';

export interface Slot {
  start: number;
  end: number;
  /** Visits the slot may take. */
  capacity: number;
}

export interface FreeSlot {
  start: number;
  end: number;
  free: number;
}

export interface FreeDay {
  /** Gregorian ISO date, as the API's queries take it. */
  date: string;
  jalali: string;
  free: number;
}

/** Visits already holding each slot (bookings and live holds), by the slot's start. */
export type Taken = (start: number) => number;

/** The slots of a day with their capacities; none on a closed day or a weekday without hours. */
export function slotsOfDay(plan: BookingPlan, date: string): Slot[] {
  if (isClosedDay(plan, date)) return [];
  const { year, month, day } = parseDateKey(date);
  const starts: number[] = [];
  for (const period of plan.week[weekdayOf(year, month, day)] ?? []) {
    for (let from = period.from; from + plan.slotMinutes <= period.to; from += plan.slotMinutes) starts.push(from);
  }
  // An hour's visits are spread over the slots starting in it, the earlier ones taking any remainder.
  const byHour = new Map<number, number[]>();
  for (const from of starts) byHour.set(Math.floor(from / 60), [...(byHour.get(Math.floor(from / 60)) ?? []), from]);
  const slots: Slot[] = [];
  for (const [hour, froms] of byHour) {
    const visits = plan.hourCapacity(hour, froms.length * plan.slotMinutes);
    froms.forEach((from, i) => {
      const start = instantAtLocal(year, month, day, from, plan.timeZone);
      const capacity = Math.floor(visits / froms.length) + (i < visits % froms.length ? 1 : 0);
      slots.push({ start, end: start + plan.slotMinutes * 60_000, capacity });
    });
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Whether the Jalali date of `date` is one of the plan's closed days (a dated one or a yearly one). */
export function isClosedDay(plan: BookingPlan, date: string): boolean {
  const jalali = toDateKey(gregorianToJalali(parseDateKey(date)));
  return plan.closedDays.some((closed) => closed === jalali || closed === jalali.slice(5));
}

/** When booking for `date` opens: `daysAhead` days before it, at the plan's opening time. */
export function bookingOpensAt(plan: BookingPlan, date: string): number {
  const { year, month, day } = parseDateKey(date);
  return instantAtLocal(year, month, day - plan.daysAhead, plan.opensAt, plan.timeZone);
}

/** The slots offered at `now` on `date` (open for booking, starting after the lead time), with their free places. */
export function offeredSlots(plan: BookingPlan, date: string, now: number, taken: Taken): FreeSlot[] {
  if (now < bookingOpensAt(plan, date)) return [];
  const earliest = now + plan.leadMinutes * 60_000;
  return slotsOfDay(plan, date)
    .filter((slot) => slot.start >= earliest && slot.capacity > 0)
    .map((slot) => ({ start: slot.start, end: slot.end, free: Math.max(0, slot.capacity - taken(slot.start)) }));
}

/** The days from today to the furthest open one that have slots on offer at `now`, with their free places. */
export function offeredDays(plan: BookingPlan, now: number, taken: Taken): FreeDay[] {
  const today = parseDateKey(serviceDay(now, plan.timeZone).iso);
  const days: FreeDay[] = [];
  for (let offset = 0; offset <= plan.daysAhead; offset++) {
    const date = addDays(today, offset);
    const slots = offeredSlots(plan, date, now, taken);
    if (slots.length === 0) continue;
    days.push({ date, jalali: toDateKey(gregorianToJalali(parseDateKey(date))), free: slots.reduce((sum, slot) => sum + slot.free, 0) });
  }
  return days;
}

/** The slot on offer at `now` that starts at `start`, or null (not a slot start, closed, too soon, not yet open). */
export function offeredSlotAt(plan: BookingPlan, start: number, now: number): Slot | null {
  const date = serviceDay(start, plan.timeZone).iso;
  if (now < bookingOpensAt(plan, date) || start < now + plan.leadMinutes * 60_000) return null;
  return slotsOfDay(plan, date).find((slot) => slot.start === start && slot.capacity > 0) ?? null;
}

function addDays(date: { year: number; month: number; day: number }, days: number): string {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return toDateKey({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}
