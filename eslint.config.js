// The layering the code relies on, checked by `npm test`: the queue and the estimators are pure
// (no I/O, no wall clock, no unseeded randomness), so an office day replays in virtual time.
import tseslint from 'typescript-eslint';

const io = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'better-sqlite3', 'pg', 'socket.io', 'hono', 'hono/*', '@hono/*', 'serialport', 'node-thermal-printer', 'sharp'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'bench/out/**', 'test-artifacts/**'] },
  {
    files: ['server/queue/**/*.ts', 'server/estimate/**/*.ts', 'server/appointments/plan.ts', 'server/appointments/slots.ts'],
    // The replay command is the estimators' command-line edge: it reads and writes files.
    ignores: ['server/estimate/replay-command.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: io, message: 'The domain is pure: I/O lives at the edges (server/office, server/store, server/http).' }] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock arrives as a parameter.' },
        { object: 'Math', property: 'random', message: 'Use the seeded random source (server/estimate/random.ts).' },
        { object: 'crypto', property: 'randomUUID', message: 'Ids arrive on the command.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The clock arrives as a parameter.' }],
    },
  },
);
