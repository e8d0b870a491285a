import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, max, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chapters, comments, editionEvents, editions, proposals, sectionRevisions, sections, users, type Block } from "@/db/schema";
import type { Phase } from "@/db/schema/enums";
import { ActionError } from "../actions/result";
import { notify } from "../notifications/notify";
import { getCurrentRevisions } from "../plans/queries";
import { keepKeys, sameBlocks, type DraftBlock } from "./text";

/** The edition as the permission table sees it, locked against concurrent changes; not found is an error. */
export async function loadEditionForChange(tx: DbOrTx, editionId: string) {
  const [e] = await tx
    .select({ id: editions.id, year: editions.year, title: editions.title, phase: editions.phase, opensAt: editions.opensAt, closesAt: editions.closesAt })
    .from(editions)
    .where(eq(editions.id, editionId))
    .for("update");
  if (!e) throw new ActionError("not_found");
  return e;
}

/** A readable, URL-safe key from a title, unique by its random tail; never changed afterwards. */
export function newKey(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${slug || "abschnitt"}-${crypto.randomBytes(3).toString("hex")}`;
}

/**
 * The next edition, copied from an adopted one: every chapter and section with its key, position
 * and title, and each section's current text as its first revision (by the officer, now).
 */
export async function copyEditionRows(tx: DbOrTx, { sourceId, year, title, authorId }: { sourceId: string; year: number; title: string; authorId: string }) {
  const [edition] = await tx.insert(editions).values({ year, title, phase: "draft", predecessorId: sourceId }).returning({ id: editions.id });
  const editionId = edition!.id;
  const srcChapters = await tx.select().from(chapters).where(eq(chapters.editionId, sourceId)).orderBy(asc(chapters.position));
  const srcSections = await tx.select().from(sections).where(eq(sections.editionId, sourceId)).orderBy(asc(sections.position));
  const revisions = await getCurrentRevisions(tx, { sectionIds: srcSections.map((s) => s.id) });
  const chapterIds = new Map<string, string>();
  if (srcChapters.length > 0) {
    const rows = await tx
      .insert(chapters)
      .values(srcChapters.map((c) => ({ editionId, key: c.key, position: c.position, title: c.title, intro: c.intro })))
      .returning({ id: chapters.id, key: chapters.key });
    for (const c of srcChapters) chapterIds.set(c.id, rows.find((r) => r.key === c.key)!.id);
  }
  if (srcSections.length > 0) {
    const rows = await tx
      .insert(sections)
      .values(srcSections.map((s) => ({ editionId, chapterId: chapterIds.get(s.chapterId)!, key: s.key, position: s.position, title: s.title })))
      .returning({ id: sections.id, key: sections.key });
    const revisionRows = srcSections.flatMap((s) => {
      const r = revisions.find((x) => x.sectionId === s.id);
      return r ? [{ sectionId: rows.find((x) => x.key === s.key)!.id, number: 1, blocks: r.blocks, authorId }] : [];
    });
    if (revisionRows.length > 0) await tx.insert(sectionRevisions).values(revisionRows);
  }
  return { editionId, chapters: srcChapters.length, sections: srcSections.length };
}

/** The newest revision of a section (its current text), or null before the first. */
export async function currentRevision(tx: DbOrTx, sectionId: string) {
  const [r] = await tx
    .select({ number: sectionRevisions.number, blocks: sectionRevisions.blocks })
    .from(sectionRevisions)
    .where(eq(sectionRevisions.sectionId, sectionId))
    .orderBy(desc(sectionRevisions.number))
    .limit(1);
  return r ?? null;
}

/** A new revision with these blocks, unless the text is the same as the current one. Returns its number, or null. */
export async function writeRevision(tx: DbOrTx, { sectionId, blocks, authorId, note }: { sectionId: string; blocks: Block[]; authorId: string; note?: string | null }) {
  const current = await currentRevision(tx, sectionId);
  if (current && sameBlocks(current.blocks, blocks)) return null;
  const number = (current?.number ?? 0) + 1;
  await tx.insert(sectionRevisions).values({ sectionId, number, blocks, authorId, note: note || null });
  return number;
}

/** The editor's blocks saved as a new revision of the section (keys kept, see keepKeys). */
export async function saveText(tx: DbOrTx, args: { sectionId: string; drafts: DraftBlock[]; authorId: string; note?: string | null }) {
  const current = await currentRevision(tx, args.sectionId);
  const blocks = keepKeys(args.drafts, current?.blocks ?? []);
  return writeRevision(tx, { sectionId: args.sectionId, blocks, authorId: args.authorId, note: args.note });
}

export async function findChapter(tx: DbOrTx, editionId: string, key: string) {
  const [c] = await tx.select({ id: chapters.id, key: chapters.key, position: chapters.position }).from(chapters).where(and(eq(chapters.editionId, editionId), eq(chapters.key, key)));
  if (!c) throw new ActionError("not_found");
  return c;
}

export async function findSection(tx: DbOrTx, editionId: string, key: string) {
  const [s] = await tx
    .select({ id: sections.id, key: sections.key, position: sections.position, chapterId: sections.chapterId })
    .from(sections)
    .where(and(eq(sections.editionId, editionId), eq(sections.key, key)));
  if (!s) throw new ActionError("not_found");
  return s;
}

export type OutlineOperation =
  | { operation: "addChapter"; title: string }
  | { operation: "renameChapter"; chapterKey: string; title: string }
  | { operation: "moveChapter"; chapterKey: string; direction: "up" | "down" }
  | { operation: "removeChapter"; chapterKey: string }
  | { operation: "addSection"; chapterKey: string; title: string }
  | { operation: "renameSection"; sectionKey: string; title: string }
  | { operation: "moveSection"; sectionKey: string; direction: "up" | "down" }
  | { operation: "removeSection"; sectionKey: string };

export async function addChapter(tx: DbOrTx, editionId: string, title: string) {
  const [{ last } = { last: 0 }] = await tx.select({ last: max(chapters.position) }).from(chapters).where(eq(chapters.editionId, editionId));
  const key = newKey(title);
  await tx.insert(chapters).values({ editionId, key, position: (last ?? 0) + 1, title });
  return key;
}

export async function addSection(tx: DbOrTx, editionId: string, chapterId: string, title: string, authorId: string | null = null) {
  const [{ last } = { last: 0 }] = await tx.select({ last: max(sections.position) }).from(sections).where(eq(sections.chapterId, chapterId));
  const key = newKey(title);
  const [s] = await tx.insert(sections).values({ editionId, chapterId, key, position: (last ?? 0) + 1, title }).returning({ id: sections.id });
  if (authorId !== null) await tx.insert(sectionRevisions).values({ sectionId: s!.id, number: 1, blocks: [], authorId });
  return { key, id: s!.id };
}

/** Swaps positions with the neighbour above or below; at the end nothing moves. */
async function swap<T extends { id: string; position: number }>(rows: T[], id: string, direction: "up" | "down", write: (id: string, position: number) => Promise<unknown>) {
  const i = rows.findIndex((r) => r.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  const a = rows[i];
  const b = rows[j];
  if (!a || !b) return false;
  await write(a.id, b.position);
  await write(b.id, a.position);
  return true;
}

/** One change of the outline; returns the key it concerns (a new one for additions). */
export async function applyOutlineOperation(tx: DbOrTx, editionId: string, op: OutlineOperation, authorId: string): Promise<string> {
  switch (op.operation) {
    case "addChapter":
      return addChapter(tx, editionId, op.title);
    case "renameChapter": {
      const c = await findChapter(tx, editionId, op.chapterKey);
      await tx.update(chapters).set({ title: op.title }).where(eq(chapters.id, c.id));
      return c.key;
    }
    case "moveChapter": {
      const c = await findChapter(tx, editionId, op.chapterKey);
      const rows = await tx.select({ id: chapters.id, position: chapters.position }).from(chapters).where(eq(chapters.editionId, editionId)).orderBy(asc(chapters.position));
      await swap(rows, c.id, op.direction, (id, position) => tx.update(chapters).set({ position }).where(eq(chapters.id, id)));
      return c.key;
    }
    case "removeChapter": {
      const c = await findChapter(tx, editionId, op.chapterKey);
      const inside = await tx.select({ id: sections.id }).from(sections).where(eq(sections.chapterId, c.id));
      if (inside.length > 0) {
        const [n] = await tx.select({ n: count() }).from(comments).where(inArray(comments.sectionId, inside.map((s) => s.id)));
        if ((n?.n ?? 0) > 0) throw new ActionError("conflict", "editions.chapterHasComments");
      }
      const [p] = await tx.select({ n: count() }).from(proposals).where(eq(proposals.chapterId, c.id));
      if ((p?.n ?? 0) > 0) throw new ActionError("conflict", "editions.chapterHasProposals");
      await tx.delete(chapters).where(eq(chapters.id, c.id));
      return c.key;
    }
    case "addSection": {
      const c = await findChapter(tx, editionId, op.chapterKey);
      return (await addSection(tx, editionId, c.id, op.title, authorId)).key;
    }
    case "renameSection": {
      const s = await findSection(tx, editionId, op.sectionKey);
      await tx.update(sections).set({ title: op.title }).where(eq(sections.id, s.id));
      return s.key;
    }
    case "moveSection": {
      const s = await findSection(tx, editionId, op.sectionKey);
      const rows = await tx.select({ id: sections.id, position: sections.position }).from(sections).where(eq(sections.chapterId, s.chapterId)).orderBy(asc(sections.position));
      await swap(rows, s.id, op.direction, (id, position) => tx.update(sections).set({ position }).where(eq(sections.id, id)));
      return s.key;
    }
    case "removeSection": {
      const s = await findSection(tx, editionId, op.sectionKey);
      const [c] = await tx.select({ n: count() }).from(comments).where(eq(comments.sectionId, s.id));
      if ((c?.n ?? 0) > 0) throw new ActionError("conflict", "editions.sectionHasComments");
      await tx.delete(sections).where(eq(sections.id, s.id));
      return s.key;
    }
  }
}

/** The people told when the consultation opens: every active participant (stakeholders and council members). */
export async function participantIds(tx: DbOrTx) {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.active, true), inArray(users.role, ["stakeholder", "council"])));
  return rows.map((r) => r.id);
}

/**
 * Moves the edition one phase on, with its consequences: opening the consultation needs a window
 * that has not ended and tells every participant (once: the announcement row keeps the timer from
 * telling them again); closing it ends the window now if it was still open.
 */
export async function movePhase(tx: DbOrTx, { edition, to, actorId, now = new Date() }: { edition: { id: string; opensAt: Date | null; closesAt: Date | null }; to: Phase; actorId: string; now?: Date }) {
  let notified = 0;
  if (to === "consultation") {
    if (!edition.opensAt || !edition.closesAt) throw new ActionError("invalid", "editions.windowMissing");
    if (edition.closesAt <= now) throw new ActionError("invalid", "editions.windowPast");
    await tx.update(editions).set({ phase: to }).where(eq(editions.id, edition.id));
    const [first] = await tx.insert(editionEvents).values({ editionId: edition.id, kind: "consultation_opened" }).onConflictDoNothing().returning({ kind: editionEvents.kind });
    if (first) {
      for (const id of await participantIds(tx)) {
        if (id === actorId) continue;
        await notify(tx, { recipientId: id, actorId, event: { kind: "consultation_opened", editionId: edition.id } });
        notified++;
      }
    }
  } else if (to === "consolidation") {
    const closesAt = edition.closesAt && edition.closesAt <= now ? edition.closesAt : now;
    await tx.update(editions).set({ phase: to, closesAt, ...(edition.opensAt && edition.opensAt > now ? { opensAt: now } : {}) }).where(eq(editions.id, edition.id));
  } else {
    await tx.update(editions).set({ phase: to }).where(eq(editions.id, edition.id));
  }
  return { notified };
}

/** How many people opening the consultation would tell (the confirmation names it beforehand). */
export async function countParticipants(tx: DbOrTx, exceptId: string) {
  const [r] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["stakeholder", "council"]), ne(users.id, exceptId)));
  return r?.n ?? 0;
}

