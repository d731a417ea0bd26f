import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const serverTests = ['src/server/**/*.test.ts'];

/**
 * One run, every level: core units, API tests on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set),
 * web component tests, and the Playwright journeys in Debian's chromium.
 */
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'unit', include: ['src/core/**/*.test.ts'] } },
  {
    extends: true,
    test: {
      name: 'api-pglite',
      include: serverTests,
      env: { ENDCAP_TEST_DB: 'pglite' },
      globalSetup: ['src/server/test/global-setup.ts'],
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    extends: true,
    test: {
      name: 'api-postgres',
      include: serverTests,
      env: { ENDCAP_TEST_DB: 'postgres' },
      globalSetup: ['src/server/test/global-setup.ts'],
    },
  });
}
projects.push(
  {
    extends: true,
    // jsdom + Ant Design renders are slow on a loaded 2-core machine; give them room.
    test: {
      name: 'web',
      include: ['src/web/**/*.test.tsx'],
      environment: 'jsdom',
      setupFiles: ['src/web/test/setup.ts'],
      testTimeout: 60_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'e2e',
      include: ['e2e/**/*.e2e.ts'],
      globalSetup: ['e2e/global-setup.ts'],
      testTimeout: 180_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  },
);

export default defineConfig({
  test: {
    projects,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
