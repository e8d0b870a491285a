import type { TestProject } from "vitest/node";
import { openPostgres } from "@/db/client";
import { createDatabase, dropDatabase, redact, withAdmin } from "@/scripts/lib/pg";
import "./provided";

export function testDriverFromEnv(): "pglite" | "postgres" {
  const value = process.env.TEST_DB || "pglite";
  if (value !== "pglite" && value !== "postgres") {
    throw new Error(`TEST_DB must be "pglite" or "postgres", not "${value}"`);
  }
  return value;
}

/**
 * On postgres: creates a migrated template database and, copied from it, the shared test
 * database; drops both — and any fresh database a test left behind — at the end.
 * On pglite there is nothing to set up: each test file opens its own in-memory database.
 */
export default async function setup(project: TestProject) {
  const driver = testDriverFromEnv();
  project.provide("testDriver", driver);
  project.provide("testDatabaseUrl", "");
  project.provide("testServerUrl", "");
  project.provide("testTemplateDatabase", "");
  if (driver === "pglite") return;

  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DB=postgres needs DATABASE_URL (any database on the server; tests create their own)");

  const template = await createDatabase(serverUrl, { prefix: "planwerk_test" });
  const created = [template.name];
  try {
    const handle = await openPostgres(template.url, { max: 1 });
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
    const shared = await createDatabase(serverUrl, { name: `${template.name}_shared`, template: template.name });
    created.push(shared.name);
    project.provide("testDatabaseUrl", shared.url);
    project.provide("testServerUrl", serverUrl);
    project.provide("testTemplateDatabase", template.name);
  } catch (e) {
    await Promise.all(created.map((name) => dropDatabase(serverUrl, name).catch(() => {})));
    throw new Error(`preparing the PostgreSQL test database on ${redact(serverUrl)} failed: ${(e as Error).message}`, { cause: e });
  }

  return async () => {
    // The shared database, the template and every fresh one share the template's name as prefix.
    const leftovers = await withAdmin(serverUrl, (sql) =>
      sql<{ datname: string }[]>`select datname from pg_database where datname = ${template.name} or datname like ${template.name.replace(/_/g, "\\_") + "\\_%"}`,
    );
    for (const { datname } of leftovers) await dropDatabase(serverUrl, datname);
  };
}
