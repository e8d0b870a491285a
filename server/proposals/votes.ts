"use server";
import { defineAction } from "../actions/define";
import { castVoteInput, retractVoteInput } from "./inputs";
import { deleteVote, loadProposalForChange, upsertVote } from "./writes";

const revalidate = ["/editions/[editionId]"];
const rateLimit = { max: 120, windowSeconds: 60 };

/** For, against or abstain; cast again to change it. Returns the new totals and the person's choice. */
export const castVote = defineAction("vote.cast", {
  input: castVoteInput,
  rateLimit,
  resource: async ({ tx, input }) => {
    const p = await loadProposalForChange(tx, input.proposalId, "share");
    return { edition: p.edition, withdrawn: p.withdrawn };
  },
  run: async ({ tx, input, user }) => {
    const totals = await upsertVote(tx, { proposalId: input.proposalId, userId: user.id, choice: input.choice });
    // No audit record: how a person voted is not the administration's log's business.
    return { data: { choice: input.choice, totals }, audit: null };
  },
  revalidate,
});

/** Takes the person's vote back, while voting is open. */
export const retractVote = defineAction("vote.retract", {
  input: retractVoteInput,
  rateLimit,
  resource: async ({ tx, input }) => {
    const p = await loadProposalForChange(tx, input.proposalId, "share");
    return { edition: p.edition, withdrawn: p.withdrawn };
  },
  run: async ({ tx, input, user }) => {
    const totals = await deleteVote(tx, { proposalId: input.proposalId, userId: user.id });
    return { data: { choice: null, totals }, audit: null };
  },
  revalidate,
});
