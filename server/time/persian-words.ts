// Integers as Persian words, for spoken calls («شماره دو هزار و چهل و پنج، باجه سه»).

const ONES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
const HUNDREDS = ['', 'صد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];
// Short scale as used in Iran: هزار 10³, میلیون 10⁶, میلیارد 10⁹, تریلیون 10¹², کوادریلیون 10¹⁵.
const SCALES = ['', 'هزار', 'میلیون', 'میلیارد', 'تریلیون', 'کوادریلیون'];

/** An integer in words: 2045 → «دو هزار و چهل و پنج», 1000 → «هزار», -3 → «منفی سه». */
export function numberToPersianWords(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`only safe integers can be spoken: ${n}`);
  if (n === 0) return 'صفر';
  if (n < 0) return `منفی ${numberToPersianWords(-n)}`;
  const groups: string[] = [];
  for (let scale = 0, rest = n; rest > 0; scale++, rest = Math.floor(rest / 1000)) {
    const group = rest % 1000;
    if (group === 0) continue;
    const scaleName = SCALES[scale] ?? '';
    // «هزار» alone reads better than «یک هزار», as in «هزار و یک»; larger scales keep «یک».
    const words = scale === 1 && group === 1 ? scaleName : [belowThousand(group), scaleName].filter(Boolean).join(' ');
    groups.unshift(words);
  }
  return groups.join(' و ');
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const belowHundred = n % 100;
  const parts = [HUNDREDS[hundreds] ?? ''];
  if (belowHundred >= 10 && belowHundred < 20) parts.push(TEENS[belowHundred - 10] ?? '');
  else parts.push(TENS[Math.floor(belowHundred / 10)] ?? '', ONES[belowHundred % 10] ?? '');
  return parts.filter(Boolean).join(' و ');
}
