import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const TEST_DIST_DIR = ".next-test";

/**
 * Variables of the app's environment contract. A started app never inherits them from the
 * caller (whose shell may point DATABASE_URL at a real database); it gets exactly what
 * startApp's `env` says.
 */
const CONTRACT = [
  "DATABASE_URL",
  "DATABASE_POOL_SIZE",
  "PGLITE_DIR",
  "PLANWERK_DATA_DIR",
  "PLANWERK_DEMO",
  "PLANWERK_DIST_DIR",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "SMTP_URL",
  "MAIL_FROM",
  "MAIL_POLL_MS",
  "LOG_LEVEL",
  "PORT",
  "HOSTNAME",
  "PLANWERK_TEST_CONTROL_PORT",
  "PLANWERK_TEST_CONTROL_TOKEN",
  "PLANWERK_QUERY_PROBE",
  "PLANWERK_OPERATOR_FILE",
  "TRUST_PROXY",
];

export type AppServer = {
  pid: number;
  /** http://localhost:PORT — the origin NEXTAUTH_URL names. */
  url: string;
  port: number;
  logFile: string;
  /** The server's output so far. */
  log: () => string;
  /** SIGTERM to the server's process group, SIGKILL after 10 s; resolves once it has exited. */
  stop: () => Promise<void>;
};

export type StartAppOptions = {
  /** The app's environment; a value of undefined removes a variable. */
  env: Record<string, string | undefined>;
  port: number;
  /** Where the server's output goes (default: a new temporary file). */
  logFile?: string;
  /** Project root (default: process.cwd()). */
  cwd?: string;
  /** How long to wait for GET /api/health to answer 200 (default 60 s). */
  readyTimeoutMs?: number;
};

/** The last `lines` lines of a file, or "" when there is none. */
export function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Next loads .env files itself and, for a variable the process lacks, takes theirs. A developer's
 * .env with DATABASE_URL would turn an embedded-database test server into one on that database.
 */
function refuseDotenvDatabase(cwd: string, env: Record<string, string | undefined>) {
  if (env.DATABASE_URL) return;
  for (const name of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    const file = path.join(cwd, name);
    if (!fs.existsSync(file)) continue;
    if (/^\s*(export\s+)?DATABASE_URL\s*=\s*\S/m.test(fs.readFileSync(file, "utf8"))) {
      throw new Error(
        `${name} sets DATABASE_URL, and Next would use it for this embedded-database test server. ` +
          `Move it out of ${name} (or set it in your shell) while running the tests.`,
      );
    }
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts `node_modules/.bin/next start -p PORT` from the project root on the test build
 * (.next-test), with its output in a log file, and waits until /api/health answers 200.
 * Usable from the global setup and from a worker (a spec that restarts its own server).
 */
export async function startApp({ env, port, logFile, cwd = process.cwd(), readyTimeoutMs = 60_000 }: StartAppOptions): Promise<AppServer> {
  if (port === 3000) throw new Error("tests never use port 3000 (the demo's)");
  const distDir = env.PLANWERK_DIST_DIR ?? TEST_DIST_DIR;
  if (!fs.existsSync(path.join(cwd, distDir, "BUILD_ID"))) {
    throw new Error(`no production build in ${distDir}/: run \`npm test\` (or \`npm test -- --only=build\`) first`);
  }
  refuseDotenvDatabase(cwd, env);

  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !CONTRACT.includes(k) && !k.startsWith("RATE_LIMIT_")) childEnv[k] = v;
  Object.assign(childEnv, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PLANWERK_DIST_DIR: distDir,
    PORT: String(port),
    LOG_LEVEL: "warn",
  });
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }

  // By default beside the run's other temporary files (E2E_TMP, removed by the global teardown).
  const log =
    logFile ??
    (process.env.E2E_TMP && fs.existsSync(process.env.E2E_TMP)
      ? path.join(process.env.E2E_TMP, `app-${port}-${Date.now()}.log`)
      : path.join(fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-app-")), "app.log"));
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const fd = fs.openSync(log, "a");
  fs.writeSync(fd, `--- next start -p ${port} at ${new Date().toISOString()}\n`);
  const child = spawn(path.join(cwd, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd,
    env: childEnv as NodeJS.ProcessEnv,
    // Its own process group, so stop() reaches every process the CLI starts.
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn next start");

  let exitCode: number | null | undefined;
  let exitSignal: NodeJS.Signals | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      resolve();
    }),
  );
  // Should this process die without stop() (a crashed worker), take the server along.
  const onExit = () => killGroup(pid, "SIGKILL");
  process.once("exit", onExit);

  const url = `http://localhost:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener("exit", onExit);
      if (exitCode === undefined) {
        killGroup(pid, "SIGTERM");
        const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000).unref());
        if ((await Promise.race([exited, timer])) === "timeout") killGroup(pid, "SIGKILL");
        await exited;
      }
      // The CLI may be gone while a server process it started still holds the port.
      for (let i = 0; i < 100 && groupAlive(pid); i++) {
        if (i === 50) killGroup(pid, "SIGKILL");
        await new Promise((r) => setTimeout(r, 100));
      }
    })());

  const deadline = Date.now() + readyTimeoutMs;
  let lastProblem = "no answer yet";
  while (exitCode === undefined) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) {
        return { pid, url, port, logFile: log, log: () => fs.readFileSync(log, "utf8"), stop };
      }
      lastProblem = `GET /api/health answered ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (e) {
      lastProblem = `GET /api/health failed: ${(e as Error).cause ? String((e as Error).cause) : (e as Error).message}`;
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const why =
    exitCode !== undefined
      ? `the server exited (${exitSignal ? `signal ${exitSignal}` : `code ${exitCode}`}) before it was ready`
      : `the server was not ready within ${readyTimeoutMs / 1000} s (${lastProblem})`;
  await stop();
  throw new Error(`${why}. Last lines of ${log}:\n${tail(log)}`);
}
