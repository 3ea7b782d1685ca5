// The office's configuration while the server runs: the one place every part reads it from
// (`current()`, never kept), and a typed 'changed' event after each committed change, so that the
// queue rules, read model, printing and screens follow an admin's edit at once.
import { EventEmitter } from 'node:events';
import type { OfficeConfig } from './schema.js';

/** What was edited: the office as a whole, one service or desk, the board texts, the printer, … */
export type ConfigEntity = 'office' | 'board' | 'printer' | 'audio' | 'voice' | 'service' | 'desk' | 'user' | 'device';

export interface ConfigChange {
  /** The event log's sequence number of the change. */
  seq: number;
  entity: ConfigEntity;
  entityId: string | null;
  action: 'create' | 'update' | 'delete';
  /** The configuration's revision after the change. */
  revision: number;
  at: number;
}

interface HolderEvents {
  changed: [config: OfficeConfig, change: ConfigChange];
}

export class ConfigHolder extends EventEmitter<HolderEvents> {
  constructor(
    private config: OfficeConfig,
    private revisionNumber: number,
    private readonly versions: Map<string, number>,
  ) {
    super();
  }

  current(): OfficeConfig {
    return this.config;
  }

  revision(): number {
    return this.revisionNumber;
  }

  /** The version of one edited entity ('service:birth', 'office', …); 0 until first edited. */
  version(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  /** Called once the change is committed: from here on everyone reads the new configuration. */
  replace(next: OfficeConfig, versionKey: string, version: number, change: ConfigChange): void {
    this.config = next;
    this.revisionNumber = change.revision;
    this.versions.set(versionKey, version);
    this.emit('changed', next, change);
  }

  /** An account or device change: no new configuration, but its version moves on. */
  bump(versionKey: string, version: number): void {
    this.versions.set(versionKey, version);
  }
}
