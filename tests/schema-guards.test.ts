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

  it("never deletes contributions or votes with a person: deleting such an account is refused", async () => {
    const [p] = await t.db.select({ id: s.proposals.feedbackId, editionId: s.feedback.editionId }).from(s.proposals).innerJoin(s.feedback, eq(s.feedback.id, s.proposals.feedbackId)).limit(1);
    const [u] = await t.db.select({ id: s.users.id, groupId: s.users.groupId }).from(s.users).where(eq(s.users.email, "ehrenamt@planwerk.example"));
    await t.db.insert(s.votes).values({ proposalId: p!.id, userId: u!.id, choice: "against", groupId: u!.groupId }).onConflictDoNothing();
    // 23001 restrict_violation (or 23503 when the check is deferred to the statement's end).
    expect(["23001", "23503"]).toContain(await sqlstate(t.db.delete(s.users).where(eq(s.users.id, u!.id))));
    const [f] = await t.db.insert(s.feedback).values({ kind: "comment", editionId: p!.editionId, groupId: u!.groupId, authorId: u!.id }).returning({ id: s.feedback.id });
    // An erased author leaves the contribution, marked as anonymised.
    expect(await sqlstate(t.db.update(s.feedback).set({ authorId: null }).where(eq(s.feedback.id, f!.id)))).toBe("23514");
    expect(await sqlstate(t.db.update(s.feedback).set({ authorId: null, anonymisedAt: new Date() }).where(eq(s.feedback.id, f!.id)))).toBe("none");
  });

  it("gives a comment exactly one target, and one submission key makes one contribution", async () => {
    const [sec] = await t.db.select({ id: s.sections.id, editionId: s.sections.editionId }).from(s.sections).limit(1);
    const [p] = await t.db.select({ id: s.proposals.feedbackId }).from(s.proposals).limit(1);
    const [u] = await t.db.select({ id: s.users.id, groupId: s.users.groupId }).from(s.users).where(eq(s.users.role, "stakeholder")).limit(1);
    const fb = async (key?: string) =>
      (await t.db.insert(s.feedback).values({ kind: "comment", editionId: sec!.editionId, groupId: u!.groupId, authorId: u!.id, idempotencyKey: key ?? null }).returning({ id: s.feedback.id }))[0]!.id;
    expect(await sqlstate(t.db.insert(s.comments).values({ feedbackId: await fb(), body: "x" }))).toBe("23514");
    expect(await sqlstate(t.db.insert(s.comments).values({ feedbackId: await fb(), body: "x", sectionId: sec!.id, proposalId: p!.id }))).toBe("23514");
    expect(await sqlstate(t.db.insert(s.comments).values({ feedbackId: await fb(), body: "x", proposalId: p!.id }))).toBe("none");
    await fb("submission-1");
    expect(await sqlstate(fb("submission-1"))).toBe("23505");
  });

  it("keeps a searchable plain text of each revision, stemmed in German and found by part of a word", async () => {
    const [rev] = await t.db.select({ text: s.sectionRevisions.searchText }).from(s.sectionRevisions).limit(1);
    expect(rev!.text).not.toMatch(/<\/?p>|"html"/);
    const stem = await t.db.execute<{ hit: boolean }>(sql`select to_tsvector('german', 'Die Wohnungen im Landkreis') @@ plainto_tsquery('german', 'Wohnung') as hit`);
    expect(Object.values((Array.isArray(stem) ? stem[0] : (stem as unknown as { rows: { hit: boolean }[] }).rows[0])!)[0]).toBe(true);
    const part = await t.db.execute<{ sim: number }>(sql`select word_similarity('kurs', 'Integrationskurse') as sim`);
    expect(Number(Object.values((Array.isArray(part) ? part[0] : (part as unknown as { rows: { sim: number }[] }).rows[0])!)[0])).toBeGreaterThan(0.3);
  });
});
