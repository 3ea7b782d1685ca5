#!/usr/bin/env node
// The `nobat` command. The server is TypeScript run through tsx's loader, so there is no build
// step between editing and running an office.
//
// `nobat start` runs with the memory settings of bin/memory-settings.json: glibc's malloc with two
// arenas and a fixed mmap threshold (so scrypt's 16 MB blocks go back to the system) and V8's young
// generation kept small. glibc reads its variables when the process starts, so when they were not
// set before node (npm start sets them; `npx nobat start` or a service unit running
// `node bin/nobat.js start` may not), the command runs itself again, once, with them, and stays as
// a small parent that passes signals on and exits as the server does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const memory = JSON.parse(readFileSync(new URL('./memory-settings.json', import.meta.url), 'utf8'));
const RERUN_MARK = 'NOBAT_MEMORY_SETTINGS_APPLIED';

const missingEnv = Object.keys(memory.env).filter((name) => process.env[name] === undefined);
const givenFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const missingFlags = memory.nodeFlags.filter((flag) => !givenFlags.some((given) => given.split('=')[0] === flag.split('=')[0]));

if (process.argv[2] === 'start' && process.env[RERUN_MARK] === undefined && missingEnv.length + missingFlags.length > 0) {
  const env = { ...process.env, [RERUN_MARK]: '1' };
  for (const name of missingEnv) env[name] = memory.env[name];
  const child = spawn(process.execPath, [...process.execArgv, ...missingFlags, ...process.argv.slice(1)], {
    env,
    // The channel only tells the server that this parent is gone, even when it was killed outright.
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'];
  const passOn = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, passOn);
  child.once('exit', (code, signal) => {
    for (const name of signals) process.off(name, passOn);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  if (process.env[RERUN_MARK] !== undefined && process.channel) {
    process.channel.unref();
    // The parent is gone (killed, say): stop as on SIGTERM rather than serve on unsupervised.
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/main.ts');
}
