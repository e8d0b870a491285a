import crypto from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openPostgres, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { decide } from "@/server/permissions";
import { getResultsByGroup, getVoteTotals } from "@/server/proposals/queries";
import { deleteVote, insertProposal, loadProposalForChange, upsertVote } from "@/server/proposals/writes";
import { testDatabase, testDriver } from "./helpers/db";

/**
 * The vote and proposal writes exactly as castVote and createProposal run them (load and lock the
 * proposal, ask the permission table, upsert), fired at once against the real database. On
 * PostgreSQL with a pool of 20 connections, so the requests truly overlap.
 */
let db: Db;
let close: () => Promise<void>;
const key = crypto.randomBytes(4).toString("hex");
let groupIds: string[] = [];
let editionId = "";
let chapterId = "";
const userIds: string[] = [];

beforeAll(async () => {
  if (testDriver() === "postgres") {
    const handle = await openPostgres(inject("testDatabaseUrl"), { max: 20 });
    db = handle.db;
    close = handle.close;
  } else {
    const t = await testDatabase();
    db = t.db;
    close = t.close;
  }
  const groups = await db
    .insert(s.stakeholderGroups)
    .values([0, 1, 2].map((i) => ({ key: `conc-${key}-${i}`, nameDe: `Gruppe ${i}`, nameEn: `Group ${i}`, position: 100 + i })))
    .returning({ id: s.stakeholderGroups.id });
  groupIds = groups.map((g) => g.id);
  const [e] = await db
    .insert(s.editions)
    .values({ year: 3000 + Math.floor(Math.random() * 5000), title: `Nebenläufig ${key}`, phase: "consultation", opensAt: new Date(Date.now() - 3_600_000), closesAt: new Date(Date.now() + 3_600_000) })
    .returning({ id: s.editions.id });
  editionId = e!.id;
  const [c] = await db.insert(s.chapters).values({ editionId, key: `k-${key}`, position: 1, title: "Arbeit" }).returning({ id: s.chapters.id });
  chapterId = c!.id;
  const people = await db
    .insert(s.users)
    .values(Array.from({ length: 201 }, (_, i) => ({ email: `conc-${key}-${i}@test.example`, name: `Person ${i}`, role: "stakeholder" as const, groupId: groupIds[i % 3]! })))
    .returning({ id: s.users.id });
  userIds.push(...people.map((p) => p.id));
});

afterAll(async () => {
  if (!db) return;
  if (editionId) {
    await db.delete(s.votes).where(inArray(s.votes.userId, userIds));
    await db.delete(s.editions).where(eq(s.editions.id, editionId));
  }
  if (userIds.length) await db.delete(s.users).where(inArray(s.users.id, userIds));
  if (groupIds.length) await db.delete(s.stakeholderGroups).where(inArray(s.stakeholderGroups.id, groupIds));
  await close();
});

async function newProposal(submissionKey = crypto.randomBytes(12).toString("base64url")) {
  return db.transaction((tx) =>
    insertProposal(tx, { authorId: userIds[200]!, editionId, chapterId, title: "Jobcoaching", description: "Begleitung in den ersten Monaten.", responsibleActor: null, submissionKey }),
  );
}

/** What castVote does inside its transaction. */
function vote(proposalId: string, userId: string, choice: "for" | "against" | "abstain") {
  return db.transaction(async (tx) => {
    const p = await loadProposalForChange(tx, proposalId, "share");
    const d = decide({ id: userId, role: "stakeholder" }, "vote.cast", { edition: p.edition, withdrawn: p.withdrawn });
    if (!d.ok) throw new Error(d.reason);
    return upsertVote(tx, { proposalId, userId, choice });
  });
}

describe("votes under concurrency", () => {
  it("200 distinct people voting at once give exactly 200 votes and matching totals", { timeout: 120_000 }, async () => {
    const { id } = await newProposal();
    const choices = ["for", "against", "abstain"] as const;
    const results = await Promise.allSettled(userIds.slice(0, 200).map((u, i) => vote(id, u, choices[i % 3]!)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(s.votes).where(eq(s.votes.proposalId, id));
    expect(row!.n).toBe(200);
    // 200 = 67 for (i % 3 = 0), 67 against, 66 abstain.
    expect(await getVoteTotals(db, { proposalId: id })).toEqual({ for: 67, against: 67, abstain: 66, voters: 200 });
    const byGroup = (await getResultsByGroup(db, { proposalIds: [id], groupOrder: groupIds })).get(id)!;
    expect(byGroup.total).toEqual({ for: 67, against: 67, abstain: 66, voters: 200 });
    expect(byGroup.groups.reduce((n, g) => n + g.voters, 0) + (byGroup.pooled?.voters ?? 0)).toBe(200);
  });

  it("the counts the list sorts by stay exact while people vote, change their minds and retract at once on several proposals", { timeout: 180_000 }, async () => {
    const ids = [(await newProposal()).id, (await newProposal()).id, (await newProposal()).id];
    const choices = ["for", "against", "abstain"] as const;
    // First wave: 150 people each vote on all three proposals, all at once.
    const first = await Promise.allSettled(userIds.slice(0, 150).flatMap((u, i) => ids.map((id, p) => vote(id, u, choices[(i + p) % 3]!))));
    expect(first.filter((r) => r.status === "rejected")).toEqual([]);
    // Second wave, again all at once: 100 change their choice, 50 retract, 50 newcomers vote.
    const retract = (proposalId: string, userId: string) =>
      db.transaction(async (tx) => {
        await loadProposalForChange(tx, proposalId, "share");
        return deleteVote(tx, { proposalId, userId });
      });
    const second = await Promise.allSettled(
      ids.flatMap((id, p) => [
        ...userIds.slice(0, 100).map((u, i) => vote(id, u, choices[(i + p + 1) % 3]!)),
        ...userIds.slice(100, 150).map((u) => retract(id, u)),
        ...userIds.slice(150, 200).map((u) => vote(id, u, "for")),
      ]),
    );
    expect(second.filter((r) => r.status === "rejected")).toEqual([]);
    for (const [p, id] of ids.entries()) {
      const rows = await db
        .select({ choice: s.votes.choice, groupId: s.votes.groupId, n: sql<number>`count(*)::int` })
        .from(s.votes)
        .where(eq(s.votes.proposalId, id))
        .groupBy(s.votes.choice, s.votes.groupId);
      const real = { for: 0, against: 0, abstain: 0, voters: 0 };
      for (const r of rows) {
        real[r.choice] += r.n;
        real.voters += r.n;
      }
      expect(real.voters).toBe(150);
      // 100 changed in turn, then 50 for.
      const changed = { for: 0, against: 0, abstain: 0 };
      for (let i = 0; i < 100; i++) changed[choices[(i + p + 1) % 3]!]++;
      expect(real).toEqual({ ...changed, for: changed.for + 50, voters: 150 });
      expect(await getVoteTotals(db, { proposalId: id })).toEqual(real);
      const [row] = await db.select().from(s.proposalStats).where(eq(s.proposalStats.proposalId, id));
      expect({ for: row!.votesFor, against: row!.votesAgainst, abstain: row!.votesAbstain }).toEqual({ for: real.for, against: real.against, abstain: real.abstain });
      const tallies = await db.select().from(s.proposalGroupVotes).where(eq(s.proposalGroupVotes.proposalId, id));
      for (const g of groupIds) {
        const t = tallies.find((x) => x.groupId === g);
        const n = (c: string) => rows.find((r) => r.groupId === g && r.choice === c)?.n ?? 0;
        expect({ for: t?.votesFor ?? 0, against: t?.votesAgainst ?? 0, abstain: t?.votesAbstain ?? 0 }).toEqual({ for: n("for"), against: n("against"), abstain: n("abstain") });
      }
    }
  });

  it("one person sending 50 identical vote requests at once leaves one vote", { timeout: 60_000 }, async () => {
    const { id } = await newProposal();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => vote(id, userIds[0]!, "against")));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await db.select({ choice: s.votes.choice, groupId: s.votes.groupId }).from(s.votes).where(eq(s.votes.proposalId, id));
    expect(rows).toEqual([{ choice: "against", groupId: groupIds[0] }]);
    expect(await getVoteTotals(db, { proposalId: id })).toEqual({ for: 0, against: 1, abstain: 0, voters: 1 });
  });

  it("a changed vote replaces the first one, and the group is stored as it was at the vote", async () => {
    const { id } = await newProposal();
    await vote(id, userIds[1]!, "for");
    await db.update(s.users).set({ groupId: groupIds[2]! }).where(eq(s.users.id, userIds[1]!));
    await vote(id, userIds[1]!, "abstain");
    await db.update(s.users).set({ groupId: groupIds[1]! }).where(eq(s.users.id, userIds[1]!));
    const rows = await db.select({ choice: s.votes.choice, groupId: s.votes.groupId }).from(s.votes).where(eq(s.votes.proposalId, id));
    expect(rows).toEqual([{ choice: "abstain", groupId: groupIds[2] }]);
  });

  it("20 submissions of one proposal with one submission key create one proposal", { timeout: 60_000 }, async () => {
    const submissionKey = crypto.randomBytes(12).toString("base64url");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => newProposal(submissionKey)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => (r as PromiseFulfilledResult<{ created: boolean }>).value.created)).toHaveLength(1);
    const rows = await db.select({ id: s.feedback.id }).from(s.feedback).where(eq(s.feedback.idempotencyKey, submissionKey));
    expect(rows).toHaveLength(1);
    const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(s.proposals).where(inArray(s.proposals.feedbackId, [...ids]));
    expect(p!.n).toBe(1);
  });
});
