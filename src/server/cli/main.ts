import { Command, InvalidArgumentError, Option } from 'commander';
import { roles, type Role } from '../../core/auth/roles';
import { userCreateSchema } from '../../core/org/org.contract';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { seedDemoData } from '../db/demo/demo-data';
import { systemActor } from '../http/access';
import { startServer } from '../main';
import { listOrgUnits } from '../modules/org-units/org-units.service';
import { createUser } from '../modules/users/users.service';
import { isDatabaseEmpty } from '../db/demo/demo-data';
import { version } from '../version';
import { registerImportCommand } from './import-command';
import { readSecret } from './prompt';

const wholeNumber = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be a whole number ≥ ${min}`);
  return n;
};
const positiveInt = wholeNumber(1);

const program = new Command()
  .name('endcap')
  .description(
    'Endcap — Key Account management for FMCG suppliers.\nDatabase: DATABASE_URL (PostgreSQL) or the embedded one in ENDCAP_DATA_DIR (default ./data).',
  )
  .version(version);

program
  .command('serve')
  .description('run the web app and API')
  .option('--demo', 'load the demo data on first start and print the demo logins')
  .option('-p, --port <port>', 'port to listen on (default $PORT or 3000)', positiveInt)
  .action(async (options: { demo?: boolean; port?: number }) => {
    const config = loadConfig(process.env, {
      ...(options.demo ? { demo: true } : {}),
      ...(options.port ? { port: options.port } : {}),
    });
    await startServer(config);
  });

program
  .command('migrate')
  .description('apply database migrations (the server also does this at start)')
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig());
    console.log(`Migrations applied (${database.kind}).`);
    await database.close();
  });

program
  .command('seed')
  .description('load generated demo data into an empty database')
  .requiredOption('--demo', 'the deterministic demo data set (the only one so far)')
  .option('--seed <n>', 'random seed; the same seed gives the same data', wholeNumber(0), 1)
  .option('--stores <n>', 'number of stores (default: 2,000 standard, 5,000 large)', positiveInt)
  .addOption(
    new Option(
      '--scale <scale>',
      'standard: first-start size; large: the benchmark, ~50 million sell-out rows (use PostgreSQL)',
    )
      .choices(['standard', 'large'] as const)
      .default('standard'),
  )
  .action(async (options: { seed: number; stores?: number; scale: 'standard' | 'large' }) => {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      if (!(await isDatabaseEmpty(database.db))) {
        throw new Error(
          'The database already has users or accounts; demo data goes into an empty database only.',
        );
      }
      if (options.scale === 'large' && database.kind === 'pglite') {
        console.error(
          'The large scale is meant for PostgreSQL (DATABASE_URL): embedded, it takes a long time.',
        );
      }
      const startedAt = Date.now();
      const summary = await seedDemoData(database, {
        seed: options.seed,
        stores: options.stores,
        scale: options.scale,
        onProgress: (message) =>
          console.error(`[${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${message}`),
      });
      const seconds = (Date.now() - startedAt) / 1000;
      const factRows = summary.sellOut + summary.inventory + summary.sellIn;
      console.log(JSON.stringify({ ...summary, seconds, factRowsPerSecond: Math.round(factRows / seconds) }));
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user (the first admin of a new installation, for example)')
  .requiredOption('-u, --username <username>', 'login name')
  .addOption(new Option('-r, --role <role>', 'role').choices(roles).makeOptionMandatory())
  .option('-n, --display-name <name>', 'name shown in the app (default: the username)')
  .option('--org-unit <code>', 'org unit code')
  .option('--phone <phone>', 'phone number')
  .option('--password <password>', 'password (else read from ENDCAP_PASSWORD, stdin, or asked)')
  .action(
    async (options: {
      username: string;
      role: Role;
      displayName?: string;
      orgUnit?: string;
      phone?: string;
      password?: string;
    }) => {
      const password = options.password ?? process.env.ENDCAP_PASSWORD ?? (await readSecret('Password: '));
      const database = await openConfiguredDatabase(loadConfig());
      try {
        let orgUnitId: number | null = null;
        if (options.orgUnit) {
          const unit = (await listOrgUnits(database.db)).find(
            (candidate) => candidate.code === options.orgUnit,
          );
          if (!unit) throw new Error(`No org unit with code ${options.orgUnit}`);
          orgUnitId = unit.id;
        }
        const input = userCreateSchema.safeParse({
          username: options.username,
          displayName: options.displayName ?? options.username,
          role: options.role,
          phone: options.phone ?? null,
          orgUnitId,
          password,
        });
        if (!input.success) {
          throw new Error(
            input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
          );
        }
        const created = await createUser(database.db, systemActor, input.data);
        console.log(`Created ${created.role} ${created.username} (id ${created.id}).`);
      } finally {
        await database.close();
      }
    },
  );

registerImportCommand(program);

program.showHelpAfterError();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`endcap: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
