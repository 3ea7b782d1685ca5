// /api/v1/sync: an office's batches of its event log. The body is read as text, checked whole
// (shape, order, digest) and only then applied; a damaged batch changes nothing.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contentDigest, MAX_BATCH_BYTES, syncBatchSchema, syncEventProblem, type SyncBatch } from '../../../sync/wire.js';
import { ApiError, errorBody } from '../../../http/errors.js';
import { applyBatch, SyncRefused } from '../../ingest/apply-batch.js';
import { signedOffice } from '../auth.js';
import type { CentralDeps, CentralEnv } from '../env.js';

const REFUSALS: Record<SyncRefused['code'], { status: 403 | 409; fa: string }> = {
  office_revoked: { status: 403, fa: 'دسترسی این اداره به مرکز لغو شده است.' },
  stale_epoch: { status: 409, fa: 'این بسته از دورهٔ پیشین رویدادهای اداره است و پذیرفته نمی‌شود.' },
  bad_epoch: { status: 409, fa: 'دورهٔ رویدادهای این بسته با مرکز نمی‌خواند.' },
  seq_gap: { status: 409, fa: 'رویدادهایی پیش از این بسته به مرکز نرسیده است؛ از جایگاه مرکز دوباره بفرستید.' },
  seq_regressed: { status: 409, fa: 'رویدادهای این اداره با آنچه مرکز دارد نمی‌خواند (احتمالاً از پشتیبان بازگردانی شده است).' },
};

export function syncRoutes(deps: CentralDeps) {
  return new Hono<CentralEnv>().post(
    '/batches',
    bodyLimit({ maxSize: MAX_BATCH_BYTES, onError: (c) => c.json(errorBody('body_too_large', 'حجم بسته بیش از حد مجاز است.'), 413, { Connection: 'close' }) }),
    async (c) => {
      const officeId = signedOffice(c);
      const batch = parseBatch(await c.req.text(), c.req.header('content-digest'), officeId, deps);
      try {
        const receipt = await applyBatch(deps.pool, officeId, batch, deps.log);
        if (receipt.duplicates > 0) deps.log.info('batch held events applied before; they were not counted again', { officeId, duplicates: receipt.duplicates, applied: receipt.applied, highWater: receipt.highWater });
        return c.json(receipt);
      } catch (error) {
        if (!(error instanceof SyncRefused)) throw error;
        (error.code === 'seq_regressed' ? deps.log.error : deps.log.warn)(`sync batch refused: ${error.code}`, { officeId, reason: error.message, ...error.details });
        const refusal = REFUSALS[error.code];
        return c.json(errorBody(error.code, refusal.fa, error.details), refusal.status);
      }
    },
  );
}

function parseBatch(text: string, digest: string | undefined, officeId: number, deps: CentralDeps): SyncBatch {
  const corrupt = (reason: string) => {
    deps.log.warn('sync batch refused: corrupt_batch', { officeId, reason });
    return new ApiError(400, 'corrupt_batch', 'بستهٔ رویدادها خراب یا ناقص رسیده است و هیچ بخشی از آن ثبت نشد.', { reason });
  };
  if (digest !== contentDigest(text)) throw corrupt(digest ? 'Content-Digest does not match the body' : 'no Content-Digest header');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corrupt('not JSON');
  }
  const parsed = syncBatchSchema.safeParse(json);
  if (!parsed.success) throw corrupt(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  for (const [i, event] of parsed.data.events.entries()) {
    const problem = syncEventProblem(event);
    if (problem) throw corrupt(`events.${i}: ${problem}`);
  }
  const batch = parsed.data as SyncBatch;
  let last = batch.after;
  for (const event of batch.events) {
    if (event.seq <= last) throw corrupt(`seq ${event.seq} does not follow ${last}`);
    last = event.seq;
  }
  if (batch.through < last) throw corrupt(`through ${batch.through} is before the last event's seq ${last}`);
  return batch;
}
