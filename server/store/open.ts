// Opens the office's SQLite file with the durability the design demands: WAL with synchronous=FULL,
// because better-sqlite3's WAL default (NORMAL) can roll back acknowledged commits on power loss.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.js';

export type Db = Database.Database;

export const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000'] as const;

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  for (const pragma of PRAGMAS) db.pragma(pragma);
  migrate(db);
  return db;
}
