// The display's formatting, from the server's pure Persian helpers: digits, wait ranges, dates.
import { formatClock, formatJalaliDate, localDigits, waitPromiseText, type Lang } from '../../server/time/persian.js';

export { formatClock, formatJalaliDate, localDigits };

/** The wait as the server promised it: a range, or why there is none («هنوز باجه‌ای برای این خدمت باز نیست»). */
export { waitPromiseText as waitText };
