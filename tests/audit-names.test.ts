import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import * as schema from "@/db/schema";
import { resolveAuditNames } from "@/server/audit/queries";
import { rollback, testDatabase, type TestDatabase } from "./helpers/db";

// The audit page shows names for the ids the log holds: every kind of target, in one statement.
let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

async function targets(tx: Tx) {
  const k = crypto.randomBytes(4).toString("hex");
  const [group] = await tx.insert(schema.stakeholderGroups).values({ key: `g-${k}`, nameDe: `Gruppe ${k}`, nameEn: `Group ${k}`, position: 99 }).returning();
  const [organisation] = await tx.insert(schema.organisations).values({ key: `o-${k}`, name: `Verein ${k}`, groupId: group!.id }).returning();
  const [user] = await tx.insert(schema.users).values({ email: `a-${k}@example.org`, name: `Person ${k}`, role: "officer", groupId: group!.id }).returning();
  const [edition] = await tx.insert(schema.editions).values({ year: 2999, title: `Ausgabe ${k}`, phase: "draft" }).returning();
  const [chapter] = await tx.insert(schema.chapters).values({ editionId: edition!.id, key: `c-${k}`, position: 1, title: `Kapitel ${k}` }).returning();
  const [section] = await tx.insert(schema.sections).values({ editionId: edition!.id, chapterId: chapter!.id, key: `s-${k}`, position: 1, title: `Abschnitt ${k}` }).returning();
  const [fb] = await tx.insert(schema.feedback).values({ kind: "proposal", editionId: edition!.id, authorId: user!.id, groupId: group!.id }).returning();
  await tx.insert(schema.proposals).values({ feedbackId: fb!.id, chapterId: chapter!.id, title: `Vorschlag ${k}`, description: "…" });
  const [cfb] = await tx.insert(schema.feedback).values({ kind: "comment", editionId: edition!.id, authorId: user!.id, groupId: group!.id }).returning();
  await tx.insert(schema.comments).values({ feedbackId: cfb!.id, sectionId: section!.id, body: "…" });
  return { k, group: group!, organisation: organisation!, user: user!, edition: edition!, chapter: chapter!, section: section!, proposal: fb!, comment: cfb! };
}

/** Counts the statements sent through `db` (its session's logger) until restore(). */
function counting(db: Db | Tx) {
  let n = 0;
  const session = (db as unknown as { session: { logger: Logger } }).session;
  const original = session.logger;
  session.logger = { logQuery: () => void n++ };
  return { count: () => n, restore: () => void (session.logger = original) };
}

describe("resolveAuditNames", () => {
  it("names people and every kind of target, and the edition of comments, in one statement", async () => {
    await rollback(t.db, async (tx) => {
      const x = await targets(tx);
      const rows = [
        { actorId: x.user.id, targetType: "edition", targetId: x.edition.id },
        { actorId: null, targetType: "section", targetId: x.section.id },
        { actorId: null, targetType: "chapter", targetId: x.chapter.id },
        { actorId: null, targetType: "proposal", targetId: x.proposal.id },
        { actorId: null, targetType: "group", targetId: x.group.id },
        { actorId: null, targetType: "organisation", targetId: x.organisation.id },
        { actorId: null, targetType: "comment", targetId: x.comment.id },
        { actorId: null, targetType: "user", targetId: crypto.randomUUID() },
        { actorId: "not-an-id", targetType: "section", targetId: "also-not" },
      ];
      const c = counting(tx);
      const { names, feedbackEdition } = await resolveAuditNames(tx, rows);
      c.restore();
      expect(c.count()).toBe(1);
      expect(Object.fromEntries(names)).toEqual({
        [x.user.id]: `Person ${x.k}`,
        [x.edition.id]: `Ausgabe ${x.k}`,
        [x.section.id]: `Abschnitt ${x.k}`,
        [x.chapter.id]: `Kapitel ${x.k}`,
        [x.proposal.id]: `Vorschlag ${x.k}`,
        [x.group.id]: `Gruppe ${x.k}`,
        [x.organisation.id]: `Verein ${x.k}`,
      });
      expect(Object.fromEntries(feedbackEdition)).toEqual({ [x.comment.id]: `Ausgabe ${x.k}` });
    });
  });

  it("sends nothing for entries without ids", async () => {
    const c = counting(t.db);
    const found = await resolveAuditNames(t.db, [{ actorId: null, targetType: "session", targetId: null }]);
    c.restore();
    expect(found).toEqual({ names: new Map(), feedbackEdition: new Map() });
    expect(c.count()).toBe(0);
  });
});
