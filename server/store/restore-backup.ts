// `nobat restore <backup>`: puts a verified backup in place of the office database. A backup that
// fails its checks never touches the live file; the live database (with its write-ahead log folded
// in) is kept aside under a dated name, and the swap is a rename, so a crash leaves one or the other.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BackupRejected, openReadOnly, verifyBackup } from './backup.js';

export { BackupRejected };

export interface Restored {
  /** Where the database that was live before is kept; null when there was none. */
  keptAside: string | null;
  /** Whether the backup's checksum file was there and matched. */
  checksum: boolean;
}

export async function restoreBackup(file: string, dataDir: string, now: Date = new Date()): Promise<Restored> {
  const { checksum } = await verifyBackup(file);
  const live = join(dataDir, 'nobat.db');
  const incoming = `${live}.restoring`;
  rmSync(incoming, { force: true });
  let keptAside: string | null = null;
  try {
    copyFileSync(file, incoming);
    syncFile(incoming);
    // The copy is checked again where it will live, so a bad disk under the data directory shows now.
    await verifyCopy(incoming);
    if (existsSync(live)) {
      foldWriteAheadLog(live);
      keptAside = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(live, keptAside);
    }
  } catch (error) {
    // Refused or failed before the swap: the data directory is left as it was, without the copy.
    rmSync(incoming, { force: true });
    throw error;
  }
  // A log or index left beside the old file would be replayed onto the new one.
  for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
  renameSync(incoming, live);
  syncFile(dataDir);
  return { keptAside, checksum };
}

/**
 * Checkpoints the live database into its main file and removes its log, which also proves that no
 * server has it open: in WAL mode the exclusive lock is refused while another connection exists.
 */
function foldWriteAheadLog(live: string): void {
  const db = new Database(live, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new BackupRejected(`${live} is in use: stop the nobat server before restoring`);
    throw error;
  } finally {
    db.close();
  }
}

async function verifyCopy(file: string): Promise<void> {
  const copy = openReadOnly(file);
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupRejected(`the copy of the backup at ${file} is corrupted: ${String(check)}`);
  } finally {
    copy.close();
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
