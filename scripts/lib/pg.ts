import crypto from "node:crypto";
import postgres from "postgres";

/**
 * Throwaway PostgreSQL databases for tests, created on the server that DATABASE_URL names.
 * Names are `<prefix>_<pid>_<random>` so parallel runs (and a developer's own databases) never meet.
 */

type Sql = ReturnType<typeof postgres>;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
};

/**
 * Runs `fn` on a short-lived connection to the server's maintenance database (`postgres`), or,
 * when that one cannot be reached, to the database that the URL names.
 */
export async function withAdmin<T>(serverUrl: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const candidates = [databaseUrl(serverUrl, "postgres"), serverUrl];
  let lastError: unknown;
  for (const url of candidates) {
    const sql = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
    try {
      await sql`select 1`;
    } catch (e) {
      lastError = e;
      await sql.end({ timeout: 1 }).catch(() => {});
      continue;
    }
    try {
      return await fn(sql);
    } finally {
      await sql.end({ timeout: 5 }).catch(() => {});
    }
  }
  throw new Error(`cannot reach PostgreSQL at ${redact(serverUrl)}: ${(lastError as Error)?.message ?? lastError}`);
}

/** Creates an empty database (or a copy of `template`) and returns its URL. */
export async function createDatabase(
  serverUrl: string,
  options: { prefix?: string; name?: string; template?: string } = {},
): Promise<{ name: string; url: string }> {
  const name = options.name ?? uniqueDatabaseName(options.prefix ?? "planwerk_test");
  await withAdmin(serverUrl, async (sql) => {
    const template = options.template ? ` TEMPLATE ${ident(options.template)}` : "";
    // Copying a template fails while anyone is connected to it; the window is short, so retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await sql.unsafe(`CREATE DATABASE ${ident(name)}${template}`);
        return;
      } catch (e) {
        if (!options.template || attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return { name, url: databaseUrl(serverUrl, name) };
}

/** Drops the database, ending any session still connected to it (PostgreSQL 13+). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** The URL with its password hidden, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}
