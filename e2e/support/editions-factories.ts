import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { and, asc, desc, eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { createEdition, db } from "./factories";

let draft: ReturnType<typeof createEdition> | undefined;

/** One small draft edition per worker, for visiting the officer's edition pages. */
export function draftEdition() {
  draft ??= createEdition({ phase: "draft", revisions: [{ text: "Ein Absatz im Entwurf.", at: new Date() }] });
  return draft;
}

/** A new draft edition of its own (one chapter "Testkapitel", one section "Testabschnitt"). */
export const newDraftEdition = (text = "Ein Absatz im Entwurf.") => createEdition({ phase: "draft", revisions: [{ text, at: new Date() }] });

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

/**
 * A Word file as an officer writes it: a numbered chapter heading with an introduction, then
 * numbered sections with a paragraph, a bulleted list and a table.
 */
export async function wordFile({ chapter = "1 Testkapitel", sections = ["1.1 Testabschnitt", "1.2 Sprachkurse im Betrieb"] }: { chapter?: string; sections?: string[] } = {}) {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: chapter, heading: HeadingLevel.HEADING_1 }), new Paragraph("Einleitung aus Word.")];
  for (const [i, title] of sections.entries()) {
    children.push(
      new Paragraph({ text: title, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ children: [new TextRun({ text: "Aus Word", bold: true }), new TextRun(` übernommen (${i + 1}).`)] }),
      new Paragraph({ text: "Erster Punkt", bullet: { level: 0 } }),
      new Paragraph({ text: "Zweiter Punkt", bullet: { level: 0 } }),
      new Table({ rows: [new TableRow({ children: [cell("Jahr"), cell("Kurse")] }), new TableRow({ children: [cell("2024"), cell(String(10 + i))] })] }),
    );
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The sections of an edition in order, each with its newest revision's number and blocks. */
export async function sectionsOf(editionId: string) {
  const rows = await db()
    .select({ id: schema.sections.id, key: schema.sections.key, title: schema.sections.title })
    .from(schema.sections)
    .where(eq(schema.sections.editionId, editionId))
    .orderBy(asc(schema.sections.position));
  const out = [];
  for (const r of rows) {
    const revisions = await db()
      .select({ number: schema.sectionRevisions.number, blocks: schema.sectionRevisions.blocks })
      .from(schema.sectionRevisions)
      .where(eq(schema.sectionRevisions.sectionId, r.id))
      .orderBy(desc(schema.sectionRevisions.number));
    out.push({ ...r, revisions });
  }
  return out;
}

/** The edition row (phase, window) as stored. */
export async function editionRow(editionId: string) {
  const [e] = await db().select().from(schema.editions).where(eq(schema.editions.id, editionId));
  return e!;
}

/** The chapters' keys and titles of an edition in order. */
export async function chaptersOf(editionId: string) {
  return db().select({ key: schema.chapters.key, title: schema.chapters.title }).from(schema.chapters).where(and(eq(schema.chapters.editionId, editionId))).orderBy(asc(schema.chapters.position));
}
