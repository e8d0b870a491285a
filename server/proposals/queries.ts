import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { chapters, feedback, organisations, proposals, stakeholderGroups, users, votes } from "@/db/schema";
import { isId } from "../plans/queries";
import { resultsByGroup, type PrivateResults } from "../results/by-group";
import { voteChoices, type ProposalSort, type VoteChoice } from "./inputs";

export type VoteTotals = Record<VoteChoice, number> & { voters: number };

/** For, against and abstain of one proposal. */
export async function getVoteTotals(db: DbOrTx, { proposalId }: { proposalId: string }): Promise<VoteTotals> {
  const rows = await db
    .select({ choice: votes.choice, n: sql<number>`count(*)::int` })
    .from(votes)
    .where(eq(votes.proposalId, proposalId))
    .groupBy(votes.choice);
  const totals: VoteTotals = { for: 0, against: 0, abstain: 0, voters: 0 };
  for (const r of rows) {
    totals[r.choice] = r.n;
    totals.voters += r.n;
  }
  return totals;
}

/** Stakeholder groups in their display order. */
export async function listGroups(db: DbOrTx) {
  return db.select({ id: stakeholderGroups.id, nameDe: stakeholderGroups.nameDe, nameEn: stakeholderGroups.nameEn }).from(stakeholderGroups).orderBy(asc(stakeholderGroups.position));
}

/**
 * Results of the given proposals by group, through the one privacy rule (server/results): one
 * query whatever the number of proposals. Raw counts per group never leave this function.
 */
export async function getResultsByGroup(db: DbOrTx, { proposalIds, groupOrder }: { proposalIds: string[]; groupOrder: string[] }) {
  const out = new Map<string, PrivateResults<VoteChoice>>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .select({ proposalId: votes.proposalId, groupId: votes.groupId, choice: votes.choice, n: sql<number>`count(*)::int` })
    .from(votes)
    .where(inArray(votes.proposalId, proposalIds))
    .groupBy(votes.proposalId, votes.groupId, votes.choice);
  for (const id of proposalIds) {
    out.set(id, resultsByGroup(rows.filter((r) => r.proposalId === id), { choices: voteChoices, order: groupOrder }));
  }
  return out;
}

const author = alias(users, "author");

const forCount = sql<number>`(select count(*)::int from votes v where v.proposal_id = ${proposals.feedbackId} and v.choice = 'for')`;
const commentCount = sql<number>`(select count(*)::int from comments c where c.proposal_id = ${proposals.feedbackId} and c.deleted_at is null and c.hidden_at is null)`;

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
  support: forCount,
  comments: commentCount,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(proposalColumns)
    .from(proposals)
    .innerJoin(feedback, eq(feedback.id, proposals.feedbackId))
    .innerJoin(chapters, eq(chapters.id, proposals.chapterId))
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, feedback.groupId))
    .leftJoin(author, eq(author.id, feedback.authorId))
    .leftJoin(organisations, eq(organisations.id, feedback.organisationId));
}

/** Hidden proposals are shown to their author only (with the reason); everyone else never sees them. */
const visibleTo = (viewerId: string | null) => (viewerId ? or(isNull(proposals.hiddenAt), eq(feedback.authorId, viewerId)) : isNull(proposals.hiddenAt));

export type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/**
 * An edition's proposals (optionally one chapter's), sorted: newest, most support (votes for),
 * most discussed (comments). A fixed number of queries whatever the number of proposals.
 */
export async function listProposals(db: DbOrTx, { editionId, chapterId, sort, viewerId }: { editionId: string; chapterId?: string | null; sort: ProposalSort; viewerId: string | null }) {
  const created = sql`coalesce(${feedback.receivedAt}, ${feedback.createdAt})`;
  const order =
    sort === "support" ? [desc(forCount), desc(created)] : sort === "discussed" ? [desc(commentCount), desc(created)] : [desc(created), asc(proposals.title)];
  return baseQuery(db)
    .where(and(eq(feedback.editionId, editionId), eq(feedback.kind, "proposal"), chapterId ? eq(proposals.chapterId, chapterId) : undefined, visibleTo(viewerId)))
    .orderBy(...order, asc(proposals.feedbackId));
}

export async function getProposal(db: DbOrTx, { editionId, proposalId, viewerId }: { editionId: string; proposalId: string; viewerId: string | null }) {
  if (!isId(proposalId)) return null;
  const [row] = await baseQuery(db).where(and(eq(proposals.feedbackId, proposalId), eq(feedback.editionId, editionId), visibleTo(viewerId)));
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
