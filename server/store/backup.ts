// `nobat backup <file>`: SQLite's online backup, safe while the server runs, then an integrity check
// of the copy so that a backup that cannot be restored is found now, not on the day it is needed.
// Beside the copy goes `<file>.sha256` (sha256sum's format): SQLite's integrity check sees a broken
// page structure, but not a flipped byte inside a row, and the checksum sees both.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { migrations } from './migrations.js';
import type { Db } from './open.js';

/** A backup that must not be restored; the message says why, in English for the operator. */
export class BackupRejected extends Error {}

export async function backupDatabase(db: Db, file: string): Promise<{ pages: number; sha256: string }> {
  const result = await db.backup(file);
  const copy = new Database(file);
  try {
    // A backup is one self-contained file: no write-ahead log beside it to lose on the way.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  const sha256 = await fileSha256(file);
  writeFileSync(checksumFile(file), `${sha256}  ${basename(file)}\n`);
  return { pages: result.totalPages, sha256 };
}

export function checksumFile(file: string): string {
  return `${file}.sha256`;
}

/**
 * Checks a backup before it is restored: the checksum beside it when there is one, then SQLite's
 * integrity check and the schema. Throws BackupRejected with the reason; answers whether a
 * checksum was checked.
 */
export async function verifyBackup(file: string): Promise<{ checksum: boolean }> {
  if (!existsSync(file)) throw new BackupRejected(`backup ${file} does not exist`);
  const sums = checksumFile(file);
  const checksum = existsSync(sums);
  if (checksum) {
    const expected = /^([0-9a-f]{64})\b/.exec(readFileSync(sums, 'utf8').trim())?.[1];
    if (!expected) throw new BackupRejected(`${sums} does not hold a SHA-256 checksum`);
    const actual = await fileSha256(file);
    if (actual !== expected) throw new BackupRejected(`backup ${file} is corrupted: its SHA-256 is ${actual}, but ${basename(sums)} says ${expected}`);
  }
  let copy: ReadOnlyCopy;
  try {
    copy = openReadOnly(file);
  } catch (error) {
    throw new BackupRejected(`backup ${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupRejected(`backup ${file} is corrupted: ${String(check)}`);
    const version = copy.pragma('user_version', { simple: true }) as number;
    const latest = migrations.at(-1)?.version ?? 0;
    if (version < 1) throw new BackupRejected(`backup ${file} is not a nobat database (no schema version)`);
    if (version > latest) throw new BackupRejected(`backup ${file} has schema version ${version}, newer than this nobat (${latest}); upgrade nobat first`);
    copy.prepare('SELECT COUNT(*) FROM events').get();
  } catch (error) {
    if (error instanceof BackupRejected) throw error;
    throw new BackupRejected(`backup ${file} is not a usable nobat database: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
  return { checksum };
}

type ReadOnlyCopy = Pick<Database.Database, 'pragma' | 'prepare' | 'close'>;

/**
 * Opens a database file only to read it. A file in WAL mode makes SQLite create an empty log and
 * index beside it even then; closing removes those again, so a check leaves the folder as it was.
 */
export function openReadOnly(file: string): ReadOnlyCopy {
  const sides = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    pragma: db.pragma.bind(db),
    prepare: db.prepare.bind(db),
    close() {
      db.close();
      for (const side of sides) if (existsSync(side) && (side.endsWith('-shm') || statSync(side).size === 0)) rmSync(side);
      return db;
    },
  };
}

function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
