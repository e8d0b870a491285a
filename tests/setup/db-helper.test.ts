import fs from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/client";
import * as s from "@/db/schema";
import { seed } from "@/db/seed";
import { freshDatabase, rollback, testDatabase, testDriver, type TestDatabase } from "../helpers/db";

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

async function rowCount(db: TestDatabase["db"], table: typeof s.stakeholderGroups | typeof s.editions | typeof s.users) {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n;
}

describe("testDatabase()", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t?.close());

  it("opens the driver that TEST_DB asks for", () => {
    expect(t.driver).toBe(testDriver());
    expect(testDriver()).toBe(process.env.TEST_DB || "pglite");
  });

  it("has every migration applied", async () => {
    const result = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { n: number }[] }).rows;
    expect(rows[0]?.n).toBe(journal.entries.length);
  });

  it("rollback() leaves nothing behind", async () => {
    const before = await rowCount(t.db, s.stakeholderGroups);
    const inside = await rollback(t.db, async (tx) => {
      await tx.insert(s.stakeholderGroups).values({ key: `tmp-${process.pid}`, nameDe: "Temporär", nameEn: "Temporary", position: 99 });
      const [row] = await tx.select({ n: count() }).from(s.stakeholderGroups);
      return row?.n;
    });
    expect(inside).toBe((before ?? 0) + 1);
    expect(await rowCount(t.db, s.stakeholderGroups)).toBe(before);
  });
});

describe("freshDatabase()", () => {
  let a: TestDatabase | undefined;
  afterAll(() => a?.close());

  it("starts empty, and seed() fills in the reference data and sample plan", async () => {
    a = await freshDatabase();
    expect(await rowCount(a.db, s.stakeholderGroups)).toBe(0);
    await seed(a.db, { demoUsers: false, now: new Date("2027-03-01T10:00:00Z") });
    expect(await rowCount(a.db, s.stakeholderGroups)).toBe(6);
    expect(await rowCount(a.db, s.editions)).toBe(3);
    expect(await rowCount(a.db, s.users)).toBe(0);
  });

  it("gives each caller a database of its own, and close() removes it", async () => {
    const b = await freshDatabase();
    try {
      expect(await rowCount(b.db, s.stakeholderGroups)).toBe(0);
      expect(await rowCount(a!.db, s.stakeholderGroups)).toBe(6);
    } finally {
      await b.close();
    }
    await expect(b.db.select({ n: count() }).from(s.stakeholderGroups)).rejects.toThrow();
  });
});
