// The headers every answer carries, above all one strict Content-Security-Policy for every screen:
// scripts and styles only from our own files (no inline script, no eval, no style attributes), the
// socket and API on our own origin, images from our own files or data: URLs, no plugins, no frames,
// no forms posting elsewhere, and no page may frame ours (a kiosk or desk inside someone's page).
import { secureHeaders } from 'hono/secure-headers';

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
  frameAncestors: ["'none'"],
};

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    // Served over plain HTTP on the office network: a lasting HTTPS-only pin would only get in the way.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], serial: [] },
  });
}
