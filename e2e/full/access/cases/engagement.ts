import type { ActionCases } from "./types";

/** Cases for the engagement actions (see ./types.ts). */
export const engagementCases: ActionCases = {};
