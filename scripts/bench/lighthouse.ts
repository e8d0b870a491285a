/**
 * Lighthouse 12.2.3 through its Node API on the system Chromium (issue 9, P5): the default
 * config (mobile form factor, simulated throttling), performance / accessibility / best
 * practices, `runs` times with a fresh Chrome each, the median per category.
 */
import type { Flags, Result } from "lighthouse";

export type LighthouseScores = { performance: number; accessibility: number; bestPractices: number };
export type FailingAudit = { id: string; title: string; category: string; score: number | null };
export type LighthouseResult = LighthouseScores & { url: string; runs: LighthouseScores[]; failing: FailingAudit[] };

const CATEGORIES = { performance: "performance", accessibility: "accessibility", bestPractices: "best-practices" } as const satisfies Record<keyof LighthouseScores, string>;

// Those of the e2e suite (playwright.config.ts); chrome-launcher adds its own defaults.
const CHROME_FLAGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Chromium 15x sometimes leaves the navigation out of the trace (NO_NAVSTART): such a run is repeated, at most this often. */
const RETRIES = 2;

class RuntimeError extends Error {}

/** How many performance opportunities `failing` names (largest estimated savings first). */
const OPPORTUNITIES = 5;

function medianRunIndex(runs: LighthouseScores[], key: keyof LighthouseScores): number {
  const order = runs.map((r, i) => ({ v: r[key], i })).sort((a, b) => a.v - b.v);
  return order[Math.floor((order.length - 1) / 2)]!.i;
}

/** Audits under 1 that weigh in the category (accessibility, best practices). */
function failingWeighted(lhr: Result, categoryId: string): FailingAudit[] {
  const category = lhr.categories[categoryId];
  if (!category) return [];
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, title: a.title, category: categoryId, score: a.score }));
}

/** The performance audits with the biggest estimated savings that did not pass. */
function biggestOpportunities(lhr: Result): FailingAudit[] {
  const category = lhr.categories.performance;
  if (!category) return [];
  const savings = (id: string) => {
    const a = lhr.audits[id]!;
    const details = a.details as { overallSavingsMs?: number } | undefined;
    const metric = Object.values(a.metricSavings ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0);
    return Math.max(details?.overallSavingsMs ?? 0, metric);
  };
  return category.auditRefs
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && savings(a.id) > 0)
    .sort((a, b) => savings(b.id) - savings(a.id))
    .slice(0, OPPORTUNITIES)
    .map((a) => ({ id: a.id, title: `${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`, category: "performance", score: a.score }));
}

async function runOnce(url: string, chromePath: string, cookie: string | undefined): Promise<Result> {
  // Both are ES modules; tsx runs the scripts as CommonJS, so they are imported at run time.
  const { launch } = await import("chrome-launcher");
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const flags: Flags = {
      port: chrome.port,
      logLevel: "error",
      output: "json",
      onlyCategories: Object.values(CATEGORIES),
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new RuntimeError(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
  }
}

function scoresOf(lhr: Result): LighthouseScores {
  const score = (id: string) => {
    const s = lhr.categories[id]?.score;
    if (s === null || s === undefined) throw new Error(`Lighthouse gave no ${id} score for ${lhr.finalDisplayedUrl}`);
    return Math.round(s * 100);
  };
  return { performance: score(CATEGORIES.performance), accessibility: score(CATEGORIES.accessibility), bestPractices: score(CATEGORIES.bestPractices) };
}

export async function runLighthouse(opts: { url: string; runs?: number; cookie?: string; chromePath?: string; onLog?: (m: string) => void }): Promise<LighthouseResult> {
  const runs = opts.runs ?? 3;
  const chromePath = opts.chromePath ?? (process.env.CHROMIUM_PATH || "/usr/bin/chromium");
  const lhrs: Result[] = [];
  const scores: LighthouseScores[] = [];
  for (let i = 0; i < runs; i++) {
    let lhr: Result | undefined;
    for (let attempt = 0; !lhr; attempt++) {
      try {
        lhr = await runOnce(opts.url, chromePath, opts.cookie);
      } catch (e) {
        if (!(e instanceof RuntimeError) || attempt >= RETRIES) throw e;
        opts.onLog?.(`${e.message} — again`);
      }
    }
    const s = scoresOf(lhr);
    lhrs.push(lhr);
    scores.push(s);
    opts.onLog?.(`lighthouse ${i + 1}/${runs} ${opts.url}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s.bestPractices}`);
  }
  const perf = medianRunIndex(scores, "performance");
  const a11y = medianRunIndex(scores, "accessibility");
  const bp = medianRunIndex(scores, "bestPractices");
  return {
    url: opts.url,
    performance: scores[perf]!.performance,
    accessibility: scores[a11y]!.accessibility,
    bestPractices: scores[bp]!.bestPractices,
    runs: scores,
    failing: [...failingWeighted(lhrs[a11y]!, CATEGORIES.accessibility), ...failingWeighted(lhrs[bp]!, CATEGORIES.bestPractices), ...biggestOpportunities(lhrs[perf]!)],
  };
}
