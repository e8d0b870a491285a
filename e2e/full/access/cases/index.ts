import { commentsCases } from "./comments";
import { coreCases } from "./core";
import { editionsCases } from "./editions";
import { engagementCases } from "./engagement";
import { peopleCases } from "./people";
import { proposalsCases } from "./proposals";
import type { ActionCases } from "./types";

export type { RefusalCase } from "./types";

/** Every domain's cases; actions.spec.ts fails for an action without any. */
export const actionCases: ActionCases = { ...coreCases, ...commentsCases, ...proposalsCases, ...engagementCases, ...peopleCases, ...editionsCases };
