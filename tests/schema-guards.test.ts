import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { seed } from "@/db/seed";
import { freshDatabase, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await seed(t.db, { demoUsers: true });
});
afterAll(() => t?.close());

const sqlstate = async (p: Promise<unknown>) => {
  try {
    await p;
    return "none";
  } catch (e) {
    let cur = e as { code?: string; cause?: unknown } | undefined;
    while (cur && !cur.code) cur = cur.cause as typeof cur;
    return cur?.code ?? "unknown";
  }
};

describe("database guards", () => {
  it("refuses to change a saved revision", async () => {
    const [rev] = await t.db.select({ id: s.sectionRevisions.id }).from(s.sectionRevisions).limit(1);
    expect(await sqlstate(t.db.update(s.sectionRevisions).set({ note: "rewritten" }).where(eq(s.sectionRevisions.id, rev!.id)))).toBe("23001");
  });

  it("keeps the audit log append-only", async () => {
    await t.db.insert(s.auditLog).values({ action: "test.entry", targetType: "user", targetId: "x" });
    expect(await sqlstate(t.db.update(s.auditLog).set({ action: "changed" }).where(eq(s.auditLog.action, "test.entry")))).toBe("23001");
    expect(await sqlstate(t.db.delete(s.auditLog).where(eq(s.auditLog.action, "test.entry")))).toBe("23001");
  });

  it("keeps one vote per person and proposal: a second vote is an upsert that changes the choice", async () => {
    const [p] = await t.db.select({ id: s.proposals.feedbackId }).from(s.proposals).limit(1);
    const [u] = await t.db.select({ id: s.users.id, groupId: s.users.groupId }).from(s.users).where(eq(s.users.role, "stakeholder")).limit(1);
    const vote = (choice: "for" | "against") =>
      t.db
        .insert(s.votes)
        .values({ proposalId: p!.id, userId: u!.id, choice, groupId: u!.groupId })
        .onConflictDoUpdate({ target: [s.votes.proposalId, s.votes.userId], set: { choice, updatedAt: sql`now()` } });
    await vote("for");
    await vote("against");
    const rows = await t.db.select({ choice: s.votes.choice }).from(s.votes).where(eq(s.votes.proposalId, p!.id));
    expect(rows).toEqual([{ choice: "against" }]);
    expect(await sqlstate(t.db.insert(s.votes).values({ proposalId: p!.id, userId: u!.id, choice: "for", groupId: u!.groupId }))).toBe("23505");
  });

  it("requires an author account or a source for feedback", async () => {
    const [e] = await t.db.select({ id: s.editions.id }).from(s.editions).limit(1);
    const [g] = await t.db.select({ id: s.stakeholderGroups.id }).from(s.stakeholderGroups).limit(1);
    expect(await sqlstate(t.db.insert(s.feedback).values({ kind: "comment", editionId: e!.id, groupId: g!.id }))).toBe("23514");
    expect(await sqlstate(t.db.insert(s.feedback).values({ kind: "comment", editionId: e!.id, groupId: g!.id, source: "letter", receivedAt: new Date() }))).toBe("none");
  });

  it("refuses a second account for the same address in any letter case", async () => {
    const [u] = await t.db.select({ email: s.users.email, groupId: s.users.groupId }).from(s.users).limit(1);
    expect(await sqlstate(t.db.insert(s.users).values({ email: u!.email.toUpperCase(), name: "Doppelt", role: "stakeholder", groupId: u!.groupId }))).toBe("23505");
  });
});
