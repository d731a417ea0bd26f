import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts Endcap the way a user does — `endcap serve --demo` on a fresh data folder — once for all journeys,
 * and hands its URL to the tests.
 */
export default async function setup(project: TestProject) {
  // Journeys test what users get: the built app, rebuilt here when its sources changed.
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The web app did not build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-e2e-'));
  const server: ChildProcess = spawn(process.execPath, ['bin/endcap.mjs', 'serve', '--demo'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ENDCAP_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },

    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code, signal) =>
      reject(new Error(`server exited (code ${code}, signal ${signal}):\n${output}`)),
    );
  });
  project.provide('e2eBaseUrl', url);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}
