// GET /: the page a person sees on opening the server's address, Persian first with English beside
// it: which screen is where, and how a visitor follows a ticket. No script; styled only by home.css.
import type { OfficeConfig } from '../../config/schema.js';
import { escape } from '../../stats/html.js';

export const HOME_CSS_PATH = '/home.css';

const SCREENS: Array<{ path: string; fa: string; faNote: string; en: string; enNote: string }> = [
  { path: '/kiosk', fa: 'کیوسک نوبت‌دهی', faNote: 'مراجع خدمت را انتخاب می‌کند، راهنمای آن را می‌خواند و نوبت می‌گیرد (دستگاه جفت‌شده).', en: 'Kiosk', enNote: 'visitors choose a service, read its guidance and take a ticket (a paired device)' },
  { path: '/desk', fa: 'باجه', faNote: 'کارمند وارد می‌شود، باجه را برمی‌گزیند و نوبت بعدی را فرا می‌خواند.', en: 'Desk', enNote: 'staff sign in at a desk and call the next visitor' },
  { path: '/display', fa: 'تابلوی سالن انتظار', faNote: 'شماره‌های فراخوانده‌شده و زمان انتظار هر خدمت، با صدا (نمایشگر جفت‌شده).', en: 'Waiting-room display', enNote: 'calls and waiting times, announced aloud (a paired screen)' },
  { path: '/book', fa: 'رزرو نوبت', faNote: 'مراجع از تلفن همراه روز و ساعت مراجعه را رزرو می‌کند و کد رزرو را در کیوسک وارد می‌کند.', en: 'Book a visit', enNote: 'visitors book a day and time from a phone, then type the booking code at the kiosk' },
  { path: '/feedback', fa: 'شکایت، انتقاد یا پیشنهاد', faNote: 'مراجع از تلفن همراه نظر خود را ثبت می‌کند و با کد پیگیری وضعیت و پاسخ را می‌بیند.', en: 'Complaints and suggestions', enNote: 'visitors file feedback from a phone and read the status and answer by its follow-up code' },
  { path: '/manager', fa: 'مدیر', faNote: 'آمار، گزارش شاخص‌ها، هشدارها و پیکربندی اداره.', en: 'Manager', enNote: 'statistics, the indicators report, alerts and the configuration' },
];

export function homePage(config: Pick<OfficeConfig, 'name' | 'nameEn' | 'booking'>): string {
  // The booking page is offered only by an office that takes bookings.
  const screens = SCREENS.filter((s) => s.path !== '/book' || config.booking !== undefined).map(
    (s) => `<li>
<a href="${s.path}"><span class="fa">${s.fa}</span> <span class="en" lang="en" dir="ltr">${s.en}</span></a>
<p>${s.faNote}</p>
<p class="en" lang="en" dir="ltr">${s.enNote}</p>
</li>`,
  );
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>نوبت — ${escape(config.name)}</title>
<link rel="stylesheet" href="${HOME_CSS_PATH}">
</head>
<body>
<main>
<header>
<h1>نوبت <span class="en" lang="en" dir="ltr">nobat</span></h1>
<p class="office">${escape(config.name)}</p>
${config.nameEn ? `<p class="office en" lang="en" dir="ltr">${escape(config.nameEn)}</p>` : ''}
</header>
<h2>صفحه‌ها <span class="en" lang="en" dir="ltr">Screens</span></h2>
<ul class="screens">
${screens.join('\n')}
</ul>
<h2 id="track">پیگیری نوبت <span class="en" lang="en" dir="ltr">Following a ticket</span></h2>
<p>کد QR روی برگهٔ نوبت را با دوربین گوشی بخوانید: صفحهٔ همان نوبت باز می‌شود و تا فراخوانده شدن، شمار نفرات پیش رو و زمان تقریبی انتظار را نشان می‌دهد.</p>
<p class="en" lang="en" dir="ltr">Scan the QR code on the ticket slip with a phone's camera: it opens that ticket's page (/t/…), which shows how many are ahead and the estimated wait until it is called.</p>
</main>
</body>
</html>
`;
}
