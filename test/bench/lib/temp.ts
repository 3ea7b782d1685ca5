// Small shared bench helpers: a temporary directory, a silent logger, sleeping, MB.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../server/log.js';

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

export const quietLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const mb = (bytes: number) => bytes / 2 ** 20;
