import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../db/client';

/**
 * Runs once per test run: migrates one PGlite database and saves it, so each test file loads
 * a ready schema instead of migrating again; with ENDCAP_TEST_DB=postgres it migrates a template database
 * that each test file clones (CREATE DATABASE … TEMPLATE takes a fraction of a second).
 */
export default async function setup(project: TestProject) {
  if (project.config.env?.ENDCAP_TEST_DB === 'postgres') return setupPostgres(project);
  const dumpPath = path.resolve('.endcap-test', `pglite-migrated-${process.pid}.tar`);
  fs.mkdirSync(path.dirname(dumpPath), { recursive: true });
  const database = await openDatabase({ memory: true });
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteDumpPath', dumpPath);
  return () => fs.rmSync(dumpPath, { force: true });
}

async function setupPostgres(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('ENDCAP_TEST_DB=postgres needs TEST_DATABASE_URL');
  const template = `endcap_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${template}"`);
  await admin.query(`create database "${template}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
  project.provide('pgTemplateName', template);
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${template}" with (force)`).finally(() => cleanup.end());
  };
}
