// Who is making a request or holding a socket, once their token has been checked.
export type Role = 'staff' | 'manager' | 'admin';
export type DeviceKind = 'kiosk' | 'display' | 'keypad' | 'printer' | 'desk';

export type Principal =
  | { kind: 'user'; userId: string; username: string; name: string; role: Role; deskId: string | null; tokenDigest: string }
  | { kind: 'device'; deviceId: string; deviceKind: DeviceKind; deskId: string | null }
  /** A kiosk or display on the server's own machine in the demo office, which needs no pairing. */
  | { kind: 'demo-device' };

export function actorId(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  if (principal.kind === 'user') return `user:${principal.userId}`;
  if (principal.kind === 'device') return `device:${principal.deviceId}`;
  return 'demo-device';
}

export function isDevice(principal: Principal | null, kind: DeviceKind): boolean {
  if (!principal) return false;
  if (principal.kind === 'demo-device') return kind === 'kiosk' || kind === 'display';
  return principal.kind === 'device' && principal.deviceKind === kind;
}

export function hasRole(principal: Principal | null, ...roles: Role[]): principal is Extract<Principal, { kind: 'user' }> {
  return principal?.kind === 'user' && roles.includes(principal.role);
}
