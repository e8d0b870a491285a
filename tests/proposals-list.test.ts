import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { chapters, comments, feedback, proposalGroupVotes, proposalStats, proposals, stakeholderGroups, users, votes } from "@/db/schema";
import { proposalSorts, type ProposalSort } from "@/server/proposals/inputs";
import { countProposals, decodeCursor, getMyVotes, getResultsByGroup, getVoteTotals, listProposals } from "@/server/proposals/queries";
import { deleteVote, upsertVote } from "@/server/proposals/writes";
import { freshDatabase, type TestDatabase } from "./helpers/db";
import { makeComment, makeEdition, makeGroup, makeUser } from "./helpers/engagement-data";

let t: TestDatabase;
let db: Db;
let groupIds: string[] = [];
let people: { id: string; groupId: string }[] = [];

/** `n` proposals in one statement each for feedback and proposals (as the seeds write them); returns their ids in order. */
async function addProposals(o: { editionId: string; chapterIds: string[]; n: number; at: (i: number) => Date; title: (i: number) => string; authorId?: string }) {
  const fb = await db
    .insert(feedback)
    .values(
      Array.from({ length: o.n }, (_, i) => ({
        kind: "proposal" as const,
        editionId: o.editionId,
        authorId: o.authorId ?? people[i % people.length]!.id,
        groupId: groupIds[0]!,
        createdAt: o.at(i),
      })),
    )
    .returning({ id: feedback.id });
  await db.insert(proposals).values(fb.map((f, i) => ({ feedbackId: f.id, chapterId: o.chapterIds[i % o.chapterIds.length]!, title: o.title(i), description: "Beschreibung." })));
  return fb.map((f) => f.id);
}

/** What the counts rows must say: counted from the votes and comments themselves. */
async function truth(proposalIds: string[]) {
  const rows = (await db.execute(sql`
    select p.feedback_id as id,
      (select count(*) from votes v where v.proposal_id = p.feedback_id and v.choice = 'for')::int as "for",
      (select count(*) from votes v where v.proposal_id = p.feedback_id and v.choice = 'against')::int as against,
      (select count(*) from votes v where v.proposal_id = p.feedback_id and v.choice = 'abstain')::int as abstain,
      (select count(*) from comments c where c.proposal_id = p.feedback_id and c.deleted_at is null and c.hidden_at is null)::int as comments
    from proposals p where p.feedback_id in (${sql.join(
      proposalIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    order by p.feedback_id`)) as unknown;
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string; for: number; against: number; abstain: number; comments: number }[];
}

async function stats(proposalIds: string[]) {
  return db
    .select({ id: proposalStats.proposalId, for: proposalStats.votesFor, against: proposalStats.votesAgainst, abstain: proposalStats.votesAbstain, comments: proposalStats.comments })
    .from(proposalStats)
    .where(inArray(proposalStats.proposalId, proposalIds))
    .orderBy(proposalStats.proposalId);
}

/** Votes per group and choice, from the votes, in the shape of proposal_group_votes (rows at zero left out). */
async function groupTruth(proposalId: string) {
  const rows = await db
    .select({ groupId: votes.groupId, choice: votes.choice, n: sql<number>`count(*)::int` })
    .from(votes)
    .where(eq(votes.proposalId, proposalId))
    .groupBy(votes.groupId, votes.choice);
  const out: Record<string, { for: number; against: number; abstain: number }> = {};
  for (const r of rows) (out[r.groupId] ??= { for: 0, against: 0, abstain: 0 })[r.choice] = r.n;
  return out;
}
async function groupStats(proposalId: string) {
  const rows = await db.select().from(proposalGroupVotes).where(eq(proposalGroupVotes.proposalId, proposalId));
  const out: Record<string, { for: number; against: number; abstain: number }> = {};
  for (const r of rows) if (r.votesFor || r.votesAgainst || r.votesAbstain) out[r.groupId] = { for: r.votesFor, against: r.votesAgainst, abstain: r.votesAbstain };
  return out;
}

beforeAll(async () => {
  t = await freshDatabase();
  db = t.db;
  groupIds = [await makeGroup(db), await makeGroup(db), await makeGroup(db)];
  people = [];
  for (let i = 0; i < 12; i++) people.push({ id: (await makeUser(db, { groupId: groupIds[i % 3]! })).id, groupId: groupIds[i % 3]! });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("the proposal counts the database keeps", () => {
  it("match the votes and comments through inserts, changed and retracted votes, moderation and deletion", async () => {
    const e = await makeEdition(db, {});
    const ids = await addProposals({ editionId: e.id, chapterIds: [e.chapterId], n: 4, at: () => new Date(), title: (i) => `Zählung ${i}` });
    // Bulk: every person votes on every proposal in one statement.
    const choices = ["for", "against", "abstain"] as const;
    await db.insert(votes).values(ids.flatMap((proposalId, p) => people.map((u, i) => ({ proposalId, userId: u.id, groupId: u.groupId, choice: choices[(i + p) % 3]! }))));
    expect(await stats(ids)).toEqual(await truth(ids));
    // Changed votes (as the app upserts them), a changed group, retractions, a bulk update and a bulk delete.
    await db.transaction((tx) => upsertVote(tx, { proposalId: ids[0]!, userId: people[0]!.id, choice: "against" }));
    await db.update(users).set({ groupId: groupIds[2]! }).where(eq(users.id, people[1]!.id));
    await db.transaction((tx) => upsertVote(tx, { proposalId: ids[0]!, userId: people[1]!.id, choice: "for" }));
    await db.transaction((tx) => deleteVote(tx, { proposalId: ids[0]!, userId: people[2]!.id }));
    await db.update(votes).set({ choice: "abstain" }).where(eq(votes.proposalId, ids[1]!));
    await db.delete(votes).where(and(eq(votes.proposalId, ids[2]!), inArray(votes.userId, people.slice(0, 5).map((p) => p.id))));
    // Comments: new, a reply, deleted, hidden, shown again, removed, on a section (not counted).
    const base = { editionId: e.id, authorId: people[0]!.id, groupId: groupIds[0]! };
    const c1 = await makeComment(db, { ...base, proposalId: ids[0]!, body: "Eins" });
    await makeComment(db, { ...base, proposalId: ids[0]!, parentId: c1, body: "Antwort" });
    const c3 = await makeComment(db, { ...base, proposalId: ids[0]!, body: "Drei" });
    const c4 = await makeComment(db, { ...base, proposalId: ids[1]!, body: "Vier" });
    const c5 = await makeComment(db, { ...base, proposalId: ids[1]!, body: "Fünf" });
    await makeComment(db, { ...base, sectionId: e.sectionId, body: "Zum Abschnitt" });
    await db.update(comments).set({ deletedAt: new Date(), body: "" }).where(eq(comments.feedbackId, c3));
    await db.update(comments).set({ hiddenAt: new Date() }).where(inArray(comments.feedbackId, [c4, c5]));
    await db.update(comments).set({ hiddenAt: null }).where(eq(comments.feedbackId, c5));
    await db.update(comments).set({ replyCount: 1 }).where(eq(comments.feedbackId, c1));
    await db.delete(feedback).where(eq(feedback.id, c4));
    const expected = await truth(ids);
    expect(await stats(ids)).toEqual(expected);
    expect(expected.find((r) => r.id === ids[0])!.comments).toBe(2);
    for (const id of ids) expect(await groupStats(id)).toEqual(await groupTruth(id));
    const first = expected.find((r) => r.id === ids[0])!;
    expect(await getVoteTotals(db, { proposalId: ids[0]! })).toEqual({ for: first.for, against: first.against, abstain: first.abstain, voters: 11 });
    // The group split through the privacy rule sums to the totals.
    const split = (await getResultsByGroup(db, { proposalIds: ids, groupOrder: groupIds })).get(ids[0]!)!;
    expect(split.total.voters).toBe(11);
    // A deleted proposal takes its votes, comments and counts rows with it.
    await db.delete(feedback).where(eq(feedback.id, ids[3]!));
    expect(await db.select().from(proposalStats).where(eq(proposalStats.proposalId, ids[3]!))).toEqual([]);
    expect(await db.select().from(proposalGroupVotes).where(eq(proposalGroupVotes.proposalId, ids[3]!))).toEqual([]);
  });

  it("mirror what the list sorts and filters by: title, chapter, hidden and the time it was received", async () => {
    const e = await makeEdition(db, {});
    const [id] = await addProposals({ editionId: e.id, chapterIds: [e.chapterId], n: 1, at: () => new Date("2026-01-01T00:00:00Z"), title: () => "Alt" });
    const [c2] = await db.insert(chapters).values({ editionId: e.id, key: `k2-${crypto.randomUUID()}`, position: 2, title: "Zwei" }).returning({ id: chapters.id });
    await db.update(proposals).set({ title: "Neu", chapterId: c2!.id, hiddenAt: new Date() }).where(eq(proposals.feedbackId, id!));
    await db.update(feedback).set({ receivedAt: new Date("2025-06-01T12:00:00.123Z") }).where(eq(feedback.id, id!));
    const [row] = await db.select().from(proposalStats).where(eq(proposalStats.proposalId, id!));
    expect(row).toMatchObject({ title: "Neu", chapterId: c2!.id, hidden: true, editionId: e.id, listedAt: new Date("2025-06-01T12:00:00.123Z") });
    await db.update(proposals).set({ hiddenAt: null }).where(eq(proposals.feedbackId, id!));
    expect((await db.select({ hidden: proposalStats.hidden }).from(proposalStats).where(eq(proposalStats.proposalId, id!)))[0]!.hidden).toBe(false);
  });
});

describe("paging the proposal list", () => {
  let editionId = "";
  let chapterIds: string[] = [];
  let hiddenId = "";
  let hiddenAuthor = "";

  beforeAll(async () => {
    const e = await makeEdition(db, {});
    editionId = e.id;
    const [c2] = await db.insert(chapters).values({ editionId, key: `k2-${crypto.randomUUID()}`, position: 2, title: "Zwei" }).returning({ id: chapters.id });
    chapterIds = [e.chapterId, c2!.id];
    // Many ties: three instants (one with microseconds a JavaScript date cannot hold), titles repeating, few distinct counts.
    const ids = await addProposals({ editionId, chapterIds, n: 60, at: (i) => new Date(Date.UTC(2026, 0, 1 + (i % 3))), title: (i) => `Vorschlag ${String.fromCharCode(65 + (i % 4))}` });
    await db.execute(sql`update feedback set created_at = created_at + interval '0.000123 seconds' where id in (${sql.join(ids.filter((_, i) => i % 3 === 2).map((id) => sql`${id}::uuid`), sql`, `)})`);
    await db.insert(votes).values(ids.flatMap((proposalId, p) => people.slice(0, p % 4).map((u, i) => ({ proposalId, userId: u.id, groupId: u.groupId, choice: (i + p) % 5 === 0 ? ("against" as const) : ("for" as const) }))));
    for (const [i, id] of ids.entries()) if (i % 5 === 0) await makeComment(db, { editionId, authorId: people[0]!.id, groupId: groupIds[0]!, proposalId: id, body: "Dazu" });
    hiddenAuthor = people[3]!.id;
    hiddenId = (await addProposals({ editionId, chapterIds, n: 1, at: () => new Date(Date.UTC(2026, 0, 2)), title: () => "Vorschlag B", authorId: hiddenAuthor }))[0]!;
    await db.update(proposals).set({ hiddenAt: new Date(), hiddenReason: "Werbung" }).where(eq(proposals.feedbackId, hiddenId));
    // Another edition's proposals never appear.
    const other = await makeEdition(db, {});
    await addProposals({ editionId: other.id, chapterIds: [other.chapterId], n: 5, at: () => new Date(Date.UTC(2026, 0, 2)), title: () => "Vorschlag A" });
  }, 120_000);

  /** The whole listing in one sorted query, to compare the pages with. */
  async function everything(sort: ProposalSort, chapterId: string | null, viewerId: string | null) {
    const s = proposalStats;
    const order =
      sort === "newest"
        ? sql`${s.listedAt} desc, ${s.title} asc, ${s.proposalId} asc`
        : sort === "support"
          ? sql`${s.votesFor} desc, ${s.listedAt} desc, ${s.proposalId} asc`
          : sql`${s.comments} desc, ${s.listedAt} desc, ${s.proposalId} asc`;
    const rows = await db
      .select({ id: s.proposalId })
      .from(s)
      .innerJoin(feedback, eq(feedback.id, s.proposalId))
      .where(and(eq(s.editionId, editionId), chapterId ? eq(s.chapterId, chapterId) : undefined, viewerId ? sql`(not ${s.hidden} or ${feedback.authorId} = ${viewerId})` : sql`not ${s.hidden}`))
      .orderBy(order);
    return rows.map((r) => r.id);
  }

  const cases = proposalSorts.flatMap((sort) => [
    { sort, chapter: false, viewer: "author" as const },
    { sort, chapter: true, viewer: "reader" as const },
  ]);

  it.each(cases)("$sort (one chapter: $chapter, as the $viewer): every proposal exactly once, forwards and back", async ({ sort, chapter, viewer }) => {
    const chapterId = chapter ? chapterIds[1]! : null;
    const viewerId = viewer === "author" ? hiddenAuthor : people[0]!.id;
    const expected = await everything(sort, chapterId, viewerId);
    // Hidden: only its author sees it.
    expect(expected.includes(hiddenId)).toBe(viewer === "author");
    const pages: string[][] = [];
    let after: string | null = null;
    let last: Awaited<ReturnType<typeof listProposals>> | null = null;
    do {
      last = await listProposals(db, { editionId, chapterId, sort, viewerId, after, limit: 7 });
      expect(last.total).toBe(expected.length);
      expect(last.previous === null).toBe(after === null);
      pages.push(last.proposals.map((p) => p.id));
      after = last.next;
    } while (after && pages.length < 50);
    const walked = pages.flat();
    expect(walked).toEqual(expected);
    expect(new Set(walked).size).toBe(walked.length);
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    // Back from the last page: the same pages in reverse, and no previous before the first.
    let before = last.previous;
    for (let i = pages.length - 2; i >= 0; i--) {
      const page = await listProposals(db, { editionId, chapterId, sort, viewerId, before, limit: 7 });
      expect(page.proposals.map((p) => p.id)).toEqual(pages[i]);
      expect(page.next).not.toBeNull();
      before = page.previous;
      if (i === 0) expect(before).toBeNull();
    }
  });

  it("ignores a cursor that is malformed or belongs to another sort, and counts an empty page", async () => {
    const first = await listProposals(db, { editionId, sort: "support", viewerId: null, limit: 5 });
    expect(decodeCursor(first.next, "support")).not.toBeNull();
    expect(decodeCursor(first.next, "newest")).toBeNull();
    for (const bad of ["x", "%%%", Buffer.from('["support",1,"2026-01-01","x"]').toString("base64url"), Buffer.from("[1,2]").toString("base64url")]) {
      const page = await listProposals(db, { editionId, sort: "support", viewerId: null, after: bad, limit: 5 });
      expect(page.proposals.map((p) => p.id)).toEqual(first.proposals.map((p) => p.id));
    }
    // After the very last entry: no proposals, but the count still says how many there are.
    const all = await everything("newest", null, null);
    const lastPage = await listProposals(db, { editionId, sort: "newest", viewerId: null, limit: all.length });
    const beyond = await listProposals(db, { editionId, sort: "newest", viewerId: null, limit: 5, after: Buffer.from(JSON.stringify(["newest", "ZZZ", "1970-01-01T00:00:00.000000Z", crypto.randomUUID()])).toString("base64url") });
    expect(lastPage.next).toBeNull();
    expect(beyond.proposals).toEqual([]);
    expect(beyond.total).toBe(all.length);
    expect(await countProposals(db, { editionId, viewerId: null })).toBe(all.length);
  });
});

describe("reading the list", () => {
  /** The same database through a drizzle instance whose logger counts the statements sent. */
  function counting(): { db: Db; count: () => number } {
    let n = 0;
    const logger = { logQuery: () => void n++ };
    const client = (db as unknown as { $client: unknown }).$client;
    const counted = (t.driver === "pglite" ? drizzlePglite(client as never, { schema, logger }) : drizzlePostgres(client as never, { schema, logger })) as unknown as Db;
    return { db: counted, count: () => n };
  }

  async function editionWith(n: number) {
    const e = await makeEdition(db, {});
    const ids = await addProposals({ editionId: e.id, chapterIds: [e.chapterId], n, at: (i) => new Date(Date.UTC(2026, 1, 1, 0, 0, i)), title: (i) => `Viele ${i}` });
    // The first proposals get every person's vote; the rest a few.
    await db.insert(votes).values(ids.flatMap((proposalId, p) => people.slice(0, p < 30 ? people.length : p % 3).map((u) => ({ proposalId, userId: u.id, groupId: u.groupId, choice: "for" as const }))));
    return e.id;
  }

  /** What the list page asks for, per sort. */
  async function readPage(d: Db, editionId: string, sort: ProposalSort) {
    const page = await listProposals(d, { editionId, sort, viewerId: people[0]!.id });
    const ids = page.proposals.map((p) => p.id);
    const groups = await d.select({ id: stakeholderGroups.id }).from(stakeholderGroups);
    await Promise.all([getResultsByGroup(d, { proposalIds: ids, groupOrder: groups.map((g) => g.id) }), getMyVotes(d, { proposalIds: ids, userId: people[0]!.id })]);
    return page;
  }

  it("sends the same few statements for 1,000 proposals as for 100, and loads only one page", { timeout: 180_000 }, async () => {
    const small = await editionWith(100);
    const large = await editionWith(1000);
    for (const sort of proposalSorts) {
      const a = counting();
      const p100 = await readPage(a.db, small, sort);
      const b = counting();
      const p1000 = await readPage(b.db, large, sort);
      expect(b.count()).toBe(a.count());
      expect(a.count()).toBeLessThanOrEqual(4);
      expect(p100.proposals).toHaveLength(25);
      expect(p1000.proposals).toHaveLength(25);
      expect(p1000.total).toBe(1000);
      if (sort === "support") expect(p1000.proposals.every((p) => p.support === people.length)).toBe(true);
      // The next page costs the same.
      const c = counting();
      const next = await listProposals(c.db, { editionId: large, sort, viewerId: null, after: p1000.next });
      expect(c.count()).toBe(1);
      expect(next.proposals.some((p) => p1000.proposals.some((q) => q.id === p.id))).toBe(false);
    }
  });
});
