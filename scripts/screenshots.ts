/**
 * Writes docs/screenshots/*.png (start page, a section with a table, sign-in, the people page at
 * 390 and 1280 px) from the e2e run, so they show the app as it is:
 *
 *   npm test -- --only=build        (or any production build; PLANWERK_DIST_DIR picks it)
 *   tsx scripts/screenshots.ts
 *
 * It runs the "screenshots" test of e2e/full/shell.spec.ts with SCREENSHOTS=1 against that build,
 * on PostgreSQL when DATABASE_URL is set, else on the embedded database. In the normal e2e run the
 * same test takes the pictures into its own output folder, so it cannot rot unnoticed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const dist = process.env.PLANWERK_DIST_DIR || ".next-test";
if (!fs.existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(`No production build in ${dist}/: run \`npm test -- --only=build\` (or set PLANWERK_DIST_DIR) first.`);
  process.exit(1);
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  SCREENSHOTS: "1",
  PLANWERK_DIST_DIR: dist,
  E2E_SUITE: "full",
  E2E_DRIVER: process.env.DATABASE_URL ? "postgres" : "pglite",
  NEXT_TELEMETRY_DISABLED: "1",
};
const child = spawn(path.join(root, "node_modules", ".bin", "playwright"), ["test", "--project=full", "e2e/full/shell.spec.ts", "-g", "screenshots"], {
  cwd: root,
  env,
  stdio: "inherit",
});
child.once("exit", (code) => {
  if (code === 0) console.log(`Screenshots written to ${path.join("docs", "screenshots")}/`);
  process.exit(code ?? 1);
});
