// Reads and checks the office file at start-up. Any problem stops the server with one English log
// line per problem, naming the file and the field (`services[2].prefix`), so that an office never
// runs half-configured.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { officeSchema, type OfficeConfig } from './schema.js';

/** One thing wrong with an office file: where (`services[2].prefix`, or '' for the whole file) and what. */
export interface OfficeConfigProblem {
  path: string;
  message: string;
}

/** The office file cannot be used; `message` lists every problem, one a line. */
export class OfficeConfigError extends Error {
  override readonly name = 'OfficeConfigError';

  constructor(
    readonly source: string,
    readonly problems: readonly OfficeConfigProblem[],
  ) {
    const lines = problems.map((problem) => `  ${problem.path || '(file)'}: ${problem.message}`);
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`office file ${source} is not valid (${count}):\n${lines.join('\n')}`);
  }
}

/** Reads an office file, YAML (.yaml, .yml) or JSON (.json) by its extension, and checks it. */
export function loadOfficeFile(path: string): OfficeConfig {
  const extension = extname(path).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) {
    throw new OfficeConfigError(path, [{ path: '', message: `unknown extension "${extension}"; use .yaml, .yml or .json` }]);
  }
  let text: string;
  try {
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new OfficeConfigError(path, [{ path: '', message: `cannot read the file: ${errorText(error)}` }]);
  }
  const input = extension === '.json' ? parseJson(text, path) : parseYaml(text, path);
  return parseOffice(input, path, extension === '.json' ? 'json' : 'yaml');
}

/** Checks an office given as data (parsed JSON or YAML); `source` names it in the error. */
export function parseOffice(input: unknown, source: string, syntax: 'yaml' | 'json' = 'json'): OfficeConfig {
  if (input === null || input === undefined) throw new OfficeConfigError(source, [{ path: '', message: 'the file is empty' }]);
  const result = officeSchema.safeParse(input);
  if (result.success) return result.data;
  throw new OfficeConfigError(source, result.error.issues.map((issue) => problemOf(issue, input, syntax)));
}

function parseYaml(text: string, source: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new OfficeConfigError(
      source,
      document.errors.map((error) => ({ path: '', message: `YAML ${atLine(error.linePos?.[0])}${firstLine(error.message)}` })),
    );
  }
  return document.toJS();
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = errorText(error).replace(/\s+/g, ' ');
    throw new OfficeConfigError(source, [{ path: '', message: `JSON ${atLine(jsonErrorPosition(text, message))}${message}` }]);
  }
}

// V8 says "at position 123" for some JSON errors and nothing for others; YAML, a superset of JSON,
// finds the line of most of the rest.
function jsonErrorPosition(text: string, message: string): { line: number; col: number } | undefined {
  const position = /at position (\d+)/.exec(message);
  if (!position) return parseDocument(text).errors[0]?.linePos?.[0];
  const before = text.slice(0, Number(position[1]));
  return { line: before.split('\n').length, col: before.length - before.lastIndexOf('\n') };
}

function problemOf(issue: z.core.$ZodIssue, input: unknown, syntax: 'yaml' | 'json'): OfficeConfigProblem {
  const path = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (issue.code === 'invalid_type') {
    const value = valueAt(input, issue.path);
    if (value === undefined) message = `missing (expected ${issue.expected})`;
    // YAML reads `prefix: 1` as a number; say how to write the text the schema wants.
    if (syntax === 'yaml' && issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      message += ` (write it in quotes: "${String(value)}")`;
    }
  }
  return { path, message };
}

/** `['services', 2, 'prefix']` → `services[2].prefix`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `${text}[${JSON.stringify(name)}]`;
    return text ? `${text}.${name}` : name;
  }, '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function atLine(position: { line: number; col: number } | undefined): string {
  return position ? `line ${position.line}, column ${position.col}: ` : '';
}

// The yaml package's message ends its first line with its own "at line 4, column 1:" and then draws
// the line; the location is given by atLine instead.
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:$/, '');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
