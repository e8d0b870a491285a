import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { lockFile, lockHolder } from "@/db/lock";

const root = path.resolve(__dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-lock-"));
const pgliteDir = path.join(dir, "pglite");
const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
afterAll(() => {
  sleeper.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database lock", () => {
  it("names a live process that holds the folder and ignores a stale lock", () => {
    fs.writeFileSync(lockFile(pgliteDir), String(sleeper.pid));
    expect(lockHolder(pgliteDir)).toBe(sleeper.pid);
    fs.writeFileSync(lockFile(pgliteDir), "999999999");
    expect(lockHolder(pgliteDir)).toBeNull();
  });

  it("makes db:migrate refuse a folder that a running server holds, and leaves it untouched", async () => {
    fs.writeFileSync(lockFile(pgliteDir), String(sleeper.pid));
    const run = promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: pgliteDir },
    });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`in use by the running server (process ${sleeper.pid})`) });
    expect(fs.existsSync(pgliteDir)).toBe(false);
  });
});
