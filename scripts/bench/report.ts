import type { LoadResult } from "./load";

export type Goal = { ratioAtLeast?: number; ratioAtMost?: number; atLeast?: number; atMost?: number };

export type Measure = {
  id: string;
  name: string;
  figure: number;
  unit: string;
  reference: string;
  ratio?: number;
  goal: Goal;
  note?: string;
  /** Further conditions of the goal (e.g. P2's latency and exact counts); false fails the measure. */
  extraMet?: boolean;
};

export type LighthouseRow = {
  name: string;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  runs: { performance: number; accessibility: number; bestPractices: number }[];
  failing: { id: string; title: string; category: string; score: number | null }[];
};

export type Report = {
  quick: boolean;
  date: Date;
  minutes: number;
  machine: { cpu: string; memory: string; os: string; node: string; next: string; postgres: string; chromium: string; load: string };
  seed: Record<string, unknown> & { seeded: string; seedSeconds?: number; scale: number };
  plan: Record<string, number>;
  measures: Measure[];
  details: {
    rounds?: Record<string, LoadResult[]>;
    explain?: string;
    lighthouse?: LighthouseRow[];
    jsBudget?: string;
    memory?: number | null;
  };
};

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

function goalText(g: Goal): string {
  if (g.ratioAtLeast !== undefined) return `ratio ≥ ${g.ratioAtLeast}`;
  if (g.ratioAtMost !== undefined) return `ratio ≤ ${g.ratioAtMost}`;
  if (g.atLeast !== undefined) return `≥ ${g.atLeast}`;
  if (g.atMost !== undefined) return `≤ ${g.atMost}`;
  return "—";
}

/** Met, or by how much it falls short (relative to the goal). */
export function verdict(m: Measure): { met: boolean; text: string } {
  const g = m.goal;
  let short: number | undefined;
  if (g.ratioAtLeast !== undefined && m.ratio !== undefined) short = m.ratio >= g.ratioAtLeast ? undefined : 1 - m.ratio / g.ratioAtLeast;
  else if (g.ratioAtMost !== undefined && m.ratio !== undefined) short = m.ratio <= g.ratioAtMost ? undefined : m.ratio / g.ratioAtMost - 1;
  else if (g.atLeast !== undefined) short = m.figure >= g.atLeast ? undefined : 1 - m.figure / g.atLeast;
  else if (g.atMost !== undefined) short = m.figure <= g.atMost ? undefined : m.figure / g.atMost - 1;
  if (!Number.isFinite(m.figure)) return { met: false, text: "not measured" };
  if (short !== undefined) return { met: false, text: `no (off by ${(short * 100).toFixed(0)} %)` };
  if (m.extraMet === false) return { met: false, text: "no (see note)" };
  return { met: true, text: "yes" };
}

const ANALYSIS_START = "<!-- analysis:start -->";
const ANALYSIS_END = "<!-- analysis:end -->";

/** The hand-written analysis of the previous report, kept across runs. */
function keptAnalysis(previous: string): string {
  const a = previous.indexOf(ANALYSIS_START);
  const b = previous.indexOf(ANALYSIS_END);
  if (a < 0 || b < a) return "_No analysis written yet: profile what falls short and name the function or query here._";
  return previous.slice(a + ANALYSIS_START.length, b).trim();
}

export function renderReport(r: Report, previous: string): string {
  const lines: string[] = [];
  const w = (s = "") => lines.push(s);
  w("# Benchmarks");
  w();
  w(
    `Written by \`npm run bench${r.quick ? " -- --quick" : ""}\` on ${r.date.toISOString().replace("T", " ").slice(0, 16)} UTC in ${fmt(r.minutes)} min.` +
      (r.quick ? " **Quick run: every measure for a moment on a small seed — the figures say nothing about speed.**" : ""),
  );
  w("Each reference is measured in the same run, alternating with the app; a figure is the median of the rounds");
  w(`(${r.plan.rounds} round(s) of ${r.plan.seconds} s at 10 connections for the load measures, ${r.plan.ttfbSamples} sequential samples for times to first byte).`);
  w("The machine is shared and noisy: compare ratios, not absolute figures, across runs.");
  w();
  w("## Machine");
  w();
  w("| | |");
  w("|---|---|");
  w(`| CPU | ${r.machine.cpu} |`);
  w(`| memory | ${r.machine.memory} |`);
  w(`| system | ${r.machine.os} |`);
  w(`| load average at the end | ${r.machine.load} |`);
  w(`| Node.js | ${r.machine.node} |`);
  w(`| Next.js | ${r.machine.next} |`);
  w(`| PostgreSQL | ${r.machine.postgres} |`);
  w(`| Chromium | ${r.machine.chromium} |`);
  if (r.details.memory) w(`| app server's peak memory (VmHWM) | ${fmt(r.details.memory, 0)} MiB |`);
  w();
  w("## Data");
  w();
  const s = r.seed as Report["seed"] & { perEdition?: { large: { comments: number; proposals: number; votes: number } } };
  const large = s.perEdition?.large ?? { comments: s.comments, proposals: s.proposals, votes: s.votes };
  w(
    `Large seed (\`npm run db:seed:large\`, scale ${s.scale}): ${String(s.participants)} participants; the consultation under test holds ${String(large.comments)} comments, ${String(large.proposals)} proposals and ${String(large.votes)} votes` +
      ` (plus a second consultation with 100 proposals) — ${s.seeded === "cached" ? "copied from the cached seed" : `seeded in ${fmt(s.seedSeconds ?? NaN, 0)} s`}.`,
  );
  w();
  w("## Results");
  w();
  w("| | measure | figure | reference (same run) | ratio | goal | met |");
  w("|---|---|---|---|---|---|---|");
  for (const m of r.measures) {
    const v = verdict(m);
    w(`| ${m.id} | ${m.name} | ${fmt(m.figure)} ${m.unit} | ${m.reference} | ${m.ratio !== undefined ? fmt(m.ratio, m.ratio < 0.1 ? 3 : 2) : "—"} | ${goalText(m.goal)} | ${v.text} |`);
  }
  w();
  const notes = r.measures.filter((m) => m.note);
  if (notes.length) {
    for (const m of notes) w(`- **${m.id}**: ${m.note}`);
    w();
  }
  w("## Analysis");
  w();
  w(ANALYSIS_START);
  w(keptAnalysis(previous));
  w(ANALYSIS_END);
  w();
  w("## Details");
  if (r.details.rounds) {
    w();
    w("### P0/P1 rounds (req/s; p50 latency)");
    w();
    const keys = Object.keys(r.details.rounds);
    w(`| round | ${keys.join(" | ")} |`);
    w(`|---|${keys.map(() => "---").join("|")}|`);
    const n = r.details.rounds[keys[0]!]!.length;
    for (let i = 0; i < n; i++) w(`| ${i + 1} | ${keys.map((k) => `${fmt(r.details.rounds![k]![i]!.requestsPerSecond)} (${r.details.rounds![k]![i]!.p50} ms)`).join(" | ")} |`);
  }
  if (r.details.explain) {
    w();
    w("### P4: the search statement's plan");
    w();
    w("```");
    w(r.details.explain.trim());
    w("```");
  }
  if (r.details.lighthouse) {
    w();
    w("### P5: Lighthouse (mobile)");
    w();
    w("| page | performance | accessibility | best practices | runs (perf/a11y/bp) |");
    w("|---|---|---|---|---|");
    for (const l of r.details.lighthouse)
      w(`| ${l.name} | ${l.performance} | ${l.accessibility} | ${l.bestPractices} | ${l.runs.map((x) => `${x.performance}/${x.accessibility}/${x.bestPractices}`).join(", ")} |`);
    const failing = r.details.lighthouse.flatMap((l) => l.failing.map((f) => `- ${l.name}: \`${f.id}\` ${f.title} (${f.category}, score ${f.score ?? "n/a"})`));
    if (failing.length) {
      w();
      w("Audits below full score:");
      w();
      for (const f of failing) w(f);
    }
  }
  if (r.details.jsBudget) {
    w();
    w("### P6: first-load JavaScript per route");
    w();
    w("```");
    w(r.details.jsBudget);
    w("```");
  }
  w();
  return lines.join("\n");
}
