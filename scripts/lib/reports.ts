import fs from "node:fs";
import path from "node:path";

/**
 * Reads the JSON reports of vitest and Playwright and names every test that did not run
 * (skipped, pending, todo, fixme): npm test treats such a test as a failure, because a skipped
 * test hides exactly the regression it was written for.
 */

export type ReportCheck = { ran: number; notRun: string[] };

function readJson(file: string, tool: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`${tool} wrote no JSON report (${file})`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

type VitestReport = {
  numTotalTests?: number;
  testResults?: { name: string; assertionResults?: { fullName?: string; title?: string; status: string }[] }[];
};

export function checkVitestReport(file: string, root = process.cwd()): ReportCheck {
  const report = readJson(file, "vitest") as VitestReport;
  const notRun: string[] = [];
  let ran = 0;
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      if (t.status === "passed" || t.status === "failed") ran++;
      else notRun.push(`${path.relative(root, suite.name)} > ${t.fullName ?? t.title} (${t.status})`);
    }
  }
  return { ran, notRun };
}

type PwTest = { status: string; projectName?: string; annotations?: { type: string; description?: string }[] };
type PwSpec = { title: string; file: string; line: number; tests: PwTest[] };
type PwSuite = { title: string; file?: string; specs?: PwSpec[]; suites?: PwSuite[] };
type PwReport = { suites?: PwSuite[]; errors?: { message?: string }[] };

export function checkPlaywrightReport(file: string): ReportCheck & { errors: string[] } {
  const report = readJson(file, "Playwright") as PwReport;
  const notRun: string[] = [];
  let ran = 0;
  const walk = (suite: PwSuite, titles: string[]) => {
    const path = suite.file && suite.title === suite.file ? titles : [...titles, suite.title].filter(Boolean);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status === "skipped") {
          const why = (t.annotations ?? []).map((a) => a.type + (a.description ? `: ${a.description}` : "")).join(", ");
          notRun.push(`${spec.file}:${spec.line} ${[...path, spec.title].join(" › ")}${why ? ` (${why})` : ""}`);
        } else ran++;
      }
    }
    for (const child of suite.suites ?? []) walk(child, path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return { ran, notRun, errors: (report.errors ?? []).map((e) => e.message ?? String(e)) };
}
