import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPglite, openPostgres } from "../db/client";
import { freePort } from "./support/ports";
import { seed } from "../db/seed";
import { createDatabase, redact } from "../scripts/lib/pg";
import { startApp } from "./support/app-server";
import { runState, type RunState } from "./support/run-state";
import { startSmtp } from "./support/smtp";
import teardown from "./global-teardown";

function suiteFromEnv(): "full" | "smoke" {
  const suite = process.env.E2E_SUITE;
  if (suite === "full" || suite === "smoke") return suite;
  throw new Error(
    "Run one project at a time: `npx playwright test --project=full` or `--project=smoke` " +
      "(they need differently started servers; `npm test` runs both).",
  );
}

function driverFromEnv(suite: "full" | "smoke"): "postgres" | "pglite" {
  const driver = process.env.E2E_DRIVER || (suite === "full" && process.env.DATABASE_URL ? "postgres" : "pglite");
  if (driver !== "postgres" && driver !== "pglite") throw new Error(`E2E_DRIVER must be "postgres" or "pglite", not "${driver}"`);
  if (driver === "postgres" && !process.env.DATABASE_URL) throw new Error("E2E_DRIVER=postgres needs DATABASE_URL (the server on which the run creates its own database)");
  return driver;
}

/**
 * Starts what the specs talk to: an SMTP server that files each message as JSON, a database of
 * the run's own (PostgreSQL: created, migrated and seeded without demo accounts; embedded: an
 * empty folder that the server migrates, in demo mode for the smoke set), and the app on the
 * port that playwright.config.ts chose. Workers find it all in E2E_* variables.
 */
export default async function globalSetup() {
  const suite = suiteFromEnv();
  const driver = driverFromEnv(suite);
  const port = Number(process.env.E2E_PORT);
  if (!port) throw new Error("E2E_PORT is not set: run through playwright.config.ts");

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `planwerk-e2e-${suite}-`));
  const state: RunState = { tmp, suite };
  runState.set(state);
  try {
    const mailDir = path.join(tmp, "mail");
    const dataDir = path.join(tmp, "data");
    fs.mkdirSync(dataDir, { recursive: true });
    state.smtp = await startSmtp({ mailDir });

    const secret = crypto.randomBytes(32).toString("base64url");
    const env: Record<string, string | undefined> = {
      PLANWERK_DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: secret,
      // The demo runs as `npm run demo` does, without a mail server: mails stay in the outbox with their links.
      SMTP_URL: suite === "smoke" ? undefined : state.smtp.url,
      MAIL_POLL_MS: "200",
      LOG_LEVEL: "warn",
      PLANWERK_DEMO: suite === "smoke" ? "1" : "0",
      // A developer may test another build folder (PLANWERK_DIST_DIR=.next-x) beside .next-test.
      PLANWERK_DIST_DIR: process.env.PLANWERK_DIST_DIR || ".next-test",
    };

    if (driver === "postgres") {
      const serverUrl = process.env.DATABASE_URL!;
      const { name, url } = await createDatabase(serverUrl, { prefix: "planwerk_e2e" });
      state.postgres = { serverUrl, name };
      const handle = await openPostgres(url, { max: 1 });
      try {
        await handle.migrate();
        // The demo seeds itself (with its accounts) at start; the full set seeds here, without them.
        if (suite === "full") await seed(handle.db, { demoUsers: false });
      } catch (e) {
        throw new Error(`preparing ${name} on ${redact(serverUrl)} failed: ${(e as Error).message}`, { cause: e });
      } finally {
        await handle.close();
      }
      env.DATABASE_URL = url;
      process.env.E2E_DATABASE_URL = url;
    } else {
      env.PGLITE_DIR = path.join(tmp, "pglite");
      delete process.env.E2E_DATABASE_URL;
      if (suite === "full") {
        // Seeded here, before the server holds the folder; the specs then reach it through the
        // server's loopback test control channel (server/testing/control.ts).
        const handle = await openPglite(env.PGLITE_DIR);
        try {
          await handle.migrate();
          await seed(handle.db, { demoUsers: false });
        } finally {
          await handle.close();
        }
        const controlPort = await freePort();
        env.PLANWERK_TEST_CONTROL_PORT = String(controlPort);
        env.PLANWERK_TEST_CONTROL_TOKEN = crypto.randomBytes(32).toString("base64url");
        process.env.E2E_CONTROL_URL = `http://127.0.0.1:${controlPort}/`;
        process.env.E2E_CONTROL_TOKEN = env.PLANWERK_TEST_CONTROL_TOKEN;
      }
    }

    if (suite === "full") {
      // The per-request statement count for e2e/full/query-count.spec.ts (server/testing/query-probe.ts):
      // on both drivers, with the test token (the embedded database's control channel shares it).
      env.PLANWERK_QUERY_PROBE = "1";
      env.PLANWERK_TEST_CONTROL_TOKEN ??= crypto.randomBytes(32).toString("base64url");
      process.env.E2E_QUERY_PROBE_TOKEN = env.PLANWERK_TEST_CONTROL_TOKEN;
    }

    state.app = await startApp({ env, port, logFile: path.join(tmp, "app.log") });

    Object.assign(process.env, {
      E2E_DRIVER: driver,
      E2E_BASE_URL: state.app.url,
      E2E_MAIL_DIR: mailDir,
      E2E_TMP: tmp,
      E2E_NEXTAUTH_SECRET: secret,
      E2E_SMTP_URL: state.smtp.url,
      PLANWERK_DIST_DIR: process.env.PLANWERK_DIST_DIR || ".next-test",
    });
  } catch (e) {
    await teardown();
    throw e;
  }
}
