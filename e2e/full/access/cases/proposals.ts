import type { ActionCases } from "./types";

/** Cases for the proposals actions (see ./types.ts). */
export const proposalsCases: ActionCases = {};
