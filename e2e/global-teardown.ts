import fs from "node:fs";
import path from "node:path";
import { dropDatabase } from "../scripts/lib/pg";
import { runState } from "./support/run-state";

/**
 * Stops what the global setup started, in reverse order, and keeps the server's log in
 * test-results/ for a look after a failed run.
 */
export default async function globalTeardown() {
  const state = runState.get();
  if (!state) return;
  runState.clear();
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      problems.push(`${what}: ${(e as Error).message}`);
    }
  };
  if (state.app) await attempt("stopping the app", state.app.stop);
  if (state.smtp) await attempt("stopping the SMTP server", state.smtp.close);
  if (state.postgres) {
    const { serverUrl, name } = state.postgres;
    await attempt(`dropping ${name}`, () => dropDatabase(serverUrl, name));
  }
  await attempt("keeping the server log", async () => {
    const logs = fs.readdirSync(state.tmp).filter((f) => f.endsWith(".log"));
    if (!logs.length) return;
    const dir = path.join(process.cwd(), "test-results");
    fs.mkdirSync(dir, { recursive: true });
    for (const f of logs) fs.copyFileSync(path.join(state.tmp, f), path.join(dir, `${state.suite}-${f}`));
  });
  await attempt("removing temporary files", async () => fs.rmSync(state.tmp, { recursive: true, force: true }));
  if (problems.length) throw new Error(`global teardown: ${problems.join("; ")}`);
}
