/**
 * How SelectionCommenter hands a chosen span to the comment form. A module of its own so that
 * the comment form (on proposal pages too) does not bring the selection code along.
 */
export const ANCHOR_EVENT = "planwerk:comment-anchor";

/** A span chosen in one paragraph: its words and where they start in the paragraph's text. */
export type SelectionAnchor = { paragraphKey: string; label: string; quote: string; offset: number };
