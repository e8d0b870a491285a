/**
 * `npm run bench` — issue 9's measures P0–P6 on loopback, each against a reference measured in
 * the same run (alternating app and reference; the figure is the median of the rounds), written
 * with the machine's description to docs/benchmarks.md. Speed is checked here, never in a timed test.
 *
 *   npm run bench                   the full run (about 15–20 minutes; the large seed is cached as a
 *                                   template database, so later runs skip its minutes)
 *   npm run bench -- --quick        every measure briefly on a small seed, report to .bench/benchmarks-quick.md;
 *                                   for CI, so the harness never rots — it asserts nothing about speed
 *   --dist=DIR                      measure the production build in DIR (built there when missing; default .next-bench)
 *   --fresh                         seed anew even when a cached seed exists
 *   --out=FILE                      where the report goes
 *
 * Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; the run
 * creates and drops its own database), pgbench on the PATH and Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium).
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "./lib/ports";
import { startApp, type AppServer } from "../e2e/support/app-server";
import { dropDatabase, prepareDatabase, signInPeople, type Manifest, type Person } from "./bench/data";
import { load, median, pgbench, timeToFirstByte, type LoadResult } from "./bench/load";
import { runLighthouse } from "./bench/lighthouse";
import { renderReport, type Measure, type Report } from "./bench/report";
import { DEFAULT_BUDGET_BYTES, formatBudgetTable, KB, measureFirstLoadJs } from "./lib/js-budget";
import { buildApp, buildBareNext, peakMemoryMiB, root, startBareNext, type Server } from "./bench/servers";

type Options = { quick: boolean; dist: string; fresh: boolean; out: string };

function parseArgs(argv: string[]): Options {
  const o: Options = { quick: false, dist: ".next-bench", fresh: false, out: "" };
  for (const a of argv) {
    if (a === "--quick") o.quick = true;
    else if (a === "--fresh") o.fresh = true;
    else if (a.startsWith("--dist=")) o.dist = a.slice(7);
    else if (a.startsWith("--out=")) o.out = a.slice(6);
    else {
      console.error(`Unknown option ${a}. Usage: npm run bench [-- --quick] [--dist=DIR] [--fresh] [--out=FILE]`);
      process.exit(2);
    }
  }
  o.out ||= o.quick ? path.join(".bench", "benchmarks-quick.md") : path.join("docs", "benchmarks.md");
  return o;
}

const options = parseArgs(process.argv.slice(2));
const { quick } = options;
/** Durations and repetitions: the full run's, or a few seconds each for --quick. */
const plan = quick
  ? { seconds: 2, rounds: 1, ttfbSamples: 3, searchSamples: 3, lighthouseRuns: 1, pgbenchSeconds: 2, scale: 0.02, warmup: 5 }
  : { seconds: 10, rounds: 3, ttfbSamples: 21, searchSamples: 21, lighthouseRuns: 3, pgbenchSeconds: 10, scale: 1, warmup: 50 };

const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

function preflight() {
  const missing: string[] = [];
  try {
    execFileSync("pgbench", ["--version"], { stdio: "ignore" });
  } catch {
    missing.push("pgbench (Debian ships it with the server package: apt-get install postgresql, then /usr/lib/postgresql/<version>/bin on the PATH)");
  }
  if (!fs.existsSync(chromium)) missing.push(`Chromium at ${chromium} (Debian: apt-get install chromium, or set CHROMIUM_PATH)`);
  if (missing.length) {
    console.error(`npm run bench needs: ${missing.join("; ")}.`);
    process.exit(1);
  }
}

function machine(pgVersion: string): Report["machine"] {
  const cpus = os.cpus();
  const version = (file: string) => (JSON.parse(fs.readFileSync(path.join(root, "node_modules", file, "package.json"), "utf8")) as { version: string }).version;
  let chromiumVersion = "unknown";
  try {
    chromiumVersion = execFileSync(chromium, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    // reported as unknown
  }
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    next: version("next"),
    postgres: pgVersion,
    chromium: chromiumVersion,
    load: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
}

/** Runs `fn` `rounds` times, `a` then `b` (then `c`) each round, so both see the same moment of a noisy machine. */
async function alternate<K extends string>(rounds: number, steps: Record<K, () => Promise<LoadResult>>): Promise<Record<K, LoadResult[]>> {
  const out = Object.fromEntries(Object.keys(steps).map((k) => [k, [] as LoadResult[]])) as Record<K, LoadResult[]>;
  for (let r = 0; r < rounds; r++) {
    for (const k of Object.keys(steps) as K[]) {
      const result = await steps[k]();
      if (result.non2xx || result.errors) log(`  ${k}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      out[k].push(result);
      log(`  round ${r + 1} ${k}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms`);
    }
  }
  return out;
}

const rps = (rs: LoadResult[]) => median(rs.map((r) => r.requestsPerSecond));
/** The median over rounds of the per-round ratio a/b (each round's pair was measured together). */
const pairRatio = (a: LoadResult[], b: LoadResult[]) => median(a.map((x, i) => x.requestsPerSecond / b[i]!.requestsPerSecond));

async function warm(origin: string, pathName: string, headers: Record<string, string>, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await fetch(origin + pathName, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${pathName} answered ${res.status} while warming up`);
  }
}

function actionId(dist: string, file: string, exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === exportName);
  if (!found) throw new Error(`no server action ${file}#${exportName} in ${dist}`);
  return found[0];
}

/** P2: votes through the server action, each of 10 connections voting as its own tenth of the voters (20 of 200). */
async function measureVotes(app: AppServer, voters: Person[], db: postgres.Sql, manifest: Manifest, seconds: number) {
  const proposals = (
    await db<{ id: string }[]>`
      select p.feedback_id as id from proposals p join feedback f on f.id = p.feedback_id
      where f.edition_id = ${manifest.editionId} and p.withdrawn_at is null and p.hidden_at is null
      order by p.feedback_id limit 50`
  ).map((r) => r.id);
  const id = actionId(options.dist, "server/proposals/votes.ts", "castVote");
  const choices = ["for", "against", "abstain"] as const;
  const origin = new URL(app.url).origin;
  let nextConnection = 0;
  // Every (voter, proposal) sent; any answered one must hold a vote afterwards.
  const answered = new Set<string>();
  let ok = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  const result = await load(
    app.url,
    {
      method: "POST",
      path: "/",
      setupRequest: (req, ctx) => {
        if (ctx.connection === undefined) ctx.connection = nextConnection++;
        const n = ((ctx.n as number | undefined) ?? 0) + 1;
        ctx.n = n;
        const perConnection = Math.max(1, Math.floor(voters.length / 10));
        const voter = voters[((ctx.connection as number) * perConnection + (n % perConnection)) % voters.length]!;
        const proposalId = proposals[(n * 7 + (ctx.connection as number)) % proposals.length]!;
        const choice = choices[(n + (ctx.connection as number)) % 3]!;
        answered.add(`${voter.userId}|${proposalId}`);
        return {
          method: "POST",
          path: `/editions/${manifest.editionId}/proposals/${proposalId}`,
          // Headers a setupRequest returns replace autocannon's, Host included; Next refuses an action without it.
          headers: { host: new URL(app.url).host, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin, cookie: voter.cookie },
          body: JSON.stringify([{ proposalId, choice }]),
        };
      },
      onResponse: (status, body) => {
        if (status === 200 && body.includes('"ok":true')) {
          ok++;
        } else {
          refused++;
          firstRefusal ??= `${status} ${body.slice(0, 300)}`;
        }
      },
    },
    { seconds },
  );
  // Exact afterwards: the totals the pages show (kept by triggers in proposal_stats and
  // proposal_group_votes) equal a recount of the votes, and each answered voter holds one vote.
  const [check] = await db<{ stale_totals: number; stale_groups: number; missing: number }[]>`
    with recount as (
      select proposal_id, group_id, count(*) filter (where choice = 'for') as f, count(*) filter (where choice = 'against') as a,
             count(*) filter (where choice = 'abstain') as ab
      from votes where proposal_id in ${db(proposals)} group by proposal_id, group_id),
    totals as (select proposal_id, sum(f) as f, sum(a) as a, sum(ab) as ab from recount group by proposal_id)
    select
      (select count(*)::int from proposal_stats s left join totals t using (proposal_id) where s.proposal_id in ${db(proposals)}
        and (s.votes_for, s.votes_against, s.votes_abstain) is distinct from (coalesce(t.f, 0), coalesce(t.a, 0), coalesce(t.ab, 0))) as stale_totals,
      (select count(*)::int from recount r full join (select * from proposal_group_votes where proposal_id in ${db(proposals)}) g using (proposal_id, group_id)
        where (coalesce(g.votes_for, 0), coalesce(g.votes_against, 0), coalesce(g.votes_abstain, 0)) is distinct from (coalesce(r.f, 0), coalesce(r.a, 0), coalesce(r.ab, 0))) as stale_groups,
      (select count(*)::int from (values ${db.unsafe([...answered].map((k) => `('${k.split("|")[0]}'::uuid, '${k.split("|")[1]}'::uuid)`).join(", ") || "(null::uuid, null::uuid)")}) as a(u, p)
        where a.u is not null and not exists (select 1 from votes v where v.user_id = a.u and v.proposal_id = a.p)) as missing`;
  // (A pair still in flight when the run stops may hold no vote: `missing` is reported, not judged.)
  const mismatches = (check?.stale_totals ?? 0) + (check?.stale_groups ?? 0);
  const exact = mismatches === 0 && answered.size > 0;
  if (firstRefusal) log(`  first refused vote: ${firstRefusal}`);
  return { result, ok, refused, pairs: answered.size, mismatches, exact, check };
}

async function main() {
  preflight();
  const started = Date.now();
  fs.mkdirSync(path.join(root, ".bench"), { recursive: true });
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-bench-"));
  log(`${quick ? "quick run" : "full run"}; logs in ${logDir}`);

  log(`building the app into ${options.dist} (reused when a build is there) and the bare Next reference …`);
  const built = await buildApp(options.dist, { reuse: true });
  await buildBareNext();

  const database = await prepareDatabase(serverUrl, { scale: plan.scale, keep: !quick, fresh: options.fresh, log });
  const { manifest } = database;
  log(`database ${database.name} (${database.seeded}${database.seedSeconds ? `, seeded in ${database.seedSeconds.toFixed(0)} s` : ""})`);
  const db = postgres(database.url, { max: 2, onnotice: () => {} });
  const servers: (AppServer | Server)[] = [];
  const cleanup = async () => {
    for (const s of servers.splice(0)) await s.stop().catch(() => {});
    await db.end({ timeout: 5 }).catch(() => {});
    await dropDatabase(serverUrl, database.name).catch(() => {});
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const [pgRow] = await db<{ v: string }[]>`select current_setting('server_version') as v`;
    const secret = crypto.randomBytes(32).toString("hex");
    const appPort = await freePort();
    const app = await startApp({
      port: appPort,
      logFile: path.join(logDir, "app.log"),
      env: {
        DATABASE_URL: database.url,
        PLANWERK_DIST_DIR: options.dist,
        NEXTAUTH_URL: `http://localhost:${appPort}`,
        NEXTAUTH_SECRET: secret,
        PLANWERK_BENCH: "1",
        // 200 voters at full speed are far over the per-person action limit meant for people.
        RATE_LIMIT_ACTION: "1000000/60",
        LOG_LEVEL: "warn",
      },
    });
    servers.push(app);
    const bare = await startBareNext(await freePort(), path.join(logDir, "bare.log"));
    servers.push(bare);
    log(`app on ${app.url} (${built} build), bare Next on ${bare.url}`);

    const [reader, ...voters] = await signInPeople(database.url, { count: quick ? 21 : 201, secret, role: "stakeholder" });
    const signedIn = { cookie: reader!.cookie };
    const urls = {
      shell: "/bench/shell",
      section50: `/editions/${manifest.editionId}/sections/${manifest.sections.comments50.key}`,
      section10: `/editions/${manifest.editionId}/sections/${manifest.sections.comments10.key}`,
      section1000: `/editions/${manifest.editionId}/sections/${manifest.sections.comments1000.key}`,
      proposals10k: `/editions/${manifest.editionId}/proposals`,
      proposals100: `/editions/${manifest.smallEditionId}/proposals`,
      proposal: `/editions/${manifest.editionId}/proposals/${manifest.proposalId}`,
      search: `/editions/${manifest.editionId}/search?q=${encodeURIComponent(SEARCH_QUERY)}`,
    };
    for (const p of Object.values(urls)) await warm(app.url, p, signedIn, 2);
    await warm(bare.url, "/", {}, 2);
    const measures: Measure[] = [];
    const details: Report["details"] = {};

    // P0 and P1: bare Next, the app's shell page and the section page with 50 comments, in turn.
    log("P0/P1: bare Next, shell page, section page with 50 comments …");
    for (const [o, p, h] of [[bare.url, "/", {}], [app.url, urls.shell, signedIn], [app.url, urls.section50, signedIn], [app.url, urls.shell, {}]] as const)
      await warm(o, p, h, plan.warmup);
    const p01 = await alternate(plan.rounds, {
      bare: () => load(bare.url, { path: "/" }, { seconds: plan.seconds }),
      shell: () => load(app.url, { path: urls.shell, headers: signedIn }, { seconds: plan.seconds }),
      shellPublic: () => load(app.url, { path: urls.shell }, { seconds: plan.seconds }),
      section50: () => load(app.url, { path: urls.section50, headers: signedIn }, { seconds: plan.seconds }),
    });
    details.rounds = p01;
    measures.push(
      {
        id: "P0",
        name: "shell page (`/bench/shell`), signed-in stakeholder, req/s at 10 connections",
        figure: rps(p01.shell),
        unit: "req/s",
        reference: `bare Next page ${rps(p01.bare).toFixed(0)} req/s`,
        ratio: pairRatio(p01.shell, p01.bare),
        goal: { ratioAtLeast: 0.7 },
        note: `public visitor: ${rps(p01.shellPublic).toFixed(0)} req/s, ratio ${pairRatio(p01.shellPublic, p01.bare).toFixed(2)}`,
      },
      {
        id: "P1",
        name: "section page with 50 comments, signed-in stakeholder, req/s",
        figure: rps(p01.section50),
        unit: "req/s",
        reference: `shell page ${rps(p01.shell).toFixed(0)} req/s`,
        ratio: pairRatio(p01.section50, p01.shell),
        goal: { ratioAtLeast: 0.7 },
        note: `× bare Next: ${pairRatio(p01.section50, p01.bare).toFixed(2)} (goal ≥ 0.5)`,
      },
    );

    // P2: votes through the server action against pgbench's single-row upsert on the same server.
    log("P2: votes through the server action, and pgbench's single-row upsert …");
    const pgbenchScript = path.join(logDir, "upsert.sql");
    await db`create table if not exists bench_upsert (proposal int, voter int, choice text not null, primary key (proposal, voter))`;
    fs.writeFileSync(
      pgbenchScript,
      "\\set p random(1, 10000)\n\\set v random(1, 2000)\ninsert into bench_upsert (proposal, voter, choice) values (:p, :v, 'for') on conflict (proposal, voter) do update set choice = excluded.choice;\n",
    );
    const voteRounds: Awaited<ReturnType<typeof measureVotes>>[] = [];
    const pgbenchRates: number[] = [];
    for (let r = 0; r < plan.rounds; r++) {
      const v = await measureVotes(app, voters, db, manifest, plan.seconds);
      voteRounds.push(v);
      log(`  round ${r + 1} votes: ${v.result.requestsPerSecond.toFixed(1)}/s, p97.5 ${v.result.p97_5} ms, ${v.ok} ok, ${v.refused} refused, exact: ${v.exact}`);
      const tps = await pgbench(database.url, pgbenchScript, { seconds: plan.pgbenchSeconds });
      pgbenchRates.push(tps);
      log(`  round ${r + 1} pgbench: ${tps.toFixed(0)} tps`);
    }
    await db`drop table bench_upsert`;
    const votesPerSecond = median(voteRounds.map((v) => v.result.requestsPerSecond));
    const p975 = median(voteRounds.map((v) => v.result.p97_5));
    const allExact = voteRounds.every((v) => v.exact);
    measures.push({
      id: "P2",
      name: "votes through the server action (200 signed-in voters, 10 connections), votes/s",
      figure: votesPerSecond,
      unit: "votes/s",
      reference: `pgbench single-row upsert ${median(pgbenchRates).toFixed(0)} tps`,
      ratio: median(voteRounds.map((v, i) => v.result.requestsPerSecond / pgbenchRates[i]!)),
      goal: { ratioAtLeast: 0.1 },
      note: `p97.5 ${p975} ms (goal ≤ 500 ms: ${p975 <= 500 ? "met" : "not met"}); counts exact afterwards: ${allExact ? "yes" : "NO"} (${voteRounds.map((v) => `${v.pairs} voter×proposal pairs sent, ${v.check?.stale_totals ?? "?"} proposals with totals ≠ recount, ${v.check?.stale_groups ?? "?"} group rows ≠ recount, ${v.check?.missing ?? "?"} sent pairs without a vote, ${v.refused} refused`).join("; ")})`,
      extraMet: p975 <= 500 && allExact && voteRounds.every((v) => v.refused === 0),
    });

    // P3: time to first byte, small and large, alternating, sequential requests.
    log("P3: time to first byte, 10 vs 1,000 comments and 100 vs 10,000 proposals …");
    const ttfb = async (pairs: [string, string]) => {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < plan.ttfbSamples; i++) {
        for (const [p, into] of [[pairs[0], a], [pairs[1], b]] as const) {
          const r = await timeToFirstByte(app.url + p, signedIn);
          if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}`);
          into.push(r.ms);
        }
      }
      return { small: median(a), large: median(b) };
    };
    const sectionsTtfb = await ttfb([urls.section10, urls.section1000]);
    const proposalsTtfb = await ttfb([urls.proposals100, urls.proposals10k]);
    measures.push(
      {
        id: "P3a",
        name: "section page with 1,000 comments, time to first byte (median)",
        figure: sectionsTtfb.large,
        unit: "ms",
        reference: `10 comments ${sectionsTtfb.small.toFixed(1)} ms`,
        ratio: sectionsTtfb.large / sectionsTtfb.small,
        goal: { ratioAtMost: 2 },
      },
      {
        id: "P3b",
        name: "proposal list with 10,000 proposals, time to first byte (median)",
        figure: proposalsTtfb.large,
        unit: "ms",
        reference: `100 proposals ${proposalsTtfb.small.toFixed(1)} ms`,
        ratio: proposalsTtfb.large / proposalsTtfb.small,
        goal: { ratioAtMost: 2 },
      },
    );

    // P4: search, whole response on loopback (server time), sequential; and the plan.
    log(`P4: search for "${SEARCH_QUERY}" …`);
    const searchTimes: number[] = [];
    for (let i = 0; i < plan.searchSamples; i++) searchTimes.push((await timeToFirstByte(app.url + urls.search, signedIn)).totalMs);
    const explain = explainSearch(database.url, manifest.editionId);
    measures.push({
      id: "P4",
      name: `search "${SEARCH_QUERY}" over the large seed (signed in: text, comments, proposals), whole response`,
      figure: median(searchTimes),
      unit: "ms",
      reference: "—",
      goal: { atMost: 150 },
      note: explain.summary,
    });
    details.explain = explain.text;

    // P5: Lighthouse.
    log("P5: Lighthouse …");
    const pages: [string, string, string | undefined][] = [
      ["start page", "/", undefined],
      ["section page (50 comments, signed in)", urls.section50, signedIn.cookie],
      ["proposal page (signed in)", urls.proposal, signedIn.cookie],
      ["search (signed in)", urls.search, signedIn.cookie],
    ];
    details.lighthouse = [];
    for (const [name, p, cookie] of pages) {
      const r = await runLighthouse({ url: app.url + p, runs: plan.lighthouseRuns, cookie, chromePath: chromium, onLog: (m) => log(`  ${m}`) });
      details.lighthouse.push({ name, ...r });
      log(`  ${name}: performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r.bestPractices}`);
    }
    // The machine's ceiling: the same audit of the bare Next page (no app code at all).
    const bareLh = await runLighthouse({ url: `${bare.url}/`, runs: plan.lighthouseRuns, chromePath: chromium, onLog: (m) => log(`  ${m}`) });
    details.lighthouse.push({ name: "reference: bare Next page", ...bareLh });
    log(`  bare Next: performance ${bareLh.performance}`);
    const lh = details.lighthouse.slice(0, pages.length);
    measures.push({
      id: "P5",
      name: "Lighthouse 12.2.3 mobile (median of runs): lowest performance / accessibility / best practices over the 4 pages",
      figure: Math.min(...lh.map((l) => l.performance)),
      unit: "points",
      reference: `bare Next page ${bareLh.performance} points`,
      goal: { atLeast: 95 },
      note: `accessibility ${Math.min(...lh.map((l) => l.accessibility))} (goal 100), best practices ${Math.min(...lh.map((l) => l.bestPractices))} (goal 100); the bare Next page scores performance ${bareLh.performance} on this machine in the same run`,
      extraMet: lh.every((l) => l.accessibility === 100 && l.bestPractices === 100),
    });

    // P6: first-load JavaScript per route, from the build.
    log("P6: first-load JavaScript per route …");
    const routes = measureFirstLoadJs({ distDir: path.resolve(root, options.dist) });
    const largest = routes.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    details.jsBudget = formatBudgetTable(routes);
    measures.push({
      id: "P6",
      name: `first-load JavaScript, largest of ${routes.length} routes (gzip; \`${largest.route}\`)`,
      figure: largest.gzipBytes / KB,
      unit: "KB",
      reference: `smallest route ${(Math.min(...routes.map((r) => r.gzipBytes)) / KB).toFixed(1)} KB`,
      goal: { atMost: DEFAULT_BUDGET_BYTES / KB },
      extraMet: routes.every((r) => r.ok),
    });

    details.memory = peakMemoryMiB(app.pid);
    const report: Report = {
      quick,
      date: new Date(),
      minutes: (Date.now() - started) / 60_000,
      machine: machine(pgRow?.v ?? "unknown"),
      seed: { ...manifest, seeded: database.seeded, seedSeconds: database.seedSeconds, scale: plan.scale },
      plan,
      measures,
      details,
    };
    const out = path.resolve(root, options.out);
    const previous = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, renderReport(report, previous));
    log(`report written to ${path.relative(root, out)} in ${report.minutes.toFixed(1)} min`);
    for (const m of measures) log(`${m.id}: ${m.figure.toFixed(1)} ${m.unit}${m.ratio !== undefined ? ` (ratio ${m.ratio.toFixed(2)})` : ""}`);
  } finally {
    await cleanup();
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

/** Two words of German the seed's comments and proposals use often. */
const SEARCH_QUERY = "Sprachförderung Kita";

/**
 * The search statement's plan with EXPLAIN (ANALYZE, BUFFERS), from server/search's own
 * explainSearch in a child process (server modules load only under the react-server condition).
 */
function explainSearch(url: string, editionId: string): { text: string; summary: string } {
  try {
    const text = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench", "explain-search.ts"), editionId, SEARCH_QUERY], {
      encoding: "utf8",
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
    });
    const seq = /Seq Scan on (comments|proposals|feedback)\b/.test(text);
    const idx = [...new Set([...text.matchAll(/Index Scan using (\w+)|Bitmap Index Scan on (\w+)/g)].map((m) => m[1] ?? m[2]))];
    const exec = [...text.matchAll(/Execution Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
    return {
      text,
      summary: `database execution ${exec.map((e) => `${e.toFixed(1)} ms`).join(" + ") || "?"}; indexes used: ${idx.join(", ") || "none"}${seq ? "; a sequential scan over a large table remains" : ""}`,
    };
  } catch (e) {
    return { text: String((e as Error).message), summary: "EXPLAIN failed (see details)" };
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
