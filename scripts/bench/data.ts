import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import type { LargeSeedManifest } from "../../db/seed/large";
import { sessionPolicy } from "../../server/auth/session-policy";
import { createDatabase, databaseUrl, dropDatabase, withAdmin } from "../lib/pg";
import { bin, root, runToEnd } from "./servers";

/** What db/seed/large.ts reports about the data it wrote (read from its --manifest file). */
export type Manifest = LargeSeedManifest;

/** A fingerprint of what shapes the seeded data: the migrations, the seed code and the scale. */
function seedFingerprint(scale: number): string {
  const hash = crypto.createHash("sha256").update(`scale=${scale}`);
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of [...files(path.join(root, "db", "migrations")), ...files(path.join(root, "db", "seed")), path.join(root, "scripts", "db-seed-large.ts")].sort()) {
    hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 12);
}

const MAX_SEED_AGE_DAYS = 30;

/**
 * A database for this run holding the large seed at `scale`. The seeded database is kept as a
 * template (`planwerk_bench_seed_<fingerprint>`) when `keep` is set, so the next run copies it in
 * seconds instead of seeding for minutes; a changed migration or seed, or a seed whose
 * consultation window is running out, is seeded anew.
 */
export async function prepareDatabase(
  serverUrl: string,
  { scale, keep, fresh, log }: { scale: number; keep: boolean; fresh: boolean; log: (m: string) => void },
): Promise<{ name: string; url: string; manifest: Manifest; seeded: "cached" | "seeded"; seedSeconds?: number }> {
  const fingerprint = seedFingerprint(scale);
  const template = `planwerk_bench_seed_${fingerprint}`;
  const manifestFile = path.join(root, ".bench", `${template}.json`);
  const existing = await withAdmin(serverUrl, (sql) => sql`select datname from pg_database where datname like 'planwerk_bench_seed_%'`);
  const fresh_ = fresh || !fs.existsSync(manifestFile) || Date.now() - fs.statSync(manifestFile).mtimeMs > MAX_SEED_AGE_DAYS * 86_400_000;
  // A kept seed of another fingerprint is stale (drop it so the cache never grows); a quick run leaves the cache alone.
  for (const { datname } of existing) if ((keep && datname !== template) || (fresh_ && datname === template)) await dropDatabase(serverUrl, datname as string);
  let seeded: "cached" | "seeded" = "cached";
  let seedSeconds: number | undefined;
  if (fresh_ || !keep || !existing.some((r) => r.datname === template)) {
    seeded = "seeded";
    const target = keep ? await createDatabase(serverUrl, { name: template }) : await createDatabase(serverUrl, { prefix: "planwerk_bench_run" });
    log(`seeding ${target.name} at scale ${scale} …`);
    const t0 = Date.now();
    fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
    try {
      await runToEnd(bin("tsx"), [path.join(root, "scripts", "db-seed-large.ts"), `--scale=${scale}`, `--manifest=${manifestFile}`], {
        env: { DATABASE_URL: target.url, LOG_LEVEL: "warn" },
      });
    } catch (e) {
      await dropDatabase(serverUrl, target.name);
      throw e;
    }
    seedSeconds = (Date.now() - t0) / 1000;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
    if (!keep) return { ...target, manifest, seeded, seedSeconds };
  }
  const copy = await createDatabase(serverUrl, { prefix: "planwerk_bench_run", template });
  return { ...copy, manifest: JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest, seeded, seedSeconds };
}

export type Person = { userId: string; cookie: string };

/**
 * Signed-in people without going through the sign-in form (argon2 per person would dominate the
 * set-up): a session row each, as a sign-in writes it, and the session JWT next-auth would set.
 */
export async function signInPeople(url: string, { count, secret, role }: { count: number; secret: string; role: "stakeholder" | "council" }): Promise<Person[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const users = await sql<{ id: string }[]>`
      select id from users where role = ${role} and active and not is_demo and password_hash is not null order by email limit ${count}`;
    if (users.length < count) throw new Error(`the seed has only ${users.length} active ${role}s; ${count} needed`);
    const expiresAt = new Date(Date.now() + sessionPolicy.absoluteSeconds * 1000);
    const rows = await sql<{ id: string; user_id: string }[]>`
      insert into sessions ${sql(users.map((u) => ({ user_id: u.id, method: "bench", expires_at: expiresAt })))} returning id, user_id`;
    return Promise.all(
      rows.map(async (r) => ({
        userId: r.user_id,
        cookie: `next-auth.session-token=${await encode({ token: { uid: r.user_id, sid: r.id }, secret, maxAge: sessionPolicy.absoluteSeconds })}`,
      })),
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export { databaseUrl, dropDatabase };
