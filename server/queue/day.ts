// The office-local calendar day of an instant, as an ISO date: it decides daily numbering.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function serviceDayOf(ms: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(ms);
}
