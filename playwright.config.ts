import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { freePortSync } from "./scripts/lib/ports";

/**
 * End-to-end tests against a production build (.next-test) served by `next start`, which
 * e2e/global-setup.ts starts with a database and an SMTP server of the run's own.
 * Two projects, run one at a time (npm test runs both):
 *   full  — e2e/** except smoke/, on PostgreSQL (E2E_DRIVER=postgres) or the embedded database;
 *   smoke — e2e/smoke, the demo (PLANWERK_DEMO=1) on the embedded database.
 */

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH; ` +
      "Playwright's own browser download does not work here.",
  );
}

/** Projects named on the command line (--project=x, --project x), in the runner process. */
function projectsFromArgv(): string[] {
  const names: string[] = [];
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--project=")) names.push(a.slice("--project=".length));
    else if (a === "--project" && argv[i + 1]) names.push(argv[++i]!);
  }
  return names;
}

// The config is evaluated in the runner first and then in each worker; the workers inherit the
// runner's environment, so the port and the suite are chosen once.
if (!process.env.E2E_SUITE) {
  const selected = projectsFromArgv();
  if (selected.length === 1 && (selected[0] === "full" || selected[0] === "smoke")) process.env.E2E_SUITE = selected[0];
}
process.env.E2E_PORT ||= String(freePortSync());
const port = Number(process.env.E2E_PORT);
if (port === 3000) throw new Error("E2E_PORT must not be 3000 (the demo's port)");
const baseURL = `http://localhost:${port}`;

const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  // 2 cores: the one server under test is the bottleneck.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A run on another build folder (PLANWERK_DIST_DIR=.next-x) keeps its results apart too.
  outputDir: `test-results${(process.env.PLANWERK_DIST_DIR ?? ".next-test").replace(/^\.next-test$/, "").replace(/^\.next/, "")}`,
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    // German is the default UI language; the browser asks for it like the people who use the app.
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "full", testDir: "./e2e", testIgnore: ["smoke/**"] },
    { name: "smoke", testDir: "./e2e/smoke" },
  ],
});
