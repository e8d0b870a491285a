import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own: a second process opening the same folder silently loses writes.
 * The server writes its PID beside the folder; scripts refuse while that PID is alive.
 */
export function lockFile(pgliteDir: string): string {
  return path.join(path.dirname(pgliteDir), `${path.basename(pgliteDir)}.lock`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The PID of a live process that holds the folder, or null. */
export function lockHolder(pgliteDir: string): number | null {
  const file = lockFile(pgliteDir);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid) ? pid : null;
}

export function acquireLock(pgliteDir: string): void {
  const holder = lockHolder(pgliteDir);
  if (holder) {
    throw new Error(`The database folder ${pgliteDir} is in use by process ${holder}. Stop that process first.`);
  }
  fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
  fs.writeFileSync(lockFile(pgliteDir), String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile(pgliteDir), "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile(pgliteDir));
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
}
