import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** Runs a command to its end with inherited output; throws when it fails. */
export function runToEnd(command: string, args: string[], options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env } as NodeJS.ProcessEnv, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? code})`))));
  });
}

/** The production build of the app in `dist` (reused when `reuse` and a build is there). */
export async function buildApp(dist: string, { reuse }: { reuse: boolean }): Promise<"built" | "reused"> {
  if (reuse && fs.existsSync(path.join(root, dist, "BUILD_ID"))) return "reused";
  await runToEnd(bin("next"), ["build"], { env: { NODE_ENV: "production", PLANWERK_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: "1" } });
  return "built";
}

const bareDir = path.join(root, ".bench", "bare-next");
/** Changes when the reference app's files change, so an older build of it is rebuilt. */
const BARE_APP_REVISION = 2;
const nextVersion = () => (JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;

/**
 * The reference: a bare Next app of the same version with one `force-dynamic` page, nothing else
 * (no layout work, no proxy, no session). Written and built here, in .bench/ (not committed), and
 * rebuilt when the installed Next changes. It resolves `next` from the project's node_modules.
 */
export async function buildBareNext(): Promise<string> {
  const marker = path.join(bareDir, ".next", "planwerk-next-version");
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === `${nextVersion()}/${BARE_APP_REVISION}`) return bareDir;
  fs.rmSync(bareDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(bareDir, "app"), { recursive: true });
  fs.writeFileSync(
    path.join(bareDir, "app", "layout.jsx"),
    'export default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  fs.writeFileSync(
    path.join(bareDir, "app", "page.jsx"),
    'export const dynamic = "force-dynamic";\n\nexport default function Page() {\n  return <p>Bare Next page.</p>;\n}\n',
  );
  // Its own empty instrumentation hook and a proxy that matches no page: without them, Next would
  // build the app's (instrumentation.ts, proxy.ts) from the Turbopack root into the reference.
  fs.writeFileSync(path.join(bareDir, "instrumentation.js"), "export function register() {}\n");
  fs.writeFileSync(
    path.join(bareDir, "proxy.js"),
    'import { NextResponse } from "next/server";\n\nexport function proxy() {\n  return NextResponse.next();\n}\n\nexport const config = { matcher: ["/__never__"] };\n',
  );
  fs.writeFileSync(path.join(bareDir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
  await runToEnd(bin("next"), ["build"], { cwd: bareDir, env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  // The app's proxy sets the nonce header, its instrumentation checks Planwerk's settings: neither may be in the reference.
  const chunks = path.join(bareDir, ".next", "server", "chunks");
  for (const file of fs.readdirSync(chunks).filter((f) => f.endsWith(".js"))) {
    if (/x-nonce|Planwerk cannot start/.test(fs.readFileSync(path.join(chunks, file), "utf8"))) {
      throw new Error(`the bare Next reference picked up the app's proxy or instrumentation (${file})`);
    }
  }
  fs.writeFileSync(marker, `${nextVersion()}/${BARE_APP_REVISION}`);
  return bareDir;
}

export type Server = { url: string; pid: number; stop: () => Promise<void> };

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}

/** `next start` of the bare app on `port`, ready when its page answers 200. */
export async function startBareNext(port: number, logFile: string): Promise<Server> {
  const fd = fs.openSync(logFile, "a");
  const child = spawn(bin("next"), ["start", "-p", String(port), "-H", "localhost"], {
    cwd: bareDir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) } as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  const pid = child.pid!;
  const onExit = () => killGroup(pid, "SIGKILL");
  process.once("exit", onExit);
  const url = `http://localhost:${port}`;
  const stop = async () => {
    process.removeListener("exit", onExit);
    killGroup(pid, "SIGTERM");
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(-pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    killGroup(pid, "SIGKILL");
  };
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200) return { url, pid, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the bare Next app did not start on ${url}; see ${logFile}`);
}

/** Peak resident memory (VmHWM, MiB) of the biggest process in a process group (Linux only). */
export function peakMemoryMiB(groupPid: number): number | null {
  try {
    const pids = execFileSync("ps", ["-o", "pid=", "-g", String(groupPid)], { encoding: "utf8" }).split(/\s+/).filter(Boolean);
    let peak = 0;
    for (const pid of pids) {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    }
    return peak || null;
  } catch {
    return null;
  }
}
