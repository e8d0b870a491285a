/**
 * `npm run budget:js -- [--dist=.next-test] [--verbose]`: first-load JavaScript per page of a
 * production build against the budget (150 KB gzip, issue 9). Exit 1 when a page is over it,
 * 2 when there is no build to measure. How it is counted: scripts/lib/js-budget.ts.
 */
import path from "node:path";
import { BuildNotFoundError, formatBudgetTable, KB, measureFirstLoadJs } from "./lib/js-budget";

let dist = process.env.PLANWERK_DIST_DIR || ".next";
let verbose = false;
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith("--dist=")) dist = arg.slice("--dist=".length);
  else if (arg === "--verbose") verbose = true;
  else {
    console.error(`Unknown option ${arg}. Usage: npm run budget:js -- [--dist=.next-test] [--verbose]`);
    process.exit(2);
  }
}

try {
  const routes = measureFirstLoadJs({ distDir: path.resolve(dist) });
  console.log(formatBudgetTable(routes));
  if (verbose) {
    for (const r of routes) {
      console.log(`\n${r.route}`);
      for (const f of r.files) console.log(`  ${(f.gzipBytes / KB).toFixed(1).padStart(6)}  ${f.file}`);
    }
  }
  const over = routes.filter((r) => !r.ok);
  if (over.length) {
    console.error(`\n${over.length} page(s) over the first-load JS budget: ${over.map((r) => r.route).join(", ")}`);
    process.exit(1);
  }
} catch (e) {
  if (e instanceof BuildNotFoundError) {
    console.error(`${e.message} Build first (npm run build, or PLANWERK_DIST_DIR=… next build).`);
    process.exit(2);
  }
  throw e;
}
