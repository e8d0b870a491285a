import { and, eq, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { comments, editions, feedback, proposals } from "@/db/schema";
import type { Resources } from "../permissions";

/**
 * What the report permission is asked about: the contribution's edition window and author. A
 * deleted comment is gone for reporting; a hidden or withdrawn contribution can still be reported.
 */
export async function getReportTarget(db: DbOrTx, { feedbackId }: { feedbackId: string }): Promise<Resources["report.create"] | null> {
  const [row] = await db
    .select({ authorId: feedback.authorId, phase: editions.phase, opensAt: editions.opensAt, closesAt: editions.closesAt })
    .from(feedback)
    .innerJoin(editions, eq(editions.id, feedback.editionId))
    .leftJoin(comments, eq(comments.feedbackId, feedback.id))
    .leftJoin(proposals, eq(proposals.feedbackId, feedback.id))
    .where(and(eq(feedback.id, feedbackId), or(and(eq(feedback.kind, "comment"), isNull(comments.deletedAt)), eq(feedback.kind, "proposal"))));
  if (!row) return null;
  return { edition: { phase: row.phase, opensAt: row.opensAt, closesAt: row.closesAt }, authorId: row.authorId };
}
