// /api/v1/enrol: an office spends its one-time code for its credential. The code is the only
// secret; a used, expired or unknown one is refused alike.
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../http/errors.js';
import { validate } from '../../../http/validate.js';
import { enrol } from '../../org/offices.js';
import type { CentralDeps, CentralEnv } from '../env.js';

export function enrolRoutes(deps: CentralDeps) {
  return new Hono<CentralEnv>().post('/', validate('json', z.object({ code: z.string().min(8).max(40) })), async (c) => {
    const enrolled = await enrol(deps.pool, c.req.valid('json').code);
    if (!enrolled) {
      deps.log.warn('enrolment refused: unknown, used or expired code');
      throw new ApiError(403, 'bad_enrolment_code', 'کد عضویت درست نیست، منقضی شده یا پیش‌تر به کار رفته است.');
    }
    deps.log.info('office enrolled', { officeId: enrolled.officeId, province: enrolled.province });
    return c.json(enrolled, 201);
  });
}
