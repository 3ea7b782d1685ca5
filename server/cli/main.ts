// `nobat <command>`: start the server, add users and devices, back up and restore, replay an office day.
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { loadOfficeFile, OfficeConfigError } from '../config/load.js';
import { openDatabase } from '../store/open.js';
import { Accounts } from '../auth/accounts.js';
import { backupDatabase } from '../store/backup.js';
import { BackupRejected, restoreBackup } from '../store/restore-backup.js';
import { systemClock } from '../office/clock.js';
import { KEYPAD_KEYS_HELP, pressFromTerminal } from './keypad-keys.js';
import { addCentralCommands } from './central-commands.js';

const program = new Command('nobat')
  .description('nobat (نوبت): queueing for the service desk of an office — kiosk, desks, display, statistics')
  .showHelpAfterError();

const dataOption = () => new Option('--data <dir>', 'where the office database lives').env('NOBAT_DATA').default('./data');

program
  .command('start')
  .description('serve the office (the demo office when no --office file is given)')
  .addOption(new Option('--port <port>', 'HTTP and Socket.IO port').env('PORT').default(8080).argParser(portNumber))
  .addOption(dataOption())
  .addOption(new Option('--office <file>', 'office file (YAML or JSON); without it, the demo office').env('NOBAT_OFFICE'))
  .action(async (opts: { port: number; data: string; office?: string }) => {
    const config = opts.office ? loadOffice(opts.office) : undefined;
    // Loaded here so that the other commands do not pay for the server's modules (sharp, socket.io).
    const { DEMO_PASSWORD, DEMO_USERS, StartRefused, startServer } = await import('../main.js');
    const server = await startServer({ config, dataDir: resolve(opts.data), port: opts.port }).catch((error: unknown) => {
      if (error instanceof StartRefused) fail(error.message);
      throw error;
    });
    const base = `http://localhost:${server.port}`;
    console.log(`\nnobat — ${server.config.name}${server.demo ? ' (دفتر نمایشی / demo office)' : ''}`);
    console.log(`  kiosk    ${base}/kiosk`);
    console.log(`  desk     ${base}/desk`);
    console.log(`  display  ${base}/display`);
    console.log(`  manager  ${base}/manager`);
    console.log(`  API      ${base}/api/v1/services`);
    if (server.demo) console.log(`  demo accounts: ${DEMO_USERS.map((u) => u.username).join(', ')} — password "${DEMO_PASSWORD}"`);
    if (server.virtualKeypads) {
      console.log(`  keypads  virtual, at desk-1 and the exit; they rate by themselves${process.stdin.isTTY ? `; ${KEYPAD_KEYS_HELP}` : ''}`);
      if (process.stdin.isTTY) pressFromTerminal(server.virtualKeypads);
    }
    let stopping = false;
    // A signal can come twice (Ctrl-C reaches the whole process group, bin/nobat.js passes it on too):
    // the second must not cut the closing short.
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: closing connections and the database…`);
      void server.close().then(() => process.exit(0));
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });

const user = program.command('user').description('staff, manager and admin accounts');
user
  .command('add')
  .description('add an account (the password is read from NOBAT_PASSWORD or --password)')
  .requiredOption('--username <name>')
  .requiredOption('--name <display name>')
  .addOption(new Option('--role <role>').choices(['staff', 'manager', 'admin']).default('staff'))
  .addOption(new Option('--password <password>').env('NOBAT_PASSWORD').makeOptionMandatory())
  .addOption(dataOption())
  .action(async (opts: { username: string; name: string; role: 'staff' | 'manager' | 'admin'; password: string; data: string }) => {
    if (opts.password.length < 8) fail('the password must have at least 8 characters');
    const db = openDatabase(join(resolve(opts.data), 'nobat.db'));
    const accounts = new Accounts(db, systemClock, false);
    if (accounts.hasUser(opts.username)) fail(`user ${opts.username} exists already`);
    await accounts.addUser(opts);
    db.close();
    console.log(`added ${opts.role} ${opts.username}`);
  });

const device = program.command('device').description('kiosks, displays, keypads and printer hosts');
device
  .command('add')
  .description('register a device; prints a one-time pairing code (15 minutes) and a token')
  .addOption(new Option('--kind <kind>').choices(['kiosk', 'display', 'keypad', 'printer', 'desk']).makeOptionMandatory())
  .option('--name <name>', 'a name to recognise it by', 'device')
  .option('--desk <deskId>', 'the desk a keypad, printer or desk PC belongs to (required for --kind desk)')
  .addOption(dataOption())
  .action((opts: { kind: 'kiosk' | 'display' | 'keypad' | 'printer' | 'desk'; name: string; desk?: string; data: string }) => {
    if (opts.kind === 'desk' && !opts.desk) fail('a desk PC is bound to one desk: give --desk <deskId>');
    const db = openDatabase(join(resolve(opts.data), 'nobat.db'));
    const added = new Accounts(db, systemClock, false).addDevice(opts.kind, opts.name, opts.desk ?? null);
    db.close();
    console.log(`device ${added.id} (${opts.kind}, ${opts.name})`);
    console.log(`pairing code: ${added.pairingCode}   (enter it on the device within 15 minutes)`);
    console.log(`token:        ${added.token}   (or give the device this token directly)`);
  });

program
  .command('backup <file>')
  .description("copy the office database with SQLite's online backup (safe while the server runs)")
  .addOption(dataOption())
  .action(async (file: string, opts: { data: string }) => {
    const target = resolve(file);
    const live = join(resolve(opts.data), 'nobat.db');
    if (!existsSync(live)) fail(`no office database at ${live}: give the office's --data folder (or NOBAT_DATA)`);
    if (!existsSync(dirname(target))) fail(`the folder ${dirname(target)} does not exist: create it or give another path for the backup`);
    const db = openDatabase(live);
    try {
      const { pages, sha256 } = await backupDatabase(db, target);
      console.log(`backed up ${pages} pages to ${target}`);
      console.log(`sha256 ${sha256} (in ${target}.sha256; keep the two files together)`);
    } catch (error) {
      fail(`backup to ${target} failed: ${(error as Error).message}`, 1);
    } finally {
      db.close();
    }
  });

program
  .command('restore <backup>')
  .description('replace the office database with a backup, after checking it (stop the server first); the old database is kept aside')
  .addOption(dataOption())
  .action(async (file: string, opts: { data: string }) => {
    if (!existsSync(resolve(opts.data))) fail(`the data folder ${resolve(opts.data)} does not exist: create it or give the office's --data folder`);
    try {
      const { keptAside, checksum } = await restoreBackup(resolve(file), resolve(opts.data));
      if (!checksum) console.warn(`warning: no ${resolve(file)}.sha256 beside the backup; only its structure could be checked`);
      console.log(`restored ${resolve(file)} into ${join(resolve(opts.data), 'nobat.db')}`);
      if (keptAside) console.log(`the previous database is kept as ${keptAside}`);
    } catch (error) {
      if (error instanceof BackupRejected) fail(`restore refused, nothing was changed: ${error.message}`, 3);
      fail(`restore failed, nothing was changed: ${(error as Error).message}`, 1);
    }
  });

const configCommand = program.command('config').description("the office's configuration, as admins left it in the database");
configCommand
  .command('export')
  .description('write the configuration as an office file (YAML): a backup, or the start of a sister office')
  .option('--out <file>', 'write to this file instead of the standard output')
  .addOption(dataOption())
  .action(async (opts: { out?: string; data: string }) => {
    const { readStoredConfig } = await import('../config/stored.js');
    const { officeFileYaml } = await import('../admin/export.js');
    const db = openDatabase(join(resolve(opts.data), 'nobat.db'));
    const stored = readStoredConfig(db);
    db.close();
    if (!stored) fail(`no configuration in ${resolve(opts.data)} yet: start the server once (it seeds the database from the office file)`);
    const yaml = officeFileYaml(stored.config, new Date());
    if (!opts.out) return void process.stdout.write(yaml);
    writeFileSync(resolve(opts.out), yaml);
    console.log(`exported «${stored.config.name}» to ${resolve(opts.out)}`);
  });

program
  .command('replay <trace>')
  .description('replay an office-day trace in virtual time and print the estimate-accuracy table')
  .option('--out <file>', 'write one JSON line per visitor')
  .action(async (trace: string, opts: { out?: string }) => {
    const { runReplayCommand } = await import('../estimate/replay-command.js');
    console.log(runReplayCommand(resolve(trace), opts.out ? resolve(opts.out) : undefined));
  });

addCentralCommands(program, fail);

function loadOffice(file: string) {
  try {
    return loadOfficeFile(resolve(file));
  } catch (error) {
    if (error instanceof OfficeConfigError) fail(error.message);
    throw error;
  }
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return port;
}

/** Exit codes: 1 for a backup or restore that failed, 2 for a bad command line or office file, 3 for a backup refused by restore. */
function fail(message: string, code = 2): never {
  console.error(`nobat: ${message}`);
  process.exit(code);
}

await program.parseAsync(process.argv);
