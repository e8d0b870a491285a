/**
 * The proposal and vote choices and lengths the forms and the inputs share. Plain data (no zod):
 * client components import it from here, so zod stays out of their JavaScript.
 */
export const TITLE_MAX = 200;
export const ACTOR_MAX = 200;
export const voteChoices = ["for", "against", "abstain"] as const;
export type VoteChoice = (typeof voteChoices)[number];
