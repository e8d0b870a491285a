import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { comments, editions, feedback, proposals, sectionRevisions, sections, users, type Block } from "@/db/schema";
import { ActionError } from "../actions/result";
import { anchorAt, locateQuote, paragraphText, splitSentences, type Anchor } from "../anchoring";
import { notify } from "../notifications/notify";
import type { EditionResource } from "../permissions";
import { MAX_REPLY_DEPTH, type CreateCommentInput } from "./inputs";

/**
 * The writing half of comments, used by the actions (server/comments/actions.ts) inside the action
 * wrapper's transaction, and by the tests directly.
 */

const editionColumns = { editionId: editions.id, phase: editions.phase, opensAt: editions.opensAt, closesAt: editions.closesAt };
const resourceOf = (r: { phase: EditionResource["phase"]; opensAt: Date | null; closesAt: Date | null }): EditionResource => ({
  phase: r.phase,
  opensAt: r.opensAt,
  closesAt: r.closesAt,
});

export type CommentTarget = {
  editionId: string;
  edition: EditionResource;
  sectionId: string | null;
  proposalId: string | null;
  /** The proposal's author, told of comments on it. */
  proposalAuthorId: string | null;
  parent: { id: string; authorId: string | null } | null;
};

/** Where a new comment goes: a section, a proposal, or (for a reply) wherever its parent is. */
export async function loadCommentTarget(tx: DbOrTx, input: Pick<CreateCommentInput, "sectionId" | "proposalId" | "parentId">): Promise<CommentTarget> {
  if (input.parentId) {
    const grand = alias(comments, "grand");
    const [p] = await tx
      .select({
        id: comments.feedbackId,
        sectionId: comments.sectionId,
        proposalId: comments.proposalId,
        deletedAt: comments.deletedAt,
        grandId: grand.feedbackId,
        grandParentId: grand.parentId,
        authorId: feedback.authorId,
        ...editionColumns,
      })
      .from(comments)
      .innerJoin(feedback, eq(feedback.id, comments.feedbackId))
      .innerJoin(editions, eq(editions.id, feedback.editionId))
      .leftJoin(grand, eq(grand.feedbackId, comments.parentId))
      .where(eq(comments.feedbackId, input.parentId));
    if (!p || p.deletedAt) throw new ActionError("not_found");
    const parentDepth = p.grandId === null ? 0 : p.grandParentId === null ? 1 : 2;
    if (parentDepth + 1 > MAX_REPLY_DEPTH) throw new ActionError("invalid", "commentTooDeep");
    const proposalAuthorId = p.proposalId ? await proposalAuthor(tx, p.proposalId) : null;
    return {
      editionId: p.editionId,
      edition: resourceOf(p),
      sectionId: p.sectionId,
      proposalId: p.proposalId,
      proposalAuthorId,
      parent: { id: p.id, authorId: p.authorId },
    };
  }
  if (input.sectionId) {
    const [s] = await tx.select(editionColumns).from(sections).innerJoin(editions, eq(editions.id, sections.editionId)).where(eq(sections.id, input.sectionId));
    if (!s) throw new ActionError("not_found");
    return { editionId: s.editionId, edition: resourceOf(s), sectionId: input.sectionId, proposalId: null, proposalAuthorId: null, parent: null };
  }
  const [p] = await tx
    .select({ authorId: feedback.authorId, ...editionColumns })
    .from(proposals)
    .innerJoin(feedback, eq(feedback.id, proposals.feedbackId))
    .innerJoin(editions, eq(editions.id, feedback.editionId))
    .where(eq(proposals.feedbackId, input.proposalId!));
  if (!p) throw new ActionError("not_found");
  return { editionId: p.editionId, edition: resourceOf(p), sectionId: null, proposalId: input.proposalId!, proposalAuthorId: p.authorId, parent: null };
}

async function proposalAuthor(tx: DbOrTx, proposalId: string): Promise<string | null> {
  const [row] = await tx.select({ authorId: feedback.authorId }).from(feedback).where(eq(feedback.id, proposalId));
  return row?.authorId ?? null;
}

type ResolvedAnchor = { paragraphKey: string; revisionId: string; anchor: Anchor | null };

/**
 * The anchor the server stores: the paragraph must exist in the revision the author read, and a
 * quote must stand in it. Prefix, suffix and offset are taken from the server's own text, so what
 * the browser counted differently cannot misplace the comment.
 */
async function resolveAnchor(tx: DbOrTx, sectionId: string, input: CreateCommentInput): Promise<ResolvedAnchor | null> {
  if (!input.paragraphKey) return null;
  const [revision] = await tx
    .select({ id: sectionRevisions.id, blocks: sectionRevisions.blocks })
    .from(sectionRevisions)
    .where(and(eq(sectionRevisions.sectionId, sectionId), input.revisionId ? eq(sectionRevisions.id, input.revisionId) : undefined))
    .orderBy(desc(sectionRevisions.number))
    .limit(1);
  const block = (revision?.blocks as Block[] | undefined)?.find((b) => b.key === input.paragraphKey);
  if (!revision || !block) throw new ActionError("invalid", "invalid", { paragraphKey: "unknown" });
  const text = paragraphText(block.html);
  if (input.sentences && input.sentences.length > 0) {
    const all = splitSentences(text);
    const first = all[Math.min(...input.sentences)];
    const last = all[Math.max(...input.sentences)];
    if (!first || !last) throw new ActionError("invalid", "invalid", { sentences: "unknown" });
    return { paragraphKey: block.key, revisionId: revision.id, anchor: anchorAt(text, first.start, last.end) };
  }
  if (input.quote && input.quote.trim()) {
    const anchor = locateQuote(text, input.quote, input.quoteOffset ?? 0);
    if (!anchor) throw new ActionError("invalid", "invalid", { quote: "quoteNotFound" });
    return { paragraphKey: block.key, revisionId: revision.id, anchor };
  }
  return { paragraphKey: block.key, revisionId: revision.id, anchor: null };
}

/**
 * Writes a comment or reply with the author's group, organisation and municipality as they are now.
 * The submission key makes it idempotent: a second call with the same key (a double click, a
 * retried request, twenty at once) finds the first one's row and changes nothing.
 */
export async function writeComment(
  tx: DbOrTx,
  { authorId, input, target }: { authorId: string; input: CreateCommentInput; target: CommentTarget },
): Promise<{ id: string; created: boolean }> {
  const anchor = target.sectionId && !target.parent ? await resolveAnchor(tx, target.sectionId, input) : null;
  const [author] = await tx
    .select({ groupId: users.groupId, organisationId: users.organisationId, municipalityId: users.municipalityId })
    .from(users)
    .where(eq(users.id, authorId));
  if (!author) throw new ActionError("unauthenticated");
  const [inserted] = await tx
    .insert(feedback)
    .values({ kind: "comment", editionId: target.editionId, authorId, ...author, idempotencyKey: input.idempotencyKey })
    .onConflictDoNothing()
    .returning({ id: feedback.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: feedback.id })
      .from(feedback)
      .where(and(eq(feedback.authorId, authorId), eq(feedback.idempotencyKey, input.idempotencyKey)));
    if (!existing) throw new ActionError("conflict");
    return { id: existing.id, created: false };
  }
  await tx.insert(comments).values({
    feedbackId: inserted.id,
    sectionId: target.sectionId,
    proposalId: target.proposalId,
    parentId: target.parent?.id ?? null,
    paragraphKey: anchor?.paragraphKey ?? null,
    revisionId: anchor?.revisionId ?? null,
    quote: anchor?.anchor?.quote ?? null,
    quotePrefix: anchor?.anchor?.prefix ?? null,
    quoteSuffix: anchor?.anchor?.suffix ?? null,
    quoteOffset: anchor?.anchor?.offset ?? null,
    body: input.body,
  });
  if (target.parent) {
    await tx
      .update(comments)
      .set({ replyCount: sql`${comments.replyCount} + 1` })
      .where(eq(comments.feedbackId, target.parent.id));
    if (target.parent.authorId) {
      await notify(tx, {
        recipientId: target.parent.authorId,
        actorId: authorId,
        event: { kind: "comment_reply", editionId: target.editionId, commentId: target.parent.id, replyId: inserted.id },
      });
    }
  }
  // The proposal's author hears of comments on it, unless already told as the parent's author.
  if (target.proposalId && target.proposalAuthorId && target.proposalAuthorId !== target.parent?.authorId) {
    await notify(tx, {
      recipientId: target.proposalAuthorId,
      actorId: authorId,
      event: { kind: "proposal_comment", editionId: target.editionId, proposalId: target.proposalId, commentId: inserted.id },
    });
  }
  return { id: inserted.id, created: true };
}

export type OwnComment = { id: string; edition: EditionResource; authorId: string | null; parentId: string | null; deletedAt: Date | null };

/** A comment as its author's edit and delete need it; not found when gone or already deleted. */
export async function loadComment(tx: DbOrTx, commentId: string): Promise<OwnComment> {
  const [c] = await tx
    .select({ id: comments.feedbackId, authorId: feedback.authorId, parentId: comments.parentId, deletedAt: comments.deletedAt, ...editionColumns })
    .from(comments)
    .innerJoin(feedback, eq(feedback.id, comments.feedbackId))
    .innerJoin(editions, eq(editions.id, feedback.editionId))
    .where(eq(comments.feedbackId, commentId));
  if (!c || c.deletedAt) throw new ActionError("not_found");
  return { id: c.id, edition: resourceOf(c), authorId: c.authorId, parentId: c.parentId, deletedAt: c.deletedAt };
}

export async function editComment(tx: DbOrTx, { commentId, body }: { commentId: string; body: string }) {
  await tx
    .update(comments)
    .set({ body, editedAt: new Date() })
    .where(and(eq(comments.feedbackId, commentId), isNull(comments.deletedAt)));
}

/**
 * Deleting erases the words from the database (the body becomes empty) and keeps the row, so the
 * replies keep their place in the thread; the parent's reply count drops by one.
 */
export async function eraseComment(tx: DbOrTx, { commentId }: { commentId: string }) {
  const [erased] = await tx
    .update(comments)
    .set({ body: "", deletedAt: new Date() })
    .where(and(eq(comments.feedbackId, commentId), isNull(comments.deletedAt)))
    .returning({ parentId: comments.parentId });
  if (erased?.parentId) {
    await tx
      .update(comments)
      .set({ replyCount: sql`greatest(${comments.replyCount} - 1, 0)` })
      .where(eq(comments.feedbackId, erased.parentId));
  }
}
