import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { count, eq } from "drizzle-orm";
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { GET } from "@/app/api/testing/query-probe/route";
import {
  createQueryProbeLogger,
  QUERY_PROBE_HEADER,
  QUERY_PROBE_MAX_IDS,
  queryProbeRefusal,
  queryProbeRequested,
  queryProbeState,
  recordStatement,
} from "@/server/testing/query-probe";
import { testDatabase, type TestDatabase } from "./helpers/db";

// The per-request statement count of the e2e query-count spec: on only in test runs.
const token = "t".repeat(40);
const on = { PLANWERK_QUERY_PROBE: "1", PLANWERK_TEST_CONTROL_TOKEN: token };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-probe-"));

let t: TestDatabase;
// Next's request stores, loaded after AsyncLocalStorage is on globalThis as Next's server puts it there.
let stores: {
  workAsyncStorage: typeof import("next/dist/server/app-render/work-async-storage.external").workAsyncStorage;
  workUnitAsyncStorage: typeof import("next/dist/server/app-render/work-unit-async-storage.external").workUnitAsyncStorage;
};
beforeAll(async () => {
  (globalThis as unknown as { AsyncLocalStorage: typeof AsyncLocalStorage }).AsyncLocalStorage ??= AsyncLocalStorage;
  stores = {
    workAsyncStorage: (await import("next/dist/server/app-render/work-async-storage.external")).workAsyncStorage,
    workUnitAsyncStorage: (await import("next/dist/server/app-render/work-unit-async-storage.external")).workUnitAsyncStorage,
  };
  t = await testDatabase();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `fn` inside a request scope as Next sets it up for a page render (the stores headers()
 * reads), with the given request headers.
 */
function inRequest<T>(requestHeaders: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const workStore = { route: "/probe-test", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false } as never;
  const requestStore = { type: "request", phase: "render", headers: new Headers(requestHeaders), implicitTags: undefined } as never;
  return stores.workAsyncStorage.run(workStore, () => stores.workUnitAsyncStorage.run(requestStore, fn));
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe("query probe guard", () => {
  it("is off unless PLANWERK_QUERY_PROBE asks for it", async () => {
    expect(queryProbeRequested({})).toBe(false);
    expect(queryProbeRequested({ PLANWERK_QUERY_PROBE: "" })).toBe(false);
    expect(queryProbeRequested({ PLANWERK_QUERY_PROBE: "0" })).toBe(false);
    expect(await createQueryProbeLogger({ PLANWERK_TEST_CONTROL_TOKEN: token })).toBeUndefined();
    expect(queryProbeState()).toBeUndefined();
  });

  it("is refused in demo mode, without the test token, with a short token, or with another value than 1", async () => {
    expect(queryProbeRefusal({ ...on, PLANWERK_DEMO: "1" })).toMatch(/demo mode/);
    expect(queryProbeRefusal({ PLANWERK_QUERY_PROBE: "1" })).toMatch(/PLANWERK_TEST_CONTROL_TOKEN/);
    expect(queryProbeRefusal({ PLANWERK_QUERY_PROBE: "1", PLANWERK_TEST_CONTROL_TOKEN: "short" })).toMatch(/at least 32/);
    expect(queryProbeRefusal({ ...on, PLANWERK_QUERY_PROBE: "yes" })).toMatch(/must be "1"/);
    expect(queryProbeRefusal({ ...on, NODE_ENV: "production" })).toBeNull();
    expect(queryProbeRefusal(on)).toBeNull();
    // Asked for where it must not run: an error (the server refuses to start), never a silent probe.
    await expect(createQueryProbeLogger({ ...on, PLANWERK_DEMO: "1" })).rejects.toThrow(/test runs only: it never runs in demo mode/);
    await expect(createQueryProbeLogger({ PLANWERK_QUERY_PROBE: "1" })).rejects.toThrow(/test runs only/);
    expect(queryProbeState()).toBeUndefined();
  });

  it("makes the server's database handle refuse to open when asked for in demo mode", async () => {
    const saved = { ...process.env };
    const g = globalThis as unknown as { __planwerkDb?: unknown };
    try {
      delete process.env.DATABASE_URL;
      Object.assign(process.env, on, { PLANWERK_DEMO: "1", PGLITE_DIR: path.join(dir, "pglite") });
      g.__planwerkDb = undefined;
      const { getHandle } = await import("@/db/client");
      await expect(getHandle()).rejects.toThrow(/query probe is for test runs only/);
      expect(fs.existsSync(path.join(dir, "pglite"))).toBe(false);
    } finally {
      g.__planwerkDb = undefined;
      process.env = saved;
    }
  });

  it("answers 404 on its route while it is off", async () => {
    const res = await GET(new Request("http://localhost/api/testing/query-probe?id=abc", { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(404);
  });
});

describe("query probe count", () => {
  /** The test database through a drizzle instance with the probe's logger. */
  async function probed(): Promise<Db> {
    const logger = await createQueryProbeLogger(on);
    const client = (t.db as unknown as { $client: unknown }).$client;
    return (t.driver === "pglite" ? drizzlePglite(client as never, { schema, logger }) : drizzlePostgres(client as never, { schema, logger })) as unknown as Db;
  }

  it("counts the statements of a request that carries the header, in and outside transactions", async () => {
    const db = await probed();
    await inRequest({ [QUERY_PROBE_HEADER]: "req-1" }, async () => {
      await db.select({ n: count() }).from(schema.stakeholderGroups);
      await db.transaction(async (tx) => {
        await tx.select({ n: count() }).from(schema.editions);
        await tx.select({ n: count() }).from(schema.users).where(eq(schema.users.active, true));
      });
    });
    await tick();
    expect(queryProbeState()!.counts.get("req-1")).toBe(3);
  });

  it("does not count statements outside a request, of requests without the header, or with a malformed id", async () => {
    const db = await probed();
    const before = new Map(queryProbeState()!.counts);
    // A background loop (mail sender, housekeeping): no request scope.
    await db.select({ n: count() }).from(schema.stakeholderGroups);
    await inRequest({}, async () => void (await db.select({ n: count() }).from(schema.stakeholderGroups)));
    await inRequest({ [QUERY_PROBE_HEADER]: "x".repeat(65) }, async () => void (await db.select({ n: count() }).from(schema.stakeholderGroups)));
    await inRequest({ [QUERY_PROBE_HEADER]: "a b" }, async () => void (await db.select({ n: count() }).from(schema.stakeholderGroups)));
    // The same statement with a well-formed header is counted (so the ones above were not by their setting).
    await inRequest({ [QUERY_PROBE_HEADER]: "control" }, async () => void (await db.select({ n: count() }).from(schema.stakeholderGroups)));
    await tick();
    expect(queryProbeState()!.counts).toEqual(new Map([...before, ["control", 1]]));
  });

  it("keeps two requests' counts apart", async () => {
    const db = await probed();
    await Promise.all([
      inRequest({ [QUERY_PROBE_HEADER]: "a" }, async () => {
        for (let i = 0; i < 4; i++) await db.select({ n: count() }).from(schema.editions);
      }),
      inRequest({ [QUERY_PROBE_HEADER]: "b" }, async () => void (await db.select({ n: count() }).from(schema.editions))),
    ]);
    await tick();
    expect(queryProbeState()!.counts.get("a")).toBe(4);
    expect(queryProbeState()!.counts.get("b")).toBe(1);
  });

  it("keeps at most the newest ids", () => {
    const state = { counts: new Map<string, number>(), token };
    for (let i = 0; i <= QUERY_PROBE_MAX_IDS; i++) recordStatement(state, `id${i}`);
    recordStatement(state, `id${QUERY_PROBE_MAX_IDS}`);
    expect(state.counts.size).toBe(QUERY_PROBE_MAX_IDS);
    expect(state.counts.has("id0")).toBe(false);
    expect(state.counts.get(`id${QUERY_PROBE_MAX_IDS}`)).toBe(2);
  });

  it("tells the count only to the holder of the token", async () => {
    const get = (auth: string | undefined, id = "req-1") =>
      GET(new Request(`http://localhost/api/testing/query-probe?id=${id}`, { headers: auth ? { authorization: auth } : {} }));
    expect((await get(undefined)).status).toBe(403);
    expect((await get(`Bearer ${"x".repeat(40)}`)).status).toBe(403);
    expect((await get(`Bearer ${token}`, "a%20b")).status).toBe(400);
    const res = await get(`Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "req-1", statements: 3 });
    expect(await (await get(`Bearer ${token}`, "never-seen")).json()).toEqual({ id: "never-seen", statements: 0 });
  });
});
