import crypto from "node:crypto";
import type { Logger } from "drizzle-orm";

/**
 * A test-only count of the SQL statements each HTTP request sends (e2e/full/query-count.spec.ts).
 * With PLANWERK_QUERY_PROBE=1 (and the test token, never in demo mode) db/client.ts gives drizzle
 * the logger below: each statement sent inside a request that carries the header
 * `x-planwerk-query-probe: <id>` adds one to that id's count, which the test reads from
 * GET /api/testing/query-probe?id=<id> with the token. Statements outside a request (mail sender,
 * housekeeping, start-up) and of requests without the header are not counted. Statements inside
 * transactions are counted (drizzle gives a transaction the session's logger); BEGIN and COMMIT are not.
 */
export const QUERY_PROBE_HEADER = "x-planwerk-query-probe";

/** Ids the test makes up: short, plain, so the header cannot grow the map's keys. */
export const QUERY_PROBE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The newest ids kept; older ones are forgotten (a test reads its count right after its request). */
export const QUERY_PROBE_MAX_IDS = 1000;

type Env = Record<string, string | undefined>;

/** Whether the environment asks for the probe at all. */
export function queryProbeRequested(env: Env = process.env): boolean {
  const v = env.PLANWERK_QUERY_PROBE;
  return v !== undefined && v !== "" && v !== "0";
}

/**
 * Why the probe must not run in this environment, or null. Like the test control channel it needs
 * the test runner's token (`npm start` and `npm run demo` refuse to start with it) and never runs
 * in demo mode; "1" is the only value that turns it on.
 */
export function queryProbeRefusal(env: Env = process.env): string | null {
  if (env.PLANWERK_QUERY_PROBE !== "1") return 'PLANWERK_QUERY_PROBE must be "1" or unset';
  if (env.PLANWERK_DEMO === "1") return "it never runs in demo mode";
  if ((env.PLANWERK_TEST_CONTROL_TOKEN ?? "").length < 32) return "PLANWERK_TEST_CONTROL_TOKEN must be at least 32 characters";
  return null;
}

type ProbeState = { counts: Map<string, number>; token: string };

// On globalThis: the logger lives in the bundle that opened the database (instrumentation), the
// reading route in its own bundle.
const g = globalThis as unknown as { __planwerkQueryProbe?: ProbeState };

/** The probe's state once a logger was made in this process (db/client.ts), else undefined. */
export function queryProbeState(): ProbeState | undefined {
  return g.__planwerkQueryProbe;
}

export function recordStatement(state: ProbeState, id: string): void {
  const n = state.counts.get(id);
  if (n === undefined) {
    if (state.counts.size >= QUERY_PROBE_MAX_IDS) state.counts.delete(state.counts.keys().next().value!);
    state.counts.set(id, 1);
  } else {
    state.counts.set(id, n + 1);
  }
}

/**
 * The logger for db/client.ts, or undefined when the probe is not requested. Throws when it is
 * requested where it must not run, so the server refuses to start rather than run without it.
 */
export async function createQueryProbeLogger(env: Env = process.env): Promise<Logger | undefined> {
  if (!queryProbeRequested(env)) return undefined;
  const refusal = queryProbeRefusal(env);
  if (refusal) throw new Error(`The query probe is for test runs only: ${refusal}`);
  const { headers } = await import("next/headers");
  const state: ProbeState = (g.__planwerkQueryProbe ??= { counts: new Map(), token: env.PLANWERK_TEST_CONTROL_TOKEN! });
  return {
    logQuery() {
      // headers() finds the request from its async context, in server components, route handlers
      // and server actions alike; outside a request (background loops), inside after() or a cache
      // scope it throws. The app does not enable cacheComponents ("use cache"), where the call would
      // also mark the render as invalid.
      let pending: Promise<{ get: (name: string) => string | null }>;
      try {
        pending = headers();
      } catch {
        return;
      }
      pending.then(
        (h) => {
          const id = h.get(QUERY_PROBE_HEADER);
          if (id && QUERY_PROBE_ID.test(id)) recordStatement(state, id);
        },
        () => {},
      );
    },
  };
}

/** Whether an Authorization header carries the probe's token (constant time). */
export function probeTokenMatches(state: ProbeState, authorization: string | null): boolean {
  const expected = Buffer.from(`Bearer ${state.token}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
