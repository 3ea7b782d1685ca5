// Ticket numbers: the service's prefix and the day's counter, zero-padded («1007»); the counter
// simply grows past its padding rather than wrapping, so a number never repeats within a day.
export function formatNumber(prefix: string, counter: number, digits: number): string {
  return prefix + String(counter).padStart(digits, '0');
}
