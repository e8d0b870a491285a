/**
 * The one test command (`npm test`). Phases, stopping at the first that fails:
 *   unit   vitest on the embedded database, then on PostgreSQL when DATABASE_URL is set
 *   build  one production build into .next-test (a running demo's .next stays untouched), then
 *          the first-load JS budget per page (npm run budget:js)
 *   e2e    Playwright project "full" — on PostgreSQL when DATABASE_URL is set, else embedded
 *   smoke  Playwright project "smoke" — the demo on the embedded database
 * A skipped test fails its phase. Never uses ./.data or port 3000.
 *
 *   npm test -- --only=unit|build|e2e|smoke   one phase (e2e and smoke reuse the last build)
 *   npm test -- --skip-build                  every phase but the build, on the last build
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatBudgetTable, measureFirstLoadJs } from "./lib/js-budget";
import { checkPlaywrightReport, checkVitestReport } from "./lib/reports";

const root = path.resolve(__dirname, "..");
const DIST = ".next-test";
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type PhaseKey = "unit" | "build" | "e2e" | "smoke";
const PHASES: PhaseKey[] = ["unit", "build", "e2e", "smoke"];

function parseArgs(argv: string[]) {
  let only: PhaseKey | undefined;
  let skipBuild = false;
  for (const arg of argv) {
    if (arg === "--skip-build") skipBuild = true;
    else if (arg.startsWith("--only=") && PHASES.includes(arg.slice(7) as PhaseKey)) only = arg.slice(7) as PhaseKey;
    else {
      console.error(`Unknown option ${arg}. Usage: npm test [-- --only=${PHASES.join("|")}] [-- --skip-build]`);
      process.exit(2);
    }
  }
  return { only, skipBuild };
}

const { only, skipBuild } = parseArgs(process.argv.slice(2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-test-"));
const databaseUrl = process.env.DATABASE_URL || undefined;

/** The caller's environment without anything that would point a phase at real data. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith("E2E_")) continue;
    if (["DATABASE_URL", "PGLITE_DIR", "PLANWERK_DATA_DIR", "PLANWERK_DEMO", "PLANWERK_DIST_DIR", "TEST_DB", "PORT"].includes(k)) continue;
    env[k] = v;
  }
  // Anything that falls back to the data folder lands in the run's temporary folder, not ./.data.
  env.PLANWERK_DATA_DIR = path.join(tmp, "data");
  env.PGLITE_DIR = path.join(tmp, "data", "pglite");
  env.NEXT_TELEMETRY_DISABLED = "1";
  env.VITE_CONFIG_NATIVE_IGNORE_WARNING = "true";
  return env;
}

let current: ReturnType<typeof spawn> | undefined;
let interrupted: NodeJS.Signals | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = signal;
    // Ctrl-C reaches the child through the terminal already; a SIGTERM from a supervisor does not.
    if (signal === "SIGTERM") current?.kill("SIGTERM");
  });
}

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: "inherit" });
    current = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal as NodeJS.Signals] ?? 0) : 1));
    });
  });
}

class PhaseFailure extends Error {}

async function vitest(driver: "pglite" | "postgres") {
  const report = path.join(tmp, `vitest-${driver}.json`);
  const env: Record<string, string> = { ...baseEnv(), TEST_DB: driver };
  if (driver === "postgres") env.DATABASE_URL = databaseUrl!;
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
  if (code !== 0) throw new PhaseFailure(`vitest exited with code ${code}`);
  const { ran, notRun } = checkVitestReport(report, root);
  if (notRun.length) throw new PhaseFailure(`${notRun.length} test(s) did not run:\n  ${notRun.join("\n  ")}`);
  if (ran === 0) throw new PhaseFailure("no tests ran");
}

async function build() {
  const env = { ...baseEnv(), NODE_ENV: "production", PLANWERK_DIST_DIR: DIST };
  const code = await run(bin("next"), ["build"], env);
  if (code !== 0) throw new PhaseFailure(`next build exited with code ${code}`);
  // Issue 9: first-load JS per page ≤ 150 KB gzip (scripts/lib/js-budget.ts).
  const routes = measureFirstLoadJs({ distDir: path.join(root, DIST) });
  const table = formatBudgetTable(routes);
  if (routes.some((r) => !r.ok)) throw new PhaseFailure(`a page is over its first-load JS budget:\n${table}`);
  console.log(`\n${table}`);
}

async function playwright(project: "full" | "smoke", driver: "postgres" | "pglite") {
  const report = path.join(tmp, `playwright-${project}.json`);
  const env: Record<string, string> = { ...baseEnv(), E2E_SUITE: project, E2E_DRIVER: driver, E2E_JSON_REPORT: report, PLANWERK_DIST_DIR: DIST };
  if (driver === "postgres") env.DATABASE_URL = databaseUrl!;
  const code = await run(bin("playwright"), ["test", `--project=${project}`], env);
  // Read the report even after a failure: it names skipped tests and errors outside any test.
  const result = fs.existsSync(report) ? checkPlaywrightReport(report) : undefined;
  if (code !== 0) throw new PhaseFailure(`playwright exited with code ${code}${result?.errors.length ? `:\n  ${result.errors.join("\n  ")}` : ""}`);
  if (!result) throw new PhaseFailure("Playwright wrote no JSON report");
  if (result.notRun.length) throw new PhaseFailure(`${result.notRun.length} test(s) did not run:\n  ${result.notRun.join("\n  ")}`);
  if (result.ran === 0) throw new PhaseFailure("no tests ran");
}

function requireBuild() {
  const id = path.join(root, DIST, "BUILD_ID");
  if (!fs.existsSync(id)) throw new PhaseFailure(`no build in ${DIST}/ to reuse: run \`npm test -- --only=build\` first`);
  const age = Math.round((Date.now() - fs.statSync(id).mtimeMs) / 60_000);
  console.log(`Reusing the build in ${DIST}/ (${age} min old).`);
}

type Phase = { key: PhaseKey; name: string; run: () => Promise<void> };
const e2eDriver = databaseUrl ? "postgres" : "pglite";
const phases: Phase[] = [
  { key: "unit", name: "unit + integration (embedded PGlite)", run: () => vitest("pglite") },
  ...(databaseUrl ? [{ key: "unit" as const, name: "unit + integration (PostgreSQL)", run: () => vitest("postgres") }] : []),
  { key: "build", name: `next build (${DIST})`, run: build },
  { key: "e2e", name: `e2e full (${e2eDriver === "postgres" ? "PostgreSQL" : "embedded PGlite"})`, run: () => playwright("full", e2eDriver) },
  { key: "smoke", name: "e2e smoke (demo, embedded PGlite)", run: () => playwright("smoke", "pglite") },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const selected = phases.filter((p) => (only ? p.key === only : !(skipBuild && p.key === "build")));
  if (!databaseUrl && (!only || only === "unit" || only === "e2e")) {
    console.log("DATABASE_URL is not set: no PostgreSQL pass; the e2e set runs on the embedded database.");
  }
  const results: { name: string; ms: number; ok: boolean }[] = [];
  const started = Date.now();
  let failed = false;
  if (selected.some((p) => p.key === "e2e" || p.key === "smoke") && !selected.some((p) => p.key === "build")) {
    try {
      requireBuild();
    } catch (e) {
      console.error(`\n✗ ${(e as Error).message}`);
      return 1;
    }
  }
  for (const phase of selected) {
    console.log(`\n━━━ ${phase.name} ━━━`);
    const t0 = Date.now();
    try {
      await phase.run();
      results.push({ name: phase.name, ms: Date.now() - t0, ok: true });
      console.log(`\n✓ ${phase.name} — ${seconds(Date.now() - t0)}`);
    } catch (e) {
      results.push({ name: phase.name, ms: Date.now() - t0, ok: false });
      const message = e instanceof PhaseFailure ? e.message : (e as Error).stack ?? String(e);
      console.error(`\n✗ ${phase.name} failed after ${seconds(Date.now() - t0)}: ${message}`);
      failed = true;
      break;
    }
    if (interrupted) break;
  }
  console.log("\nSummary");
  for (const r of results) console.log(`  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(42)} ${seconds(r.ms).padStart(9)}`);
  const notRun = selected.slice(results.length);
  for (const p of notRun) console.log(`  – ${p.name.padEnd(42)} not run`);
  console.log(`  total ${seconds(Date.now() - started)}`);
  if (interrupted) return interrupted === "SIGINT" ? 130 : 143;
  return failed ? 1 : 0;
}

main()
  .then((code) => {
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  })
  .catch((e) => {
    console.error(e);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
  });
