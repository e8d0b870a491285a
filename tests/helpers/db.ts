import crypto from "node:crypto";
import { inject } from "vitest";
import { openPglite, openPostgres, type Db, type Tx } from "@/db/client";
import { createDatabase, dropDatabase } from "@/scripts/lib/pg";
import "../setup/provided";

export type TestDatabase = {
  db: Db;
  driver: "postgres" | "pglite";
  /** Closes the connection; for a fresh PostgreSQL database also drops it. */
  close: () => Promise<void>;
};

export function testDriver(): "postgres" | "pglite" {
  return inject("testDriver");
}

async function migratedPglite(): Promise<TestDatabase> {
  const handle = await openPglite(undefined);
  await handle.migrate();
  return { db: handle.db, driver: "pglite", close: handle.close };
}

/**
 * The database for a test file, migrated and otherwise empty at the start of the run.
 * pglite: a new in-memory database of this file's own.
 * postgres: the run's shared database, which the other test files use too (two at a time), so
 * clean up after yourself — `rollback()` below — or use freshDatabase().
 */
export async function testDatabase(): Promise<TestDatabase> {
  if (testDriver() === "pglite") return migratedPglite();
  const handle = await openPostgres(inject("testDatabaseUrl"), { max: 2 });
  return { db: handle.db, driver: "postgres", close: handle.close };
}

/** A brand-new migrated, empty database of the caller's own; close() drops it (postgres). */
export async function freshDatabase(): Promise<TestDatabase> {
  if (testDriver() === "pglite") return migratedPglite();
  const serverUrl = inject("testServerUrl");
  const template = inject("testTemplateDatabase");
  // Named after the template so that the global teardown also drops one a test forgot to close.
  const { name, url } = await createDatabase(serverUrl, {
    name: `${template}_f${crypto.randomBytes(4).toString("hex")}`,
    template,
  });
  const handle = await openPostgres(url, { max: 2 });
  return {
    db: handle.db,
    driver: "postgres",
    close: async () => {
      await handle.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

class Rollback extends Error {}

/**
 * Runs `fn` in a transaction that is always rolled back, so a test on the shared database leaves
 * nothing behind. Returns what `fn` returned.
 */
export async function rollback<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return result as T;
}
