// The office-local calendar day of an instant, as an ISO date: it decides daily numbering.
import { serviceDay } from '../time/day.js';

export function serviceDayOf(ms: number, timeZone: string): string {
  return serviceDay(ms, timeZone).iso;
}
