// One admin change to the office's configuration: checked against the version the admin started
// from (a stale one is refused, naming who changed it since), validated whole by the office schema,
// checked against today's tickets, then written with its audit event in one transaction, and only
// then handed to the holder, which every part of the server reads.
import type { ConfigEntity, ConfigHolder } from '../config/holder.js';
import { persianProblems } from '../config/problems-fa.js';
import { officeSchema, type OfficeConfig } from '../config/schema.js';
import { writeStoredConfig, writeVersion } from '../config/stored.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/open.js';
import { appendAudit, listAudit } from './audit.js';

export interface AdminActor {
  id: string;
  name: string;
}

export interface ConfigEdit {
  actor: AdminActor;
  entity: ConfigEntity;
  entityId: string | null;
  action: 'create' | 'update' | 'delete';
  /** The version the admin's form was filled from; absent only when creating. */
  expectedVersion?: number;
  /** Builds the next configuration from a copy of the current one. */
  change(draft: OfficeConfig): OfficeConfig;
  /** What before and after of this entity the audit trail records. */
  view(config: OfficeConfig): unknown;
  /** The edited entity's place in the document (`services.2`): its problems name their field relative to it. */
  focus?: string;
  /** Checks beyond the schema (tickets waiting, desks in use); throws an ApiError to refuse. */
  check?(next: OfficeConfig, previous: OfficeConfig): void;
}

export function versionKey(entity: ConfigEntity, entityId: string | null): string {
  return entityId === null ? entity : `${entity}:${entityId}`;
}

export class ConfigEditor {
  constructor(
    private readonly db: Db,
    private readonly holder: ConfigHolder,
    private readonly clock: () => number,
  ) {}

  /** Applies the edit or throws (409 on a stale version, 400 with every problem when invalid). */
  apply(edit: ConfigEdit): { config: OfficeConfig; version: number } {
    const key = versionKey(edit.entity, edit.entityId);
    const at = this.clock();
    const previous = this.holder.current();
    const result = this.db.transaction(() => {
      const version = this.holder.version(key);
      if (edit.expectedVersion !== undefined && edit.expectedVersion !== version) throw this.conflict(edit, key, version);
      const parsed = officeSchema.safeParse(edit.change(structuredClone(previous)));
      if (!parsed.success) {
        const problems = persianProblems(parsed.error.issues).map((p) =>
          edit.focus === '' ? { ...p, field: p.path } : edit.focus !== undefined && p.path.startsWith(`${edit.focus}.`) ? { ...p, field: p.path.slice(edit.focus.length + 1) } : p,
        );
        throw new ApiError(400, 'invalid_config', problems.map((p) => p.message).join('؛ '), problems);
      }
      const next = parsed.data;
      edit.check?.(next, previous);
      const revision = this.holder.revision() + 1;
      writeStoredConfig(this.db, next, revision, at);
      writeVersion(this.db, key, version + 1);
      const seq = appendAudit(this.db, {
        at,
        actor: edit.actor.id,
        actorName: edit.actor.name,
        entity: edit.entity,
        entityId: edit.entityId,
        action: edit.action,
        before: edit.action === 'create' ? null : edit.view(previous),
        after: edit.action === 'delete' ? null : edit.view(next),
      });
      return { next, version: version + 1, revision, seq };
    })();
    this.holder.replace(result.next, key, result.version, { seq: result.seq, entity: edit.entity, entityId: edit.entityId, action: edit.action, revision: result.revision, at });
    return { config: result.next, version: result.version };
  }

  /** Someone saved this entity since the admin opened it: say who and when, and save nothing. */
  private conflict(edit: ConfigEdit, key: string, version: number): ApiError {
    const [latest] = listAudit(this.db, { limit: 1, entity: edit.entity, ...(edit.entityId === null ? {} : { entityId: edit.entityId }) });
    const who = latest ? `«${latest.actorName}»` : 'کاربر دیگری';
    const when = latest ? ` ساعت ${new Intl.DateTimeFormat('fa-IR', { hour: '2-digit', minute: '2-digit', timeZone: this.holder.current().timeZone }).format(latest.at)}` : '';
    return new ApiError(
      409,
      'version_conflict',
      `${who}${when} همین مورد را تغییر داده است و تغییر شما ذخیره نشد. تغییرات او را ببینید و دوباره ذخیره کنید.`,
      { key, currentVersion: version, current: edit.view(this.holder.current()), by: latest?.actorName ?? null, at: latest?.at ?? null },
    );
  }
}
