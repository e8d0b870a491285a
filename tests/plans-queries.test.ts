import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { seed } from "@/db/seed";
import { getEdition } from "@/server/plans/queries";
import { freshDatabase, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await seed(t.db, { demoUsers: false });
});
afterAll(() => t?.close());

const idOf = async (year: number) => (await t.db.select({ id: s.editions.id }).from(s.editions).where(eq(s.editions.year, year)))[0]!.id;

describe("getEdition", () => {
  it("returns the edition with the council's latest decision, or none", async () => {
    expect((await getEdition(t.db, { editionId: await idOf(2022) }))?.decision).toEqual({ decidedOn: "2022-07-15", outcome: "adopted" });
    expect((await getEdition(t.db, { editionId: await idOf(2027) }))?.decision).toBeNull();
    const id2011 = await idOf(2011);
    // Referred back first, adopted later: the later decision counts.
    await t.db.insert(s.editionDecisions).values({ editionId: id2011, decidedOn: "2011-03-01", outcome: "referred_back" });
    expect((await getEdition(t.db, { editionId: id2011 }))?.decision).toEqual({ decidedOn: "2011-05-27", outcome: "adopted" });
    expect(await getEdition(t.db, { editionId: "not-a-uuid" })).toBeNull();
    expect(await getEdition(t.db, { editionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
