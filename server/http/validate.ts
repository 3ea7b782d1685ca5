// zod validation for bodies, queries and params, failing with the API's error shape and a Persian
// message that names the field, rather than zod's own English.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const fields = [...new Set(issues.map((i) => i.path || target))].join('، ');
    throw new ApiError(400, 'invalid_request', `درخواست نادرست است؛ این بخش‌ها را بررسی کنید: ${fields}`, issues);
  });
}
