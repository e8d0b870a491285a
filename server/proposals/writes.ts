import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chapters, editions, feedback, proposals, users, votes } from "@/db/schema";
import type { EditionResource } from "../permissions";
import { ActionError } from "../actions/result";
import type { VoteChoice } from "./inputs";
import { getVoteTotals } from "./queries";

/** The author's group, organisation and municipality now: stored with what they write or vote, as it was. */
export async function membershipOf(tx: DbOrTx, userId: string) {
  const [row] = await tx
    .select({ groupId: users.groupId, organisationId: users.organisationId, municipalityId: users.municipalityId })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new ActionError("unauthenticated");
  return row;
}

const editionColumns = { phase: editions.phase, opensAt: editions.opensAt, closesAt: editions.closesAt };

/** The chapter a new proposal goes to, with its edition's window. */
export async function loadChapterForProposal(tx: DbOrTx, chapterId: string): Promise<{ editionId: string; edition: EditionResource }> {
  const [row] = await tx
    .select({ editionId: chapters.editionId, ...editionColumns })
    .from(chapters)
    .innerJoin(editions, eq(editions.id, chapters.editionId))
    .where(eq(chapters.id, chapterId));
  if (!row) throw new ActionError("not_found");
  const { editionId, ...edition } = row;
  return { editionId, edition };
}

/**
 * A proposal as the permission rules need it, locked for the rest of the transaction: "update" for
 * the author's edit and withdrawal, "share" for votes. An edit thus waits for a vote in flight (and
 * sees it), and a vote waits for a withdrawal (and sees it): "editable until the first vote" holds
 * under concurrency. Hidden proposals are not found.
 */
export async function loadProposalForChange(tx: DbOrTx, proposalId: string, lock: "update" | "share") {
  const [row] = await tx
    .select({
      id: proposals.feedbackId,
      editionId: feedback.editionId,
      authorId: feedback.authorId,
      withdrawnAt: proposals.withdrawnAt,
      hiddenAt: proposals.hiddenAt,
    })
    .from(proposals)
    .innerJoin(feedback, eq(feedback.id, proposals.feedbackId))
    .where(eq(proposals.feedbackId, proposalId))
    .for(lock, { of: proposals });
  if (!row || row.hiddenAt) throw new ActionError("not_found");
  const [edition] = await tx.select(editionColumns).from(editions).where(eq(editions.id, row.editionId));
  if (!edition) throw new ActionError("not_found");
  return { ...row, withdrawn: row.withdrawnAt !== null, edition };
}

export async function countVotes(tx: DbOrTx, proposalId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(votes).where(eq(votes.proposalId, proposalId));
  return row?.n ?? 0;
}

/**
 * A new proposal, once per submission key: a repeated submission (double click, retried request)
 * finds the unique index on (author, key) taken and gets the proposal the first one created.
 */
export async function insertProposal(
  tx: DbOrTx,
  args: { authorId: string; editionId: string; chapterId: string; title: string; description: string; responsibleActor: string | null; submissionKey: string },
): Promise<{ id: string; created: boolean }> {
  const m = await membershipOf(tx, args.authorId);
  const [fb] = await tx
    .insert(feedback)
    .values({ kind: "proposal", editionId: args.editionId, authorId: args.authorId, ...m, idempotencyKey: args.submissionKey })
    .onConflictDoNothing({ target: [feedback.authorId, feedback.idempotencyKey], where: sql`${feedback.idempotencyKey} is not null` })
    .returning({ id: feedback.id });
  if (!fb) {
    const [existing] = await tx
      .select({ id: feedback.id, kind: feedback.kind })
      .from(feedback)
      .where(and(eq(feedback.authorId, args.authorId), eq(feedback.idempotencyKey, args.submissionKey)));
    if (!existing || existing.kind !== "proposal") throw new ActionError("conflict");
    return { id: existing.id, created: false };
  }
  await tx.insert(proposals).values({
    feedbackId: fb.id,
    chapterId: args.chapterId,
    title: args.title,
    description: args.description,
    responsibleActor: args.responsibleActor,
  });
  return { id: fb.id, created: true };
}

/**
 * One vote per person and proposal: an upsert on (proposal, user), never select-then-insert, so
 * concurrent or repeated requests leave exactly one row. The voter's group, organisation and
 * municipality are stored as they are at this vote.
 */
export async function upsertVote(tx: DbOrTx, { proposalId, userId, choice }: { proposalId: string; userId: string; choice: VoteChoice }) {
  const m = await membershipOf(tx, userId);
  await tx
    .insert(votes)
    .values({ proposalId, userId, choice, ...m })
    .onConflictDoUpdate({
      target: [votes.proposalId, votes.userId],
      set: {
        choice: sql`excluded.choice`,
        groupId: sql`excluded.group_id`,
        organisationId: sql`excluded.organisation_id`,
        municipalityId: sql`excluded.municipality_id`,
        updatedAt: sql`now()`,
      },
    });
  return getVoteTotals(tx, { proposalId });
}

export async function deleteVote(tx: DbOrTx, { proposalId, userId }: { proposalId: string; userId: string }) {
  await tx.delete(votes).where(and(eq(votes.proposalId, proposalId), eq(votes.userId, userId)));
  return getVoteTotals(tx, { proposalId });
}
