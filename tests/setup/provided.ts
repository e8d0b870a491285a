/** Values that tests/setup/global-setup.ts hands to test files through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** "pglite" or "postgres". */
    testDriver: "pglite" | "postgres";
    /** postgres only: the URL of the shared, migrated test database ("" on pglite). */
    testDatabaseUrl: string;
    /** postgres only: DATABASE_URL, the server on which fresh databases are created. */
    testServerUrl: string;
    /** postgres only: a migrated database that nobody connects to, copied by freshDatabase(). */
    testTemplateDatabase: string;
  }
}

export {};
