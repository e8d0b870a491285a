import { z } from "zod";
import { USER_TEXT_MAX } from "../text/limits";

/** A hidden field left empty arrives as ""; it means "not given". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** Plain text with a small Markdown subset; blanks only count as empty ("required"). */
export const commentBody = z.string().trim().max(USER_TEXT_MAX).refine((v) => v.length > 0, { message: "required" });

/** One per submission, made by the form: a double click or a retried request creates one comment. */
const idempotencyKey = z.string().min(8).max(100);

export const createCommentInput = z
  .object({
    sectionId: optional(z.uuid()),
    proposalId: optional(z.uuid()),
    /** A reply names its parent; its target is the parent's. */
    parentId: optional(z.uuid()),
    paragraphKey: optional(z.string().min(1).max(100)),
    revisionId: optional(z.uuid()),
    /** A span chosen with the mouse or by touch: the words and where the browser counted them. */
    quote: optional(z.string().max(2000)),
    quoteOffset: optional(z.coerce.number().int().min(0).max(1_000_000)),
    /** Sentences chosen with the keyboard picker (indexes into the paragraph's sentences). */
    sentences: optional(z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().min(0).max(1000)).max(200))),
    body: commentBody,
    idempotencyKey,
  })
  .refine((v) => [v.sectionId, v.proposalId, v.parentId].filter(Boolean).length === 1, { message: "invalid", path: ["target"] });
export type CreateCommentInput = z.infer<typeof createCommentInput>;

export const updateCommentInput = z.object({ commentId: z.uuid(), body: commentBody });
export const deleteCommentInput = z.object({ commentId: z.uuid() });

export const commentSorts = ["newest", "oldest", "replies"] as const;
export type CommentSort = (typeof commentSorts)[number];
export const COMMENTS_PER_PAGE = 20;
/** Top-level comments are depth 0; replies go two levels deep (a reply to a reply). */
export const MAX_REPLY_DEPTH = 2;
