"use server";
import { eq, sql } from "drizzle-orm";
import { proposals } from "@/db/schema";
import { defineAction } from "../actions/define";
import { createProposalInput, updateProposalInput, withdrawProposalInput } from "./inputs";
import { countVotes, insertProposal, loadChapterForProposal, loadProposalForChange } from "./writes";

const revalidate = ["/editions/[editionId]"];

/** A new proposal in a chapter; a repeated submission (same key) returns the first one. */
export const createProposal = defineAction("proposal.create", {
  input: createProposalInput,
  rateLimit: { max: 10, windowSeconds: 60 },
  resource: async ({ tx, input }) => ({ edition: (await loadChapterForProposal(tx, input.chapterId)).edition }),
  run: async ({ tx, input, user }) => {
    const { editionId } = await loadChapterForProposal(tx, input.chapterId);
    const { id, created } = await insertProposal(tx, { authorId: user.id, editionId, ...input });
    return { data: { id, editionId }, audit: created ? { targetType: "proposal", targetId: id } : null };
  },
  revalidate,
});

/** The author's edit, until the first vote arrives (the proposal row is locked against votes in flight). */
export const updateProposal = defineAction("proposal.update", {
  input: updateProposalInput,
  resource: async ({ tx, input }) => {
    const p = await loadProposalForChange(tx, input.proposalId, "update");
    return { edition: p.edition, authorId: p.authorId, votes: await countVotes(tx, p.id), withdrawn: p.withdrawn };
  },
  run: async ({ tx, input }) => {
    await tx
      .update(proposals)
      .set({ title: input.title, description: input.description, responsibleActor: input.responsibleActor, editedAt: sql`now()` })
      .where(eq(proposals.feedbackId, input.proposalId));
    return { data: { id: input.proposalId }, audit: { targetType: "proposal", targetId: input.proposalId } };
  },
  revalidate,
});

/** The author withdraws it, at any time; it stays readable as withdrawn, and its votes stay. */
export const withdrawProposal = defineAction("proposal.withdraw", {
  input: withdrawProposalInput,
  resource: async ({ tx, input }) => {
    const p = await loadProposalForChange(tx, input.proposalId, "update");
    return { edition: p.edition, authorId: p.authorId, withdrawn: p.withdrawn };
  },
  run: async ({ tx, input }) => {
    await tx.update(proposals).set({ withdrawnAt: sql`now()` }).where(eq(proposals.feedbackId, input.proposalId));
    return { data: { id: input.proposalId }, audit: { targetType: "proposal", targetId: input.proposalId } };
  },
  revalidate,
});
