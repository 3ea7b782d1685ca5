// The API's one error shape, `{ error: { code, message } }` with a Persian message, and the mapping
// from every kind of failure to it. Nothing reaches a client as a bare 500 page or a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { QueueRefusal } from '../queue/index.js';
import type { Logger } from '../log.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly messageFa: string,
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageFa}`);
  }
}

export const apiErrors = {
  unauthenticated: () => new ApiError(401, 'unauthenticated', 'ابتدا وارد شوید.'),
  forbidden: () => new ApiError(403, 'forbidden', 'شما اجازهٔ این کار را ندارید.'),
  wrongDesk: () => new ApiError(403, 'wrong_desk', 'شما در این باجه وارد نشده‌اید.'),
  notFound: () => new ApiError(404, 'not_found', 'چنین نشانی‌ای وجود ندارد.'),
  ticketNotFound: () => new ApiError(404, 'unknown_ticket', 'این نوبت پیدا نشد.'),
  badLogin: () => new ApiError(401, 'bad_credentials', 'نام کاربری یا گذرواژه درست نیست.'),
  storage: () => new ApiError(503, 'storage_unavailable', 'ثبت اطلاعات اکنون ممکن نیست. لطفاً چند لحظه بعد دوباره تلاش کنید یا به کارکنان خبر دهید.'),
};

export function errorBody(code: string, message: string, details?: unknown) {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function handleError(error: Error, c: Context, log: Logger): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.messageFa, error.details), error.status);
  if (error instanceof QueueRefusal) return c.json(errorBody(error.code, error.messageFa), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return c.json(errorBody('body_too_large', 'حجم درخواست بیش از حد مجاز است.'), 413);
    if (status === 400) return c.json(errorBody('malformed_request', 'درخواست قابل خواندن نیست (JSON نادرست).'), 400);
    return c.json(errorBody('http_error', 'درخواست پذیرفته نشد.'), status as ContentfulStatusCode);
  }
  if (isStorageFailure(error)) {
    log.error('storage failure', { error: error.message, path: c.req.path });
    const e = apiErrors.storage();
    return c.json(errorBody(e.code, e.messageFa), e.status);
  }
  log.error('unhandled error', { error: error.message, stack: error.stack, path: c.req.path });
  return c.json(errorBody('internal_error', 'خطای پیش‌بینی‌نشده‌ای رخ داد. کارکنان را خبر کنید.'), 500);
}

function isStorageFailure(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
