import { asc, desc, eq } from "drizzle-orm";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { ActionError } from "@/server/actions/result";
import { applyWord, readWordImport } from "@/server/editions/word-import";
import { parseWordHtml, splitNumber, wordToHtml } from "@/server/editions/word";
import { freshDatabase, type TestDatabase } from "./helpers/db";
import { makeEdition, makeGroup, makeUser } from "./helpers/engagement-data";

let t: TestDatabase;
let db: Db;
let officerId: string;

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

/** A Word file as an officer would write it: numbered headings, a paragraph, a list, a table, a deeper heading. */
async function wordFile() {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "1 Arbeit", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Das Kapitel beschreibt den Arbeitsmarkt." }),
          new Paragraph({ text: "1.1 Sozialer Wohnungsbau", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: "Wohnraum", bold: true }), new TextRun(" bleibt knapp.")] }),
          new Paragraph({ text: "Mietberatung", bullet: { level: 0 } }),
          new Paragraph({ text: "Wohnungsbörse", bullet: { level: 0 } }),
          new Table({ rows: [new TableRow({ children: [cell("Jahr"), cell("Wohnungen")] }), new TableRow({ children: [cell("2022"), cell("120")] })] }),
          new Paragraph({ text: "Ausblick", heading: HeadingLevel.HEADING_3 }),
          new Paragraph({ text: "1.2 Sprachkurse am Arbeitsplatz", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Betriebe bieten Kurse an." }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

beforeAll(async () => {
  t = await freshDatabase();
  db = t.db;
  officerId = (await makeUser(db, { groupId: await makeGroup(db), role: "officer" })).id;
});

afterAll(async () => {
  await t?.close();
});

async function state(editionId: string) {
  const secs = await db.select({ id: s.sections.id, key: s.sections.key, title: s.sections.title }).from(s.sections).where(eq(s.sections.editionId, editionId)).orderBy(asc(s.sections.position));
  const revs = await db.select({ sectionId: s.sectionRevisions.sectionId, number: s.sectionRevisions.number, blocks: s.sectionRevisions.blocks }).from(s.sectionRevisions).orderBy(desc(s.sectionRevisions.number));
  return secs.map((x) => ({ ...x, revisions: revs.filter((r) => r.sectionId === x.id) }));
}

describe("Word import", () => {
  it("reads numbered headings as chapters and sections, and paragraphs, lists and tables as blocks", async () => {
    const chapters = parseWordHtml(await wordToHtml(await wordFile()), { intoChapter: false });
    expect(chapters).toHaveLength(1);
    expect(chapters[0]).toMatchObject({ number: "1", title: "Arbeit", intro: "Das Kapitel beschreibt den Arbeitsmarkt." });
    const [first, second] = chapters[0]!.sections;
    expect(first).toMatchObject({ number: "1.1", title: "Sozialer Wohnungsbau" });
    expect(first!.blocks.map((b) => b.kind)).toEqual(["paragraph", "list", "table", "paragraph"]);
    expect(first!.blocks[0]!.html).toBe("<p><strong>Wohnraum</strong> bleibt knapp.</p>");
    expect(first!.blocks[1]!.html).toBe("<ul><li>Mietberatung</li><li>Wohnungsbörse</li></ul>");
    expect(first!.blocks[2]!.html).toContain("<td><p>2022</p></td>");
    expect(first!.blocks[3]!.html).toBe("<p><strong>Ausblick</strong></p>");
    expect(second).toMatchObject({ number: "1.2", title: "Sprachkurse am Arbeitsplatz" });
    expect(splitNumber("3.2. Kitas")).toEqual({ number: "3.2", title: "Kitas" });
    expect(splitNumber("Ohne Nummer")).toEqual({ number: null, title: "Ohne Nummer" });
  });

  it("previews the mapping onto existing sections by title and number, writing nothing", async () => {
    const e = await makeEdition(db, { phase: "draft", paragraphs: ["Alter Text."] });
    const before = await state(e.id);
    const chapterKey = (await db.select({ key: s.chapters.key }).from(s.chapters).where(eq(s.chapters.id, e.chapterId)))[0]!.key;
    const real = await db.transaction(async (tx) => readWordImport(tx, { editionId: e.id, buffer: await wordFile(), chapterKey }));
    // Into the chapter: the one top heading is the chapter's title; "Sozialer Wohnungsbau" matches by title.
    expect(real.plan.chapters[0]!.sections.map((x) => [x.title, x.match?.key ?? null, x.match?.by ?? null, x.blocks])).toEqual([
      ["Sozialer Wohnungsbau", e.sectionKey, "title", 4],
      ["Sprachkurse am Arbeitsplatz", null, null, 1],
    ]);
    expect(await state(e.id)).toEqual(before);
  });

  it("applies the mapping in one transaction: a new revision for the matched section, a new section for the rest", async () => {
    const e = await makeEdition(db, { phase: "draft", paragraphs: ["Wohnraum bleibt knapp.", "Ein zweiter Absatz."] });
    const chapterKey = (await db.select({ key: s.chapters.key }).from(s.chapters).where(eq(s.chapters.id, e.chapterId)))[0]!.key;
    const result = await db.transaction(async (tx) =>
      applyWord(tx, { editionId: e.id, buffer: await wordFile(), chapterKey, mapping: [e.sectionKey, "new"], authorId: officerId, note: "plan.docx" }),
    );
    expect(result).toEqual({ revisions: 2, created: 1 });
    const after = await state(e.id);
    expect(after.map((x) => x.title)).toEqual(["Sozialer Wohnungsbau", "Sprachkurse am Arbeitsplatz"]);
    const [old, fresh] = after;
    expect(old!.revisions.map((r) => r.number)).toEqual([2, 1]);
    // The first paragraph changed in place and keeps its key; the list, table and sub-heading are new blocks.
    const blocks = old!.revisions[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "list", "table", "paragraph"]);
    expect(blocks[0]!.key).toBe("p1");
    expect(blocks[1]!.key).not.toBe("p2");
    expect(new Set(blocks.map((b) => b.key)).size).toBe(4);
    expect(old!.revisions[1]!.blocks.map((b) => b.html)).toEqual(["<p>Wohnraum bleibt knapp.</p>", "<p>Ein zweiter Absatz.</p>"]);
    expect(fresh!.revisions[0]!.blocks.map((b) => b.html)).toEqual(["<p>Betriebe bieten Kurse an.</p>"]);
    const [chapter] = await db.select({ intro: s.chapters.intro }).from(s.chapters).where(eq(s.chapters.id, e.chapterId));
    expect(chapter!.intro).toBe("Das Kapitel beschreibt den Arbeitsmarkt.");
  });

  it("refuses a corrupt or non-Word file with a clear message and changes nothing", async () => {
    const e = await makeEdition(db, { phase: "draft" });
    const before = await state(e.id);
    const good = await wordFile();
    const corrupt = Buffer.concat([good.subarray(0, 200), Buffer.alloc(500, 7)]);
    const attempt = (buffer: Buffer) =>
      db.transaction((tx) => applyWord(tx, { editionId: e.id, buffer, chapterKey: null, mapping: ["new", "new"], authorId: officerId, note: "x.docx" })).then(
        () => null,
        (err: unknown) => (err instanceof ActionError ? err.messageKey : String(err)),
      );
    expect(await attempt(corrupt)).toBe("editions.wordBroken");
    expect(await attempt(Buffer.from("Das ist kein Word-Dokument."))).toBe("editions.wordNotDocx");
    // A mapping that no longer fits fails after parsing, before anything is written.
    expect(await db.transaction(async (tx) => applyWord(tx, { editionId: e.id, buffer: good, chapterKey: null, mapping: ["new"], authorId: officerId, note: "x" })).catch((err: ActionError) => err.messageKey)).toBe("editions.wordMappingStale");
    expect(await state(e.id)).toEqual(before);
  });
});
