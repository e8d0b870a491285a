import type { ActionCases } from "./types";

/** Cases for the comments actions (see ./types.ts). */
export const commentsCases: ActionCases = {};
