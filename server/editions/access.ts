import type { EditionResource } from "../permissions";

/**
 * The officer's edition pages (list, workbench, editor) open for whoever may edit an edition in
 * preparation; each action then asks about its own edition and phase.
 */
export const officerEditionWork: EditionResource = { phase: "draft", opensAt: null, closesAt: null };
