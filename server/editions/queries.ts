import "server-only";
import { count, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { comments, sectionRevisions, users } from "@/db/schema";
import { getCurrentRevisions, getOutline } from "../plans/queries";
import { blocksToEditorHtml } from "./text";
import { countParticipants } from "./writes";

/** The workbench's outline: chapters and sections with their current revision and comment count. */
export async function getWorkbench(db: DbOrTx, { editionId, officerId }: { editionId: string; officerId: string }) {
  const outline = await getOutline(db, { editionId });
  const sectionIds = outline.flatMap((c) => c.sections.map((s) => s.id));
  const [revisions, commentCounts, participants] = await Promise.all([
    getCurrentRevisions(db, { sectionIds }),
    sectionIds.length
      ? db.select({ sectionId: comments.sectionId, n: count() }).from(comments).where(inArray(comments.sectionId, sectionIds)).groupBy(comments.sectionId)
      : Promise.resolve([]),
    countParticipants(db, officerId),
  ]);
  return {
    participants,
    outline: outline.map((c) => ({
      key: c.key,
      number: c.number,
      title: c.title,
      sections: c.sections.map((s) => {
        const r = revisions.find((x) => x.sectionId === s.id);
        return { key: s.key, number: s.number, title: s.title, revision: r ? { number: r.number, at: r.createdAt } : null, comments: commentCounts.find((x) => x.sectionId === s.id)?.n ?? 0 };
      }),
    })),
  };
}

/** A section for the editor: its text as the editor's HTML (keys on each block) and its revisions. */
export async function getSectionForEditor(db: DbOrTx, { editionId, sectionKey }: { editionId: string; sectionKey: string }) {
  const outline = await getOutline(db, { editionId });
  const chapter = outline.find((c) => c.sections.some((s) => s.key === sectionKey));
  const section = chapter?.sections.find((s) => s.key === sectionKey);
  if (!chapter || !section) return null;
  const history = await db
    .select({ number: sectionRevisions.number, at: sectionRevisions.createdAt, note: sectionRevisions.note, author: users.name, blocks: sectionRevisions.blocks })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .where(eq(sectionRevisions.sectionId, section.id))
    .orderBy(desc(sectionRevisions.number))
    .limit(20);
  const current = history[0];
  return {
    chapter: { key: chapter.key, number: chapter.number, title: chapter.title },
    section: { key: section.key, number: section.number, title: section.title },
    html: current ? blocksToEditorHtml(current.blocks) : "",
    history: history.map((h) => ({ number: h.number, at: h.at, note: h.note, author: h.author })),
  };
}

