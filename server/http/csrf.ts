// Cross-site request forgery: a browser sends the session cookie with any request to this origin,
// even one a page elsewhere (another port on the same host is the same "site") makes it send. So an
// unsafe request that authenticates with the cookie must come from our own pages: the browser's
// Sec-Fetch-Site says same-origin, or, from an older browser, Origin names this server. Requests with
// a bearer token are not affected (a page elsewhere cannot add one). hono/csrf is not used because it
// lets JSON bodies through and answers in plain English text.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';
import type { AppEnv } from './env.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('credential') === 'cookie' && !SAFE_METHODS.has(c.req.method) && !fromOwnPage(c.req.header('sec-fetch-site'), c.req.header('origin'), c.req.url)) {
      throw new ApiError(403, 'cross_site_request', 'این درخواست از صفحه‌ای بیرون از سامانهٔ نوبت آمده و پذیرفته نشد.');
    }
    await next();
  };
}

function fromOwnPage(secFetchSite: string | undefined, origin: string | undefined, url: string): boolean {
  if (secFetchSite !== undefined) return secFetchSite === 'same-origin';
  if (origin !== undefined) return origin === new URL(url).origin;
  return false; // a cookie but neither header: not a browser we can vouch for; it may use its bearer token
}
