import path from "node:path";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";

/**
 * Both drivers expose the same query builder; typing the PGlite instance as the postgres.js one
 * keeps every query and transaction signature single instead of a union that TypeScript cannot call.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  driver: "postgres" | "pglite";
  close: () => Promise<void>;
  migrate: () => Promise<void>;
  ping: () => Promise<void>;
  /** Raw SQL on the embedded database, for the test control channel (server/testing/control.ts). */
  rawQuery?: (sql: string, params: unknown[], rowMode: "array" | "object") => Promise<unknown[]>;
};

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export async function openPostgres(url: string, options: { max?: number; logger?: Logger } = {}): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connect_timeout: 10,
    idle_timeout: 30,
    onnotice: () => {},
  });
  const db = drizzlePostgres(client, { schema, logger: options.logger });
  return {
    db,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
    migrate: () => migratePostgres(db, { migrationsFolder }),
    ping: async () => {
      await client`select 1`;
    },
  };
}

/** `dataDir` is a folder, or undefined for an in-memory database (tests). */
export async function openPglite(dataDir: string | undefined, { logger }: { logger?: Logger } = {}): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) (await import("node:fs")).mkdirSync(dataDir, { recursive: true });
  // Contrib extensions ship with PGlite but must be loaded before a migration creates them.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const options = { extensions: { pg_trgm } };
  const client = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: () => client.close(),
    migrate: () => migratePglite(db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder }),
    ping: async () => {
      await client.query("select 1");
    },
    rawQuery: async (sql, params, rowMode) => (await client.query(sql, params, { rowMode })).rows,
  };
}

const g = globalThis as unknown as { __planwerkDb?: Promise<DatabaseHandle> };

/**
 * The process-wide handle, opened lazily and kept on globalThis so that Next's separate bundles
 * (instrumentation, route handlers, server actions) share one pool or one PGlite instance.
 */
export function getHandle(): Promise<DatabaseHandle> {
  if (!g.__planwerkDb) {
    const url = process.env.DATABASE_URL;
    // Test runs only: a per-request statement count (server/testing/query-probe.ts); off unless asked for.
    const logger = process.env.PLANWERK_QUERY_PROBE
      ? import("../server/testing/query-probe").then((m) => m.createQueryProbeLogger())
      : Promise.resolve(undefined);
    g.__planwerkDb = logger.then((l) => (url ? openPostgres(url, { logger: l }) : openPglite(pgliteDir(), { logger: l })));
    g.__planwerkDb.catch(() => {
      g.__planwerkDb = undefined;
    });
  }
  return g.__planwerkDb;
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite"));
}

/** For server code: the drizzle instance. */
export function getDatabase(): Promise<Db> {
  return getHandle().then((h) => h.db);
}
