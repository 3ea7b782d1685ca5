// /api/v1/org: the organisation's offices and their indicators report, for its people. A province
// manager sees only the offices of their province; asking for another province is refused.
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../http/errors.js';
import { validate } from '../../../http/validate.js';
import { statsRange } from '../../../stats/range.js';
import { orgIndicators } from '../../org/indicators.js';
import { ORG_ROLES } from '../../org/users.js';
import { orgUser } from '../auth.js';
import type { CentralDeps, CentralEnv } from '../env.js';

const indicatorsQuery = z.object({
  from: z.string().min(4).max(20),
  to: z.string().min(4).max(20).optional(),
  office: z.coerce.number().int().positive().optional(),
  province: z.string().min(1).max(100).optional(),
});

export function orgRoutes(deps: CentralDeps) {
  const { pool } = deps;
  return new Hono<CentralEnv>()
    .get('/offices', async (c) => {
      const user = orgUser(c, ORG_ROLES);
      const { rows } = await pool.query<{ id: number; name: string; province: string; lastSyncAt: Date | null; lastSeq: string; waiting: number | null; desksOpen: number | null; enrolled: boolean; revoked: boolean; epoch: number }>(
        `SELECT id, name, province, last_sync_at AS "lastSyncAt", high_water AS "lastSeq", waiting, desks_open AS "desksOpen",
           enrolled_at IS NOT NULL AS enrolled, revoked_at IS NOT NULL AS revoked, epoch
         FROM offices WHERE ($1::text IS NULL OR province = $1) ORDER BY province, name, id`,
        [user.province],
      );
      return c.json(rows.map((r) => ({ ...r, lastSeq: Number(r.lastSeq), lastSyncAt: r.lastSyncAt?.toISOString() ?? null })));
    })
    .get('/stats/indicators', validate('query', indicatorsQuery), async (c) => {
      const user = orgUser(c, ORG_ROLES);
      const query = c.req.valid('query');
      if (user.province !== null && query.province !== undefined && query.province !== user.province) throw new ApiError(403, 'other_province', 'شما فقط گزارش ادارات استان خود را می‌بینید.');
      let range;
      try {
        range = statsRange(query.from, query.to);
      } catch (error) {
        throw new ApiError(400, 'bad_period', 'بازهٔ زمانی درست نیست؛ روز، ماه یا سال را مانند ۱۴۰۵-۰۸ بنویسید.', { reason: (error as Error).message });
      }
      const province = user.province ?? query.province ?? null;
      const report = await orgIndicators(pool, range, { province, officeId: query.office ?? null });
      if (query.office !== undefined && report.offices.length === 0) throw new ApiError(404, 'unknown_office', 'چنین اداره‌ای در دسترس شما نیست.');
      return c.json(report);
    });
}
