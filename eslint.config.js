// The layering the code relies on, checked by `npm test`: the queue and the estimators are pure
// (no I/O, no wall clock, no unseeded randomness), so an office day replays in virtual time; and a
// screen uses only its own folder, ui/ (what the screens share) and the server's contract, never
// another screen's folder, so a change to one screen moves no other.
import tseslint from 'typescript-eslint';

const io = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'better-sqlite3', 'pg', 'socket.io', 'hono', 'hono/*', '@hono/*', 'serialport', 'node-thermal-printer', 'sharp'];

const screens = ['kiosk', 'desk', 'display', 'manager', 't', 'book', 'feedback', 'org'];

/** For the files of `screen` (and of ui/, with no screen of its own): every other screen's folder is out of reach. */
function screenBoundary(screen) {
  const others = screens.filter((other) => other !== screen);
  return {
    files: screen ? [`${screen}/**/*.ts`] : ['ui/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: others.flatMap((other) => [`**/${other}/src`, `**/${other}/src/**`]),
              message: screen ? 'A screen imports shared code from ui/, never from another screen.' : 'ui/ serves every screen and imports none of them.',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'bench/out/**', 'test-artifacts/**'] },
  {
    files: ['server/queue/**/*.ts', 'server/estimate/**/*.ts', 'server/appointments/plan.ts', 'server/appointments/slots.ts', 'server/appointments/reminders.ts'],
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
  ...screens.map(screenBoundary),
  screenBoundary(null),
);
