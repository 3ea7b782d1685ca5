// The headers every answer carries, above all one strict Content-Security-Policy for every screen:
// scripts and styles only from our own files (no inline script, no eval, no style attributes), the
// socket and API on our own origin, images from our own files or data: URLs, no plugins, no forms
// posting anywhere, and no page may frame ours (a kiosk or desk inside someone else's page) — except
// the printable report, which the manager screen itself shows in a frame. The kiosk page is also
// sandboxed, so that nothing on it opens a popup or a new tab, downloads a file or shows a dialog
// (design §8: the kiosk cannot navigate away); it keeps its scripts, its origin (storage, the socket)
// and its pairing form, whose submission `form-action 'none'` still stops.
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Pages our own screens frame; framed by nobody else. */
const FRAMED_BY_OUR_SCREENS = new Set(['/manager/report']);

const framedByUs = (c: Context) => FRAMED_BY_OUR_SCREENS.has(c.req.path);

const KIOSK_SANDBOX = 'sandbox allow-scripts allow-same-origin allow-forms';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: [(c: Context) => (framedByUs(c) ? "'self'" : "'none'")],
};

export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: false,
    // Served over plain HTTP on the office network: a lasting HTTPS-only pin would only get in the way.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], serial: [] },
  });
  return async (c, next) => {
    await headers(c, next);
    c.res.headers.set('X-Frame-Options', framedByUs(c) ? 'SAMEORIGIN' : 'DENY');
    const policy = c.res.headers.get('Content-Security-Policy');
    if (c.req.path === '/kiosk' && policy) c.res.headers.set('Content-Security-Policy', `${policy}; ${KIOSK_SANDBOX}`);
  };
}
