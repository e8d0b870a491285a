import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { clientAddress, consume, envName, isLimited, limitFromEnv, limits, purgeRateLimits, reset } from "@/server/security/rate-limit";
import { freshDatabase, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => t.close());

describe("rate limits in the database", () => {
  it("allows max hits in a window, refuses the next with the seconds to wait, and starts afresh when the window ends", async () => {
    const limit = { name: "test-a", max: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) expect(await consume(t.db, limit, "person@example.org")).toEqual({ ok: true });
    const refused = await consume(t.db, limit, "person@example.org");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(!refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another subject has its own count; letter case and spaces do not make a new one.
    expect(await consume(t.db, limit, "other@example.org")).toEqual({ ok: true });
    expect((await consume(t.db, limit, " PERSON@example.org")).ok).toBe(false);
    await t.db.execute(sql`update rate_limits set window_start = now() - interval '61 seconds'`);
    expect(await consume(t.db, limit, "person@example.org")).toEqual({ ok: true });
  });

  it("isLimited reads without counting, and reset forgets", async () => {
    const limit = { name: "test-b", max: 2, windowSeconds: 60 };
    expect(await isLimited(t.db, limit, "x")).toEqual({ ok: true });
    await consume(t.db, limit, "x");
    expect(await isLimited(t.db, limit, "x")).toEqual({ ok: true });
    await consume(t.db, limit, "x");
    const limited = await isLimited(t.db, limit, "x");
    expect(limited.ok).toBe(false);
    await reset(t.db, limit, "x");
    expect(await isLimited(t.db, limit, "x")).toEqual({ ok: true });
  });

  it("stores no address in clear", async () => {
    await consume(t.db, { name: "test-c", max: 1, windowSeconds: 60 }, "secret-person@example.org");
    const rows = await t.db.select({ key: rateLimits.key }).from(rateLimits);
    expect(rows.map((r) => r.key).join(" ")).not.toContain("secret-person");
  });

  it("counts exactly under concurrent hits", async () => {
    const limit = { name: "test-d", max: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consume(t.db, limit, "burst")));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  it("purges counters of long-ended windows", async () => {
    await consume(t.db, { name: "test-e", max: 1, windowSeconds: 60 }, "old");
    await t.db.execute(sql`update rate_limits set window_start = now() - interval '2 days' where key like 'test-e:%'`);
    await purgeRateLimits(t.db);
    const left = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from rate_limits where key like 'test-e:%'`);
    expect(Number((Array.isArray(left) ? left : (left as unknown as { rows: { n: number }[] }).rows)[0]!.n)).toBe(0);
  });
});

describe("limits and their configuration", () => {
  it("has the documented defaults", () => {
    expect(limits.passwordFailuresPerAddress).toMatchObject({ max: 5, windowSeconds: 60 });
    expect(limits.passwordAttemptsPerClient).toMatchObject({ max: 30, windowSeconds: 60 });
    expect(limits.signInLinksPerAddress).toMatchObject({ max: 3, windowSeconds: 900 });
  });

  it("reads RATE_LIMIT_* overrides and refuses malformed ones", () => {
    expect(envName("passwordAttemptsPerClient")).toBe("RATE_LIMIT_PASSWORD_ATTEMPTS_PER_CLIENT");
    expect(limitFromEnv("passwordAttemptsPerClient", { RATE_LIMIT_PASSWORD_ATTEMPTS_PER_CLIENT: "100/30" })).toMatchObject({ max: 100, windowSeconds: 30 });
    expect(() => limitFromEnv("action", { RATE_LIMIT_ACTION: "lots" })).toThrow(/RATE_LIMIT_ACTION must look like max\/seconds/);
    expect(() => limitFromEnv("action", { RATE_LIMIT_ACTION: "0/60" })).toThrow();
  });
});

describe("client address", () => {
  const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});
  it("ignores X-Forwarded-For unless TRUST_PROXY is set", () => {
    expect(clientAddress(h("203.0.113.9"), {})).toBe("untrusted");
    expect(clientAddress(h("203.0.113.9"), { TRUST_PROXY: "0" })).toBe("untrusted");
  });
  it("takes the entry the outermost trusted proxy appended, not what the client forged", () => {
    expect(clientAddress(h("203.0.113.9"), { TRUST_PROXY: "1" })).toBe("203.0.113.9");
    expect(clientAddress(h("1.1.1.1, 203.0.113.9"), { TRUST_PROXY: "1" })).toBe("203.0.113.9");
    expect(clientAddress(h("1.1.1.1, 203.0.113.9, 10.0.0.2"), { TRUST_PROXY: "2" })).toBe("203.0.113.9");
  });
});
