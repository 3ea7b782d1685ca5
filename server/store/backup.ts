// `nobat backup <file>`: SQLite's online backup, safe while the server runs, then an integrity check
// of the copy so that a backup that cannot be restored is found now, not on the day it is needed.
import Database from 'better-sqlite3';
import type { Db } from './open.js';

export async function backupDatabase(db: Db, file: string): Promise<{ pages: number }> {
  const result = await db.backup(file);
  const copy = new Database(file, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { pages: result.totalPages };
}

/** Checks a backup before it is restored: a truncated or corrupted file is refused with a reason. */
export function verifyBackup(file: string): void {
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`backup ${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${file} is corrupted: ${String(check)}`);
    copy.prepare('SELECT COUNT(*) FROM events').get();
  } catch (error) {
    throw new Error(`backup ${file} is not a usable nobat database: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
}
