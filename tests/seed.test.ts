import { and, asc, count, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { DRAFT_YEAR, isSeeded, seed } from "@/db/seed";
import { DRAFT_ONLY_SENTENCE, demoUsers } from "@/db/seed/content";
import { getCurrentRevisions } from "@/server/plans/queries";
import { freshDatabase, type TestDatabase } from "./helpers/db";

const now = new Date("2026-11-26T09:00:00Z");
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  expect(await isSeeded(t.db)).toBe(false);
  await seed(t.db, { demoUsers: false, now });
});
afterAll(() => t?.close());

const editionByYear = async (year: number) => {
  const [e] = await t.db.select().from(s.editions).where(eq(s.editions.year, year));
  return e!;
};

/** Rows of a chapter's child table (sections, proposals) per chapter of an edition. */
const countPerChapter = (editionId: string, childId: AnyPgColumn, childChapterId: AnyPgColumn) =>
  t.db
    .select({ chapter: s.chapters.key, n: count(childId) })
    .from(s.chapters)
    .leftJoin(childChapterId.table, eq(childChapterId, s.chapters.id))
    .where(eq(s.chapters.editionId, editionId))
    .groupBy(s.chapters.key);

describe("seed", () => {
  it("creates the groups, the 38 municipalities and organisations with municipal administrations", async () => {
    const groups = await t.db.select({ key: s.stakeholderGroups.key }).from(s.stakeholderGroups).orderBy(asc(s.stakeholderGroups.position));
    expect(groups.map((g) => g.key)).toEqual(["kreistag", "kommunen", "institutionen", "traeger", "migrantenorganisationen", "ehrenamt"]);
    const [m] = await t.db.select({ n: count() }).from(s.municipalities);
    expect(m!.n).toBe(38);
    const orgs = await t.db
      .select({ group: s.stakeholderGroups.key, municipalityId: s.organisations.municipalityId })
      .from(s.organisations)
      .innerJoin(s.stakeholderGroups, eq(s.stakeholderGroups.id, s.organisations.groupId));
    expect(orgs.length).toBeGreaterThanOrEqual(15);
    expect(orgs.filter((o) => o.group === "kommunen" && o.municipalityId).length).toBeGreaterThanOrEqual(6);
  });

  it("creates editions 2011 (superseded), 2022 (adopted) and the draft in consultation from now − 7 to now + 42 days", async () => {
    const e2011 = await editionByYear(2011);
    const e2022 = await editionByYear(2022);
    const draft = await editionByYear(DRAFT_YEAR);
    expect([e2011.phase, e2022.phase, draft.phase]).toEqual(["superseded", "adopted", "consultation"]);
    expect(draft.predecessorId).toBe(e2022.id);
    expect(draft.opensAt!.getTime()).toBe(now.getTime() - 7 * 86_400_000);
    expect(draft.closesAt!.getTime()).toBe(now.getTime() + 42 * 86_400_000);
    const decisions = await t.db.select({ editionId: s.editionDecisions.editionId, on: s.editionDecisions.decidedOn }).from(s.editionDecisions);
    expect(decisions).toContainEqual({ editionId: e2011.id, on: "2011-05-27" });
    expect(decisions).toContainEqual({ editionId: e2022.id, on: "2022-07-15" });
    const chapters2011 = await t.db.select({ n: count() }).from(s.chapters).where(eq(s.chapters.editionId, e2011.id));
    expect(chapters2011[0]!.n).toBe(5);
  });

  it("copies 2022 into the draft with the same chapter and section keys, at least three sections per chapter", async () => {
    const keysOf = async (editionId: string) =>
      (await t.db.select({ key: s.sections.key }).from(s.sections).where(eq(s.sections.editionId, editionId)).orderBy(asc(s.sections.key))).map((r) => r.key);
    const e2022 = await editionByYear(2022);
    const draft = await editionByYear(DRAFT_YEAR);
    expect(await keysOf(draft.id)).toEqual(await keysOf(e2022.id));
    const perChapter = await countPerChapter(e2022.id, s.sections.id, s.sections.chapterId);
    expect(perChapter).toHaveLength(7);
    for (const c of perChapter) expect(c.n, c.chapter).toBeGreaterThanOrEqual(3);
  });

  it("puts the draft-only sentence in the draft's newest revision and nowhere in 2022", async () => {
    const textOf = async (year: number) => {
      const e = await editionByYear(year);
      const sectionIds = (await t.db.select({ id: s.sections.id }).from(s.sections).where(eq(s.sections.editionId, e.id))).map((r) => r.id);
      const revisions = await getCurrentRevisions(t.db, { sectionIds });
      expect(revisions).toHaveLength(sectionIds.length);
      return revisions.map((r) => JSON.stringify(r.blocks)).join("\n");
    };
    expect(await textOf(DRAFT_YEAR)).toContain(DRAFT_ONLY_SENTENCE);
    expect(await textOf(2022)).not.toContain(DRAFT_ONLY_SENTENCE);
  });

  it("gives every chapter of the draft at least two proposals, with group and source", async () => {
    const draft = await editionByYear(DRAFT_YEAR);
    const rows = await countPerChapter(draft.id, s.proposals.feedbackId, s.proposals.chapterId);
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r.n, r.chapter).toBeGreaterThanOrEqual(2);
    const [withoutSource] = await t.db.select({ n: count() }).from(s.feedback).where(and(eq(s.feedback.kind, "proposal"), sql`${s.feedback.source} = 'platform'`));
    expect(withoutSource!.n).toBe(0);
  });

  it("creates no accounts outside demo mode, and the demo accounts only when asked", async () => {
    const [users] = await t.db.select({ n: count() }).from(s.users);
    expect(users!.n).toBe(0);
    const demo = await freshDatabase();
    try {
      await seed(demo.db, { demoUsers: true, now });
      const rows = await demo.db.select({ role: s.users.role }).from(s.users);
      expect(rows).toHaveLength(demoUsers.length);
      expect(rows.filter((r) => r.role === "officer")).toHaveLength(1);
      expect(rows.filter((r) => r.role === "council")).toHaveLength(2);
      expect(rows.filter((r) => r.role === "stakeholder").length).toBeGreaterThanOrEqual(6);
    } finally {
      await demo.close();
    }
  });
});
