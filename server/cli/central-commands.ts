// `nobat central …` (the organisation's service on PostgreSQL, its offices and people) and
// `nobat join` (an office linking itself to central). The server modules load only when used.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { join, resolve } from 'node:path';

// On `central` itself, so that its subcommands share it: commander hands an option the parent
// knows to the parent wherever it stands (`nobat central office add --database …`).
const databaseOption = () => new Option('--database <url>', 'PostgreSQL address, postgres://user:password@host:5432/nobat').env('NOBAT_DATABASE_URL');

export function addCentralCommands(program: Command, fail: (message: string, code?: number) => never): void {
  const central = program
    .command('central')
    .description("serve the organisation's central (offices' statistics on PostgreSQL); subcommands add offices and people")
    .addOption(databaseOption())
    .addOption(new Option('--port <port>', 'HTTP port').env('PORT').default(8090).argParser(port))
    .action(async (opts: { database?: string; port: number }) => {
      const database = opts.database ?? fail('give the PostgreSQL address: --database postgres://… or NOBAT_DATABASE_URL');
      const { startCentral } = await import('../central/main.js');
      const running = await startCentral({ databaseUrl: database, port: opts.port }).catch((error: Error) => fail(`central could not start: ${error.message}`));
      console.log(`\nnobat central — http://localhost:${running.port}/api/v1/health`);
      const stop = (signal: string) => {
        console.log(`\n${signal}: closing connections…`);
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });

  const office = central.command('office').description("the organisation's offices");
  office
    .command('add')
    .description('add an office; prints its one-time enrolment code (valid 7 days) for `nobat join`')
    .requiredOption('--name <name>')
    .requiredOption('--province <province>')
    .action(async (opts: { name: string; province: string }, command: Command) => {
      const added = await withCentralDb(databaseOf(command), (pool) => import('../central/org/offices.js').then(({ addOffice }) => addOffice(pool, opts.name, opts.province)));
      console.log(`office ${added.id} (${opts.name}, ${opts.province})`);
      console.log(`enrolment code: ${added.code}   (valid until ${added.expiresAt.toISOString()}; on the office: nobat join <central-url> ${added.code})`);
    });
  office
    .command('revoke <id>')
    .description('revoke an office: central refuses its batches from now on')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const done = await withCentralDb(databaseOf(command), (pool) => import('../central/org/offices.js').then(({ revokeOffice }) => revokeOffice(pool, Number(id))));
      if (!done) fail(`no office ${id} to revoke (unknown or revoked already)`);
      console.log(`office ${id} revoked`);
    });

  central
    .command('user')
    .description("the organisation's people")
    .command('add')
    .description('add an organisation admin, a province manager (of --province) or an auditor')
    .requiredOption('--username <name>')
    .option('--name <display name>')
    .addOption(new Option('--role <role>').choices(['org_admin', 'province_manager', 'auditor']).makeOptionMandatory())
    .option('--province <province>', "a province manager's province")
    .addOption(new Option('--password <password>').env('NOBAT_PASSWORD').makeOptionMandatory())
    .action(async (opts: { username: string; name?: string; role: 'org_admin' | 'province_manager' | 'auditor'; province?: string; password: string }, command: Command) => {
      if (opts.password.length < 8) fail('the password must have at least 8 characters');
      if ((opts.role === 'province_manager') !== (opts.province !== undefined)) fail('--province goes with --role province_manager, and only with it');
      await withCentralDb(databaseOf(command), (pool) =>
        import('../central/org/users.js').then(({ addOrgUser }) => addOrgUser(pool, { username: opts.username, name: opts.name ?? opts.username, role: opts.role, province: opts.province ?? null, password: opts.password })),
      ).catch((error: Error & { code?: string }) => fail(error.code === '23505' ? `user ${opts.username} exists already` : error.message));
      console.log(`added ${opts.role} ${opts.username}${opts.province ? ` (${opts.province})` : ''}`);
    });

  program
    .command('join <central-url> <code>')
    .description("link this office to the organisation's central with the enrolment code it printed; the office then syncs by itself")
    .addOption(new Option('--data <dir>', 'where the office database lives').env('NOBAT_DATA').default('./data'))
    .action(async (url: string, code: string, opts: { data: string }) => {
      const { openDatabase } = await import('../store/open.js');
      const { joinCentral, JoinRefused } = await import('../sync/join.js');
      const db = openDatabase(join(resolve(opts.data), 'nobat.db'));
      try {
        const link = await joinCentral(db, url, code);
        console.log(`joined ${link.url} as office ${link.officeId} (${link.name}, ${link.province}); the office server sends its events while it runs`);
      } catch (error) {
        if (error instanceof JoinRefused) fail(`join refused: ${error.message}`);
        throw error;
      } finally {
        db.close();
      }
    });

  function databaseOf(command: Command): string {
    return (command.optsWithGlobals() as { database?: string }).database ?? fail('give the PostgreSQL address: --database postgres://… or NOBAT_DATABASE_URL');
  }
}

/** Opens central's database (migrating it), runs one job, closes it. */
async function withCentralDb<T>(url: string, job: (pool: import('../central/db/pool.js').Pool) => Promise<T>): Promise<T> {
  const { createPool } = await import('../central/db/pool.js');
  const { migrateCentral } = await import('../central/db/migrations.js');
  const { createLogger } = await import('../log.js');
  const pool = createPool(url, createLogger({ quiet: true }), 2);
  try {
    await migrateCentral(pool);
    return await job(pool);
  } finally {
    await pool.end();
  }
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}
