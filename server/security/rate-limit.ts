import crypto from "node:crypto";
import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Rate limits kept in PostgreSQL, so that every app instance counts against the same limit.
 *
 * Written here rather than taken from a library: rate-limiter-flexible, the maintained choice with
 * a PostgreSQL store, speaks only node-postgres/knex/sequelize/typeorm clients and creates its own
 * tables at run time; Planwerk talks to PostgreSQL through postgres.js or embedded PGlite and keeps
 * every table in its drizzle migrations. A fixed-window counter is one upsert.
 */

export type Limit = { name: string; max: number; windowSeconds: number };
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const defaults = {
  /** Failed password sign-ins per e-mail address; then even the right password is refused until the window ends. */
  passwordFailuresPerAddress: { max: 5, windowSeconds: 60 },
  /** Password sign-in attempts per client address. */
  passwordAttemptsPerClient: { max: 30, windowSeconds: 60 },
  /** Sign-in link mails per e-mail address. */
  signInLinksPerAddress: { max: 3, windowSeconds: 15 * 60 },
  /** Any server action, per person (or per client address for the public), unless the action sets its own. */
  action: { max: 60, windowSeconds: 60 },
  /** Invitations an officer sends. */
  invitations: { max: 200, windowSeconds: 60 * 60 },
} satisfies Record<string, Omit<Limit, "name">>;

export type LimitName = keyof typeof defaults;

/**
 * `RATE_LIMIT_<NAME>=max/seconds` overrides a default, e.g. RATE_LIMIT_PASSWORD_ATTEMPTS_PER_CLIENT=60/60.
 * A malformed value is refused at start-up (server/env.ts validates through this function).
 */
export function limitFromEnv(name: LimitName, env: Record<string, string | undefined> = process.env): Limit {
  const variable = envName(name);
  const raw = env[variable];
  if (!raw) return { name, ...defaults[name] };
  const match = /^(\d{1,7})\/(\d{1,7})$/.exec(raw.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`${variable} must look like max/seconds, e.g. 30/60`);
  return { name, max: Number(match[1]), windowSeconds: Number(match[2]) };
}

export const envName = (name: LimitName) => `RATE_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
export const limitNames = Object.keys(defaults) as LimitName[];

/** The limits in force (defaults, or RATE_LIMIT_* overrides read once per process). */
export const limits = new Proxy({} as Record<LimitName, Limit>, {
  get: (cache, name: string) => (cache[name as LimitName] ??= limitFromEnv(name as LimitName)),
});

/** A custom limit for one action (defineAction's `rateLimit`). */
export const actionLimit = (action: string, l: Omit<Limit, "name">): Limit => ({ max: l.max, windowSeconds: l.windowSeconds, name: `action:${action}` });

// Counters hold a hash of the subject, never an e-mail or IP address in clear.
const keyOf = (limit: Limit, subject: string) => `${limit.name}:${crypto.createHash("sha256").update(subject.trim().toLowerCase()).digest("base64url").slice(0, 32)}`;

type Row = { count: number; retry: number };

/** Counts one hit against the limit; refused when this hit is over it. Runs as its own statement, so a refusal is remembered even if the caller's work rolls back. */
export async function consume(db: DbOrTx, limit: Limit, subject: string): Promise<LimitResult> {
  const window = limit.windowSeconds;
  const rows = await db.execute<Row>(sql`
    insert into ${rateLimits} (key, window_start, count) values (${keyOf(limit, subject)}, now(), 1)
    on conflict (key) do update set
      count = case when ${rateLimits.windowStart} <= now() - make_interval(secs => ${window}) then 1 else ${rateLimits.count} + 1 end,
      window_start = case when ${rateLimits.windowStart} <= now() - make_interval(secs => ${window}) then now() else ${rateLimits.windowStart} end
    returning count, ceil(extract(epoch from (window_start + make_interval(secs => ${window}) - now())))::int as retry`);
  return verdict(rowsOf<Row>(rows)[0], limit);
}

/** Whether the limit is reached, without counting a hit. */
export async function isLimited(db: DbOrTx, limit: Limit, subject: string): Promise<LimitResult> {
  const rows = await db.execute<Row>(sql`
    select count, ceil(extract(epoch from (window_start + make_interval(secs => ${limit.windowSeconds}) - now())))::int as retry
    from ${rateLimits}
    where key = ${keyOf(limit, subject)} and window_start > now() - make_interval(secs => ${limit.windowSeconds})`);
  const row = rowsOf<Row>(rows)[0];
  if (!row || Number(row.count) < limit.max) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Number(row.retry)) };
}

/** Forgets the hits of one subject (e.g. failed passwords after a successful sign-in). */
export async function reset(db: DbOrTx, limit: Limit, subject: string): Promise<void> {
  await db.execute(sql`delete from ${rateLimits} where key = ${keyOf(limit, subject)}`);
}

/** Removes counters whose window ended long ago (called by the housekeeping timer). */
export async function purgeRateLimits(db: DbOrTx, olderThanSeconds = 24 * 60 * 60): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - make_interval(secs => ${olderThanSeconds})`));
}

function verdict(row: Row | undefined, limit: Limit): LimitResult {
  if (!row || Number(row.count) <= limit.max) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Number(row.retry)) };
}

// postgres.js returns the rows as an array, PGlite as { rows }.
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/**
 * The client's address. X-Forwarded-For is used only as far as TRUST_PROXY (the number of reverse
 * proxies in front of Planwerk) allows: the entry that the outermost trusted proxy appended. Next
 * fills the header with the socket address only when a client did not send one, so without
 * TRUST_PROXY the header may be forged: then every client shares the one bucket "untrusted".
 */
export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const trusted = Number(env.TRUST_PROXY ?? 0);
  if (!Number.isInteger(trusted) || trusted < 1) return "untrusted";
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[hops.length - trusted] ?? hops[0] ?? "unknown";
}
