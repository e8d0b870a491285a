import "server-only";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { chapters, editionDecisions, editions, sectionRevisions, sections } from "@/db/schema";
import { LoadCache } from "./lru";
import { prepareRevision } from "./prepared";

const uuid = z.uuid();
/** Route params come from the address bar: anything that is not a UUID is simply not found. */
export const isId = (value: string) => uuid.safeParse(value).success;

const editionColumns = {
  id: editions.id,
  year: editions.year,
  title: editions.title,
  phase: editions.phase,
  opensAt: editions.opensAt,
  closesAt: editions.closesAt,
  isSample: editions.isSample,
  predecessorId: editions.predecessorId,
};

export type EditionSummary = Awaited<ReturnType<typeof listEditions>>[number];

/** All editions, newest first, with the council's latest decision. */
export async function listEditions(db: DbOrTx) {
  const rows = await db.select(editionColumns).from(editions).orderBy(desc(editions.year));
  const decisions = await db
    .select({ editionId: editionDecisions.editionId, decidedOn: editionDecisions.decidedOn, outcome: editionDecisions.outcome })
    .from(editionDecisions)
    .orderBy(desc(editionDecisions.decidedOn));
  return rows.map((e) => {
    const d = decisions.find((d) => d.editionId === e.id);
    return { ...e, decision: d ? { decidedOn: d.decidedOn, outcome: d.outcome } : null };
  });
}

const latestDecision = (column: string) =>
  sql.raw(`(select d.${column} from edition_decisions d where d.edition_id = editions.id order by d.decided_on desc, d.created_at desc limit 1)`);

/** An edition's columns with its council's latest decision (correlated, so one statement). */
const editionWithDecisionColumns = {
  ...editionColumns,
  decidedOn: sql<string | null>`${latestDecision("decided_on")}::text`,
  outcome: sql<(typeof editionDecisions.$inferSelect)["outcome"] | null>`${latestDecision("outcome")}`,
};

/** One edition with the council's latest decision, in one statement (it runs on every edition page). */
export async function getEdition(db: DbOrTx, { editionId }: { editionId: string }) {
  if (!isId(editionId)) return null;
  const [row] = await db
    .select({
      ...editionWithDecisionColumns,
    })
    .from(editions)
    .where(eq(editions.id, editionId));
  if (!row) return null;
  const { decidedOn, outcome, ...edition } = row;
  return { ...edition, decision: decidedOn && outcome ? { decidedOn, outcome } : null };
}

export type Outline = Awaited<ReturnType<typeof getOutline>>;

/** Chapters and their sections, with the displayed numbers ("2.3") derived from positions. */
export async function getOutline(db: DbOrTx, { editionId }: { editionId: string }) {
  const chapterRows = await db
    .select({ id: chapters.id, key: chapters.key, position: chapters.position, title: chapters.title, intro: chapters.intro })
    .from(chapters)
    .where(eq(chapters.editionId, editionId))
    .orderBy(asc(chapters.position));
  const sectionRows = await db
    .select({ id: sections.id, key: sections.key, chapterId: sections.chapterId, position: sections.position, title: sections.title })
    .from(sections)
    .where(eq(sections.editionId, editionId))
    .orderBy(asc(sections.position));
  return chapterRows.map((c, ci) => ({
    ...c,
    number: String(ci + 1),
    sections: sectionRows.filter((s) => s.chapterId === c.id).map((s, si) => ({ ...s, number: `${ci + 1}.${si + 1}` })),
  }));
}

/** The newest revision of each given section (the current text), or the newest at `asOf`. */
export async function getCurrentRevisions(db: DbOrTx, { sectionIds, asOf = null }: { sectionIds: string[]; asOf?: Date | null }) {
  if (sectionIds.length === 0) return [];
  return db
    .selectDistinctOn([sectionRevisions.sectionId], {
      id: sectionRevisions.id,
      sectionId: sectionRevisions.sectionId,
      number: sectionRevisions.number,
      blocks: sectionRevisions.blocks,
      createdAt: sectionRevisions.createdAt,
    })
    .from(sectionRevisions)
    .where(and(inArray(sectionRevisions.sectionId, sectionIds), asOf ? lte(sectionRevisions.createdAt, asOf) : undefined))
    .orderBy(sectionRevisions.sectionId, desc(sectionRevisions.number));
}

export async function getChapterWithText(db: DbOrTx, { editionId, chapterKey, asOf }: { editionId: string; chapterKey: string; asOf: Date | null }) {
  const outline = await getOutline(db, { editionId });
  const chapter = outline.find((c) => c.key === chapterKey);
  if (!chapter) return null;
  const revisions = await getCurrentRevisions(db, { sectionIds: chapter.sections.map((s) => s.id), asOf });
  return {
    outline,
    chapter: { ...chapter, sections: chapter.sections.map((s) => ({ ...s, revision: revisions.find((r) => r.sectionId === s.id) ?? null })) },
  };
}

export async function getSectionWithText(db: DbOrTx, { editionId, sectionKey, asOf }: { editionId: string; sectionKey: string; asOf: Date | null }) {
  const outline = await getOutline(db, { editionId });
  const flat = outline.flatMap((c) => c.sections.map((s) => ({ ...s, chapter: c })));
  const index = flat.findIndex((s) => s.key === sectionKey);
  const section = flat[index];
  if (!section) return null;
  const [revision] = await getCurrentRevisions(db, { sectionIds: [section.id], asOf });
  return { section, revision: revision ?? null, previous: flat[index - 1] ?? null, next: flat[index + 1] ?? null };
}

export type SectionStamp = { sectionId: string; version: number; outlineVersion: number };

/**
 * One edition (as getEdition) and, by key, the stamps of one of its section's cached data — the
 * section's version and the edition's outline version, which database triggers bump in the
 * transaction of every write that changes them — in one statement. The section page runs this
 * and the session's statement; what all readers share comes from the caches below.
 */
export async function getEditionWithSectionStamp(db: DbOrTx, { editionId, sectionKey }: { editionId: string; sectionKey: string }) {
  if (!isId(editionId)) return null;
  const [row] = await db
    .select({
      ...editionWithDecisionColumns,
      outlineVersion: editions.outlineVersion,
      sectionId: sections.id,
      sectionVersion: sections.version,
    })
    .from(editions)
    .leftJoin(sections, and(eq(sections.editionId, editions.id), eq(sections.key, sectionKey)))
    .where(eq(editions.id, editionId));
  if (!row) return null;
  const { decidedOn, outcome, outlineVersion, sectionId, sectionVersion, ...edition } = row;
  return {
    edition: { ...edition, decision: decidedOn && outcome ? { decidedOn, outcome } : null },
    stamp: sectionId && sectionVersion !== null ? { sectionId, version: sectionVersion, outlineVersion } : null,
  };
}

type RevisionRow = Awaited<ReturnType<typeof getCurrentRevisions>>[number];

// Keyed by the stamps: a write bumps them, so an entry is never stale, only no longer asked for.
const outlines = new LoadCache<Outline>({ maxEntries: 200 });
const revisions = new LoadCache<RevisionRow | null>({
  maxEntries: 5_000,
  maxSize: 32 * 1024 * 1024,
  sizeOf: (r) => (r ? 2 * r.blocks.reduce((n, b) => n + b.html.length + b.key.length + 40, 200) : 100),
});

/** The shared caches' counts of loads (misses), for the tests that prove a second read is served from them. */
export const planCacheLoads = () => ({ outlines: outlines.loads, revisions: revisions.loads });

/**
 * getSectionWithText for the section page, from the caches: the outline per (edition, outline
 * version), the section's text per (section, version, point in time), prepared once per revision
 * (sanitised HTML, words, sentences). On a cache hit it runs no statement at all.
 */
export async function getSectionWithTextCached(db: DbOrTx, { editionId, sectionKey, asOf, stamp }: { editionId: string; sectionKey: string; asOf: Date | null; stamp: SectionStamp }) {
  const outline = await outlines.get(`${editionId}:${stamp.outlineVersion}`, () => getOutline(db, { editionId }));
  const flat = outline.flatMap((c) => c.sections.map((s) => ({ ...s, chapter: c })));
  const index = flat.findIndex((s) => s.key === sectionKey);
  const section = flat[index];
  if (!section) return null;
  const revision = await revisions.get(`${section.id}:${stamp.version}:${asOf?.toISOString() ?? ""}`, async () => {
    const [r] = await getCurrentRevisions(db, { sectionIds: [section.id], asOf });
    return r ?? null;
  });
  return {
    section,
    revision,
    prepared: revision ? await prepareRevision(revision) : null,
    previous: flat[index - 1] ?? null,
    next: flat[index + 1] ?? null,
  };
}
