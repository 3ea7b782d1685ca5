// /manager/report?from&to: the printable indicators report, rendered on the server for managers and
// admins signed in with the session cookie (the manager screen frames it and links to it), with its
// style sheet and font. Anyone else gets a short Persian page saying why.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Hono } from 'hono';
import { hasRole } from '../../auth/principal.js';
import { authenticate } from '../auth.js';
import type { AppDeps, AppEnv } from '../env.js';
import { statsPeriodQuery } from '../schemas.js';
import type { StatsDays } from '../../stats/days.js';
import { indicatorsReport } from '../../stats/report.js';
import { indicatorsPage, messagePage } from '../../stats/report-page.js';
import { formatClock, formatJalaliDate } from '../../time/persian.js';

const css = readFileSync(join(import.meta.dirname, '../../stats/report-page.css'));
const font = readFileSync(createRequire(import.meta.url).resolve('vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2'));

export function reportPageRoutes(deps: AppDeps, stats: StatsDays) {
  return new Hono<AppEnv>()
    .get('/report.css', (c) => c.body(new Uint8Array(css), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }))
    .get('/report-font.woff2', (c) => c.body(new Uint8Array(font), 200, { 'Content-Type': 'font/woff2', 'Cache-Control': 'public, max-age=86400' }))
    .get('/report', authenticate(deps), async (c) => {
      const principal = c.get('principal');
      const signIn = { href: '/manager', text: 'ورود به صفحهٔ مدیر' };
      if (!principal || principal.kind === 'demo-device') {
        return c.html(messagePage('ابتدا وارد شوید', 'این گزارش را مدیران و مسئولان سامانه پس از ورود در صفحهٔ مدیر می‌بینند.', signIn), 401, { 'Cache-Control': 'no-store' });
      }
      if (!hasRole(principal, 'manager', 'admin')) {
        return c.html(messagePage('دسترسی ندارید', 'گزارش شاخص‌ها فقط برای مدیران و مسئولان سامانه است.'), 403, { 'Cache-Control': 'no-store' });
      }
      const query = statsPeriodQuery.safeParse(c.req.query());
      if (!query.success) {
        return c.html(messagePage('دورهٔ گزارش نادرست است', 'تاریخ «از» و «تا» را به شکل ۱۴۰۴-۰۸-۰۱ (شمسی) یا 2025-10-23 (میلادی)، یا ماه (۱۴۰۴-۰۸) یا سال (۱۴۰۴) بدهید و «از» پس از «تا» نباشد.', signIn), 400, { 'Cache-Control': 'no-store' });
      }
      const now = deps.office.now();
      const printedAt = `${formatJalaliDate(now, deps.config.timeZone, 'fa')} ساعت ${formatClock(now, deps.config.timeZone, 'fa')}`;
      return c.html(indicatorsPage(await indicatorsReport(stats, query.data.range), printedAt), 200, { 'Cache-Control': 'no-store' });
    });
}
