import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Unit and integration tests: `tests/**\/*.test.ts`, against a real database that TEST_DB picks
 * (pglite, the default, or postgres on DATABASE_URL's server). See tests/helpers/db.ts.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Server modules import "server-only" to keep them out of client bundles; in tests it is a no-op.
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/empty-module.ts") },
    ],
  },
  test: {
    root,
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // 2 cores: one fork each. Each file gets a fresh module graph (isolate), so per-file state is safe.
    maxWorkers: 2,
    globalSetup: ["tests/setup/global-setup.ts"],
    // Opening an in-memory PGlite takes ~4 s on this machine; a hook that migrates one needs room.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
