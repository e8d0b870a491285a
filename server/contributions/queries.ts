import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { answers, chapters, comments, editions, feedback, proposals, sections, votes } from "@/db/schema";

/** At most this many of each kind are listed (newest first). */
export const CONTRIBUTIONS_SHOWN = 200;

export type ContributionStatus = { edited: boolean; deleted: boolean; withdrawn: boolean; hidden: boolean; hiddenReason: string | null; answered: boolean };

/**
 * Everything one person wrote and voted, with its status: comments (edited, deleted, hidden with
 * the reason, answered once an answer is published), proposals (also withdrawn) and votes.
 * Three queries; a deleted comment's text is gone from the database, so none is returned.
 */
export async function getMyContributions(db: DbOrTx, { userId }: { userId: string }) {
  const published = db.select({ feedbackId: answers.feedbackId }).from(answers).where(isNotNull(answers.publishedAt)).as("published");
  const target = db.select({ id: proposals.feedbackId, title: proposals.title }).from(proposals).as("target");
  const myComments = await db
    .select({
      id: feedback.id,
      editionId: feedback.editionId,
      editionTitle: editions.title,
      createdAt: feedback.createdAt,
      body: comments.body,
      quote: comments.quote,
      isReply: sql<boolean>`${comments.parentId} is not null`,
      sectionKey: sections.key,
      sectionTitle: sections.title,
      proposalId: comments.proposalId,
      proposalTitle: target.title,
      replyCount: comments.replyCount,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      hiddenAt: comments.hiddenAt,
      hiddenReason: comments.hiddenReason,
      answered: published.feedbackId,
    })
    .from(feedback)
    .innerJoin(comments, eq(comments.feedbackId, feedback.id))
    .innerJoin(editions, eq(editions.id, feedback.editionId))
    .leftJoin(sections, eq(sections.id, comments.sectionId))
    .leftJoin(target, eq(target.id, comments.proposalId))
    .leftJoin(published, eq(published.feedbackId, feedback.id))
    .where(eq(feedback.authorId, userId))
    .orderBy(desc(feedback.createdAt))
    .limit(CONTRIBUTIONS_SHOWN);
  const myProposals = await db
    .select({
      id: feedback.id,
      editionId: feedback.editionId,
      editionTitle: editions.title,
      createdAt: feedback.createdAt,
      title: proposals.title,
      chapterTitle: chapters.title,
      editedAt: proposals.editedAt,
      withdrawnAt: proposals.withdrawnAt,
      hiddenAt: proposals.hiddenAt,
      hiddenReason: proposals.hiddenReason,
      answered: published.feedbackId,
    })
    .from(feedback)
    .innerJoin(proposals, eq(proposals.feedbackId, feedback.id))
    .innerJoin(editions, eq(editions.id, feedback.editionId))
    .innerJoin(chapters, eq(chapters.id, proposals.chapterId))
    .leftJoin(published, eq(published.feedbackId, feedback.id))
    .where(eq(feedback.authorId, userId))
    .orderBy(desc(feedback.createdAt))
    .limit(CONTRIBUTIONS_SHOWN);
  const myVotes = await db
    .select({
      proposalId: votes.proposalId,
      editionId: feedback.editionId,
      title: proposals.title,
      choice: votes.choice,
      updatedAt: votes.updatedAt,
      withdrawnAt: proposals.withdrawnAt,
      hiddenAt: proposals.hiddenAt,
    })
    .from(votes)
    .innerJoin(proposals, eq(proposals.feedbackId, votes.proposalId))
    .innerJoin(feedback, eq(feedback.id, votes.proposalId))
    .where(and(eq(votes.userId, userId)))
    .orderBy(desc(votes.updatedAt))
    .limit(CONTRIBUTIONS_SHOWN);
  const status = (r: { editedAt: Date | null; deletedAt?: Date | null; withdrawnAt?: Date | null; hiddenAt: Date | null; hiddenReason: string | null; answered: string | null }): ContributionStatus => ({
    edited: r.editedAt !== null,
    deleted: (r.deletedAt ?? null) !== null,
    withdrawn: (r.withdrawnAt ?? null) !== null,
    hidden: r.hiddenAt !== null,
    hiddenReason: r.hiddenReason,
    answered: r.answered !== null,
  });
  return {
    comments: myComments.map((c) => ({
      id: c.id,
      editionId: c.editionId,
      editionTitle: c.editionTitle,
      createdAt: c.createdAt,
      body: c.deletedAt ? null : c.body,
      quote: c.deletedAt ? null : c.quote,
      isReply: c.isReply,
      sectionKey: c.sectionKey,
      sectionTitle: c.sectionTitle,
      proposalId: c.proposalId,
      proposalTitle: c.proposalTitle,
      replyCount: c.replyCount,
      status: status(c),
    })),
    proposals: myProposals.map((p) => ({ id: p.id, editionId: p.editionId, editionTitle: p.editionTitle, createdAt: p.createdAt, title: p.title, chapterTitle: p.chapterTitle, status: status(p) })),
    votes: myVotes.map((v) => ({ ...v, withdrawn: v.withdrawnAt !== null, hidden: v.hiddenAt !== null })),
  };
}
