/**
 * `npm start` (production, needs DATABASE_URL or the embedded folder, NEXTAUTH_URL, NEXTAUTH_SECRET)
 * and `npm run demo` (--demo: PLANWERK_DEMO=1 with generated defaults). Checks the environment
 * first so a wrong setting is named before anything starts, then runs `next start`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvironmentError, prepareEnvironment } from "../server/env";

if (process.argv.includes("--demo")) process.env.PLANWERK_DEMO = "1";
// The test runner starts `next start` itself; `npm start` and `npm run demo` never open the test channel.
if (process.env.PLANWERK_TEST_CONTROL_PORT || process.env.PLANWERK_TEST_CONTROL_TOKEN) {
  console.error("Planwerk cannot start: PLANWERK_TEST_CONTROL_PORT/TOKEN are for test runs only; unset them.");
  process.exit(1);
}
process.env.PORT ||= "3000";
try {
  prepareEnvironment();
} catch (e) {
  if (e instanceof EnvironmentError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
if (process.env.PLANWERK_DEMO === "1") {
  console.log(`Planwerk demo: ${process.env.NEXTAUTH_URL} (data in ${path.resolve(process.env.PLANWERK_DATA_DIR || ".data")})`);
}
const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", process.env.PORT], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
