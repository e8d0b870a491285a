import { z } from "zod";
import { USER_TEXT_MAX } from "../text/limits";
import { ACTOR_MAX, TITLE_MAX, voteChoices } from "./limits";

export { ACTOR_MAX, TITLE_MAX, voteChoices, type VoteChoice } from "./limits";
export const proposalSorts = ["newest", "support", "discussed"] as const;
export type ProposalSort = (typeof proposalSorts)[number];

const title = z.string().trim().min(3).max(TITLE_MAX);
const description = z.string().trim().min(1).max(USER_TEXT_MAX);
/** Optional: an empty field means "nobody named". */
const responsibleActor = z
  .string()
  .trim()
  .max(ACTOR_MAX)
  .optional()
  .transform((v) => (v ? v : null));
/** One per submission (generated with the form): a double click or a retried request creates nothing twice. */
const submissionKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const createProposalInput = z.object({ chapterId: z.uuid(), title, description, responsibleActor, submissionKey });
export const updateProposalInput = z.object({ proposalId: z.uuid(), title, description, responsibleActor });
export const withdrawProposalInput = z.object({ proposalId: z.uuid() });
export const castVoteInput = z.object({ proposalId: z.uuid(), choice: z.enum(voteChoices) });
export const retractVoteInput = z.object({ proposalId: z.uuid() });
