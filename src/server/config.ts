import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // An empty value counts as unset (a shell's `DATABASE_URL= npm start`).
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  ENDCAP_DATA_DIR: z.string().default('./data'),
  ENDCAP_DEMO: booleanFlag,
  ENDCAP_TRUST_PROXY: booleanFlag,
  ENDCAP_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  ENDCAP_LOGIN_LIMIT: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  trustProxy: boolean;
  sessionDays: number;
  /** Failed logins allowed per username and per address within 15 minutes. */
  loginLimit: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  webRoot: string | undefined;
};

/** The only place that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ENDCAP_DATA_DIR),
    demo: e.ENDCAP_DEMO,
    trustProxy: e.ENDCAP_TRUST_PROXY,
    sessionDays: e.ENDCAP_SESSION_DAYS,
    loginLimit: e.ENDCAP_LOGIN_LIMIT,
    logLevel: e.LOG_LEVEL,
    webRoot: path.resolve('dist/web'),
    ...overrides,
  };
}
