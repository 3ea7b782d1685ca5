// The administration API (/api/v1/admin) as the admin screen uses it: the session's bearer token on
// every request, and a refusal carried as `AdminRefused` with the server's Persian sentence, its code
// (409 version_conflict for a stale form) and the problems per field for inline messages.
import type { OfficeConfig } from '../../../../server/config/schema.js';
import type { AuditEntry } from '../../../../server/admin/audit.js';
import type { DeviceSummary, UserSummary } from '../../../../server/auth/accounts.js';

export type { AuditEntry, DeviceSummary, OfficeConfig };
export type AdminUser = UserSummary & { version: number };

export interface ConfigSnapshot {
  config: OfficeConfig;
  versions: Record<string, number>;
  revision: number;
}

export class AdminRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field (relative to the form) → Persian message. */
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

export class AdminApi {
  constructor(private readonly token: string) {}

  config = () => this.send<ConfigSnapshot>('GET', '/admin/config');
  users = async () => (await this.send<{ users: AdminUser[] }>('GET', '/admin/users')).users;
  devices = async () => (await this.send<{ devices: DeviceSummary[] }>('GET', '/admin/devices')).devices;
  audit = async (limit = 100) => (await this.send<{ entries: AuditEntry[] }>('GET', `/admin/audit?limit=${limit}`)).entries;

  /** Saves one entity; `path` such as `/admin/services/birth` (PUT) or `/admin/services` (POST). */
  save<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
    return this.send<T>(method, path, body);
  }

  remove(path: string, version: number): Promise<unknown> {
    return this.send('DELETE', `${path}?version=${version}`);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  /** Sends a file as the request's whole body (the ticket logo), not as JSON. */
  upload<T>(method: 'POST' | 'PUT', path: string, file: Blob): Promise<T> {
    return this.send<T>(method, path, file);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const file = body instanceof Blob ? body : undefined;
    const response = await fetch(`/api/v1${path}`, {
      method,
      cache: 'no-store',
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': file ? file.type || 'application/octet-stream' : 'application/json' }) },
      ...(body === undefined ? {} : { body: file ?? JSON.stringify(body) }),
    });
    const json = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return json as T;
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const details = Array.isArray(error?.details) ? (error.details as Array<{ field?: string; message: string }>) : [];
    const fields = Object.fromEntries(details.filter((d) => d.field !== undefined).map((d) => [d.field, d.message]));
    throw new AdminRefused(response.status, error?.code ?? 'refused', error?.message ?? `HTTP ${response.status}`, fields);
  }
}
