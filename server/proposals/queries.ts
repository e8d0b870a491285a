import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { chapters, feedback, organisations, proposalGroupVotes, proposalStats, proposals, stakeholderGroups, users, votes } from "@/db/schema";
import { isId } from "../plans/queries";
import { resultsByGroup, type GroupCount, type PrivateResults } from "../results/by-group";
import { proposalSorts, voteChoices, type ProposalSort, type VoteChoice } from "./inputs";

export type VoteTotals = Record<VoteChoice, number> & { voters: number };

/** Proposals per page of the list. */
export const PROPOSAL_PAGE_SIZE = 25;

/** For, against and abstain of one proposal: its counts row, which the database keeps with every vote. */
export async function getVoteTotals(db: DbOrTx, { proposalId }: { proposalId: string }): Promise<VoteTotals> {
  const [row] = await db
    .select({ for: proposalStats.votesFor, against: proposalStats.votesAgainst, abstain: proposalStats.votesAbstain })
    .from(proposalStats)
    .where(eq(proposalStats.proposalId, proposalId));
  const totals = row ?? { for: 0, against: 0, abstain: 0 };
  return { ...totals, voters: totals.for + totals.against + totals.abstain };
}

/** Stakeholder groups in their display order. */
export async function listGroups(db: DbOrTx) {
  return db.select({ id: stakeholderGroups.id, nameDe: stakeholderGroups.nameDe, nameEn: stakeholderGroups.nameEn }).from(stakeholderGroups).orderBy(asc(stakeholderGroups.position));
}

/**
 * Results of the given proposals by group, through the one privacy rule (server/results): one
 * query of the per-group counts the database keeps, whatever the number of proposals or votes.
 * Raw counts per group never leave this function.
 */
export async function getResultsByGroup(db: DbOrTx, { proposalIds, groupOrder }: { proposalIds: string[]; groupOrder: string[] }) {
  const out = new Map<string, PrivateResults<VoteChoice>>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .select({ proposalId: proposalGroupVotes.proposalId, groupId: proposalGroupVotes.groupId, for: proposalGroupVotes.votesFor, against: proposalGroupVotes.votesAgainst, abstain: proposalGroupVotes.votesAbstain })
    .from(proposalGroupVotes)
    .where(inArray(proposalGroupVotes.proposalId, proposalIds));
  const counts = new Map<string, GroupCount<VoteChoice>[]>();
  for (const r of rows) {
    const list = counts.get(r.proposalId) ?? [];
    for (const choice of voteChoices) list.push({ groupId: r.groupId, choice, n: r[choice] });
    counts.set(r.proposalId, list);
  }
  for (const id of proposalIds) out.set(id, resultsByGroup(counts.get(id) ?? [], { choices: voteChoices, order: groupOrder }));
  return out;
}

const author = alias(users, "author");

/** What a list entry and the detail page show: never the author's e-mail or anything beyond how they chose to appear. */
const proposalColumns = {
  id: proposals.feedbackId,
  editionId: feedback.editionId,
  chapterId: proposals.chapterId,
  chapterKey: chapters.key,
  chapterTitle: chapters.title,
  chapterPosition: chapters.position,
  title: proposals.title,
  description: proposals.description,
  responsibleActor: proposals.responsibleActor,
  createdAt: feedback.createdAt,
  receivedAt: feedback.receivedAt,
  source: feedback.source,
  editedAt: proposals.editedAt,
  withdrawnAt: proposals.withdrawnAt,
  hiddenAt: proposals.hiddenAt,
  hiddenReason: proposals.hiddenReason,
  authorId: feedback.authorId,
  authorName: author.name,
  authorDisplayMode: author.displayMode,
  authorLocale: author.locale,
  organisation: organisations.name,
  groupId: feedback.groupId,
  groupDe: stakeholderGroups.nameDe,
  groupEn: stakeholderGroups.nameEn,
  support: proposalStats.votesFor,
  comments: proposalStats.comments,
};

/** proposalColumns (and any `extra` ones) with their joins. */
function detailsFrom<E extends Record<string, SQL.Aliased | SQL> = Record<never, never>>(db: DbOrTx, extra?: E) {
  return db
    .select({ ...proposalColumns, ...(extra as E) })
    .from(proposals)
    .innerJoin(feedback, eq(feedback.id, proposals.feedbackId))
    .innerJoin(proposalStats, eq(proposalStats.proposalId, proposals.feedbackId))
    .innerJoin(chapters, eq(chapters.id, proposals.chapterId))
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, feedback.groupId))
    .leftJoin(author, eq(author.id, feedback.authorId))
    .leftJoin(organisations, eq(organisations.id, feedback.organisationId));
}

/** Hidden proposals are shown to their author only (with the reason); everyone else never sees them. */
const visibleTo = (viewerId: string | null) => (viewerId ? or(isNull(proposals.hiddenAt), eq(feedback.authorId, viewerId)) : isNull(proposals.hiddenAt));

/** The same rule on the counts row (which mirrors `hidden`): the author check runs only for hidden ones. */
const statsVisibleTo = (viewerId: string | null) =>
  viewerId
    ? sql`(not ${proposalStats.hidden} or exists (select 1 from ${feedback} where ${feedback.id} = ${proposalStats.proposalId} and ${feedback.authorId} = ${viewerId}))`
    : sql`not ${proposalStats.hidden}`;

export type ProposalRow = NonNullable<Awaited<ReturnType<typeof getProposal>>>;

/**
 * Where a page of the list ends: the last (or first) entry's sort values, as the database wrote
 * them (`at` is the time in UTC to the microsecond, which a JavaScript date would round), so the next page starts right
 * after it whatever else shares its count or time.
 */
type Cursor = { sort: ProposalSort; key: string | number; at: string; id: string };

const cursorShape = z.tuple([
  z.enum(proposalSorts),
  z.union([z.string().max(1000), z.number().int().min(0)]),
  z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
  z.uuid(),
]);

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.at, c.id]), "utf8").toString("base64url");
}

/** A cursor from the address, if it is one for this sort; anything else is no cursor (the first page). */
export function decodeCursor(raw: string | null | undefined, sort: ProposalSort): Cursor | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [s, key, at, id] = parsed.data;
    if (s !== sort || (sort === "newest") !== (typeof key === "string")) return null;
    return { sort: s, key, at, id };
  } catch {
    return null;
  }
}

/**
 * The sort key after the listing time: newest first breaks ties by title, the others by time.
 * Every order ends with the proposal id, so it is total and a page boundary is exact.
 */
function keyset(sort: ProposalSort, c: Cursor | null, direction: "after" | "before") {
  const s = proposalStats;
  const at = c ? sql`${c.at}::timestamptz` : null;
  const later = direction === "after";
  if (sort === "newest") {
    const order = later ? [desc(s.listedAt), asc(s.title), asc(s.proposalId)] : [asc(s.listedAt), desc(s.title), desc(s.proposalId)];
    if (!c) return { order };
    // The first condition bounds the index scan; the second skips the entries of the cursor's own instant up to it.
    const where = later
      ? and(sql`${s.listedAt} <= ${at}`, sql`(${s.listedAt} < ${at} or (${s.title}, ${s.proposalId}) > (${c.key}, ${c.id}::uuid))`)
      : and(sql`${s.listedAt} >= ${at}`, sql`(${s.listedAt} > ${at} or (${s.title}, ${s.proposalId}) < (${c.key}, ${c.id}::uuid))`);
    return { order, where };
  }
  const count = sort === "support" ? s.votesFor : s.comments;
  const order = later ? [desc(count), desc(s.listedAt), asc(s.proposalId)] : [asc(count), asc(s.listedAt), desc(s.proposalId)];
  if (!c) return { order };
  const where = later
    ? and(sql`(${count}, ${s.listedAt}) <= (${c.key}::int, ${at})`, sql`((${count}, ${s.listedAt}) < (${c.key}::int, ${at}) or ${s.proposalId} > ${c.id}::uuid)`)
    : and(sql`(${count}, ${s.listedAt}) >= (${c.key}::int, ${at})`, sql`((${count}, ${s.listedAt}) > (${c.key}::int, ${at}) or ${s.proposalId} < ${c.id}::uuid)`);
  return { order, where };
}

export type ProposalPage = {
  proposals: ProposalRow[];
  /** All proposals of this selection the viewer may see. */
  total: number;
  /** Cursors for the neighbouring pages, or null at either end. */
  next: string | null;
  previous: string | null;
};

/**
 * One page of an edition's proposals (optionally one chapter's), sorted: newest, most support
 * (votes for), most discussed (comments). Keyset pagination over the counts table's index for that
 * sort: a page costs the same on the first and the last page, with 100 or 10,000 proposals, and
 * a proposal appears on exactly one page of a listing. `after` continues after a page's last
 * entry, `before` goes back from a page's first. One statement (the total rides along).
 */
export async function listProposals(
  db: DbOrTx,
  {
    editionId,
    chapterId,
    sort,
    viewerId,
    after,
    before,
    limit = PROPOSAL_PAGE_SIZE,
  }: { editionId: string; chapterId?: string | null; sort: ProposalSort; viewerId: string | null; after?: string | null; before?: string | null; limit?: number },
): Promise<ProposalPage> {
  const s = proposalStats;
  const afterCursor = decodeCursor(after, sort);
  const beforeCursor = afterCursor ? null : decodeCursor(before, sort);
  const direction = beforeCursor ? "before" : "after";
  const { order, where } = keyset(sort, afterCursor ?? beforeCursor, direction);
  const scope = and(chapterId ? eq(s.chapterId, chapterId) : undefined, eq(s.editionId, editionId), statsVisibleTo(viewerId));
  // Uncorrelated: computed once per statement, beside the page's rows.
  const total = sql<number>`(select count(*)::int from ${proposalStats} where ${scope})`;
  const page = db
    .select({ id: s.proposalId })
    .from(s)
    .where(and(scope, where))
    .orderBy(...order)
    .limit(limit + 1)
    .as("page");
  const rows = await detailsFrom(db, { at: sql<string>`to_char(${s.listedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, total })
    .innerJoin(page, eq(page.id, proposals.feedbackId))
    .orderBy(...order);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  if (direction === "before") shown.reverse();
  const cursorOf = (r: (typeof rows)[number]) =>
    encodeCursor({ sort, key: sort === "newest" ? r.title : sort === "support" ? r.support : r.comments, at: r.at, id: r.id });
  const first = shown[0];
  const last = shown[shown.length - 1];
  const hasEarlier = direction === "before" ? more : afterCursor !== null;
  const hasLater = direction === "before" ? true : more;
  return {
    proposals: shown,
    total: rows[0]?.total ?? (await countProposals(db, { editionId, chapterId, viewerId })),
    next: hasLater && last ? cursorOf(last) : null,
    previous: hasEarlier && first ? cursorOf(first) : null,
  };
}

/** How many proposals of this selection the viewer may see (listProposals counts along; this is for an empty page). */
export async function countProposals(db: DbOrTx, { editionId, chapterId, viewerId }: { editionId: string; chapterId?: string | null; viewerId: string | null }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposalStats)
    .where(and(chapterId ? eq(proposalStats.chapterId, chapterId) : undefined, eq(proposalStats.editionId, editionId), statsVisibleTo(viewerId)));
  return row?.n ?? 0;
}

export async function getProposal(db: DbOrTx, { editionId, proposalId, viewerId }: { editionId: string; proposalId: string; viewerId: string | null }) {
  if (!isId(proposalId)) return null;
  const [row] = await detailsFrom(db).where(and(eq(proposals.feedbackId, proposalId), eq(feedback.editionId, editionId), visibleTo(viewerId)));
  return row ?? null;
}

/** The viewer's own votes among these proposals. */
export async function getMyVotes(db: DbOrTx, { proposalIds, userId }: { proposalIds: string[]; userId: string | null }) {
  const mine = new Map<string, VoteChoice>();
  if (!userId || proposalIds.length === 0) return mine;
  const rows = await db
    .select({ proposalId: votes.proposalId, choice: votes.choice })
    .from(votes)
    .where(and(eq(votes.userId, userId), inArray(votes.proposalId, proposalIds)));
  for (const r of rows) mine.set(r.proposalId, r.choice);
  return mine;
}
