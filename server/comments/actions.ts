"use server";
import { defineAction } from "../actions/define";
import { createCommentInput, deleteCommentInput, updateCommentInput, type CreateCommentInput } from "./inputs";
import { editComment, eraseComment, loadComment, loadCommentTarget, writeComment, type CommentTarget } from "./write";

/** The target `resource` loaded, handed on to `run` (same input object, same transaction). */
const targets = new WeakMap<CreateCommentInput, CommentTarget>();

/**
 * A comment on a section (whole, a paragraph, or a quoted span), on a proposal, or a reply.
 * Idempotent per submission key; tells the parent's author and the proposal's author.
 */
export const createComment = defineAction("comment.create", {
  input: createCommentInput,
  rateLimit: { max: 20, windowSeconds: 60 },
  resource: async ({ tx, input }) => {
    const target = await loadCommentTarget(tx, input);
    targets.set(input, target);
    return { edition: target.edition };
  },
  run: async ({ tx, input, user }) => {
    const target = targets.get(input) ?? (await loadCommentTarget(tx, input));
    const { id, created } = await writeComment(tx, { authorId: user.id, input, target });
    return { data: { id, created, parentId: target.parent?.id ?? null }, audit: null };
  },
});

/** The author changes the words while the window is open; the comment then says "bearbeitet". */
export const updateComment = defineAction("comment.update", {
  input: updateCommentInput,
  rateLimit: { max: 30, windowSeconds: 60 },
  resource: async ({ tx, input }) => {
    const c = await loadComment(tx, input.commentId);
    return { edition: c.edition, authorId: c.authorId };
  },
  run: async ({ tx, input }) => {
    await editComment(tx, input);
    return { data: { id: input.commentId }, audit: null };
  },
});

/** The author deletes: the words are erased from the database, the thread stays. */
export const deleteComment = defineAction("comment.delete", {
  input: deleteCommentInput,
  rateLimit: { max: 30, windowSeconds: 60 },
  resource: async ({ tx, input }) => {
    const c = await loadComment(tx, input.commentId);
    return { edition: c.edition, authorId: c.authorId };
  },
  run: async ({ tx, input }) => {
    await eraseComment(tx, input);
    return { data: { id: input.commentId }, audit: { targetType: "comment", targetId: input.commentId, data: { erased: true } } };
  },
});
