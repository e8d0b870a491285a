import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { chapters, sections } from "@/db/schema";
import { ActionError } from "../actions/result";
import { getOutline } from "../plans/queries";
import { matchKeys } from "./text";
import { parseWordHtml, planImport, wordToHtml, type Existing } from "./word";
import { addChapter, addSection, currentRevision, findChapter, writeRevision } from "./writes";

type Source = { editionId: string; buffer: Buffer; chapterKey: string | null };

/** The document's structure and its mapping onto the edition (see planImport); reads only. */
export async function readWordImport(tx: DbOrTx, input: Source) {
  if (input.chapterKey) await findChapter(tx, input.editionId, input.chapterKey);
  const html = await wordToHtml(input.buffer);
  const imported = parseWordHtml(html, { intoChapter: input.chapterKey !== null });
  if (imported.every((c) => c.sections.length === 0)) throw new ActionError("invalid", "editions.wordNoSections");
  const outline = await getOutline(tx, { editionId: input.editionId });
  const existing: Existing = outline.map((c) => ({ key: c.key, number: c.number, title: c.title, sections: c.sections.map((s) => ({ key: s.key, number: s.number, title: s.title })) }));
  return { imported, plan: planImport(imported, existing, input.chapterKey) };
}

/**
 * Writes the document as the mapping says (per imported section, in document order: an existing
 * section's key, "new" or "skip"): a new revision for each mapped section (its title from the
 * document), new sections — in the matched chapter or a new one — for "new". The caller's
 * transaction holds it all: an error anywhere writes nothing.
 */
export async function applyWord(tx: DbOrTx, input: Source & { mapping: string[]; authorId: string; note: string }) {
  const { imported, plan } = await readWordImport(tx, input);
  if (input.mapping.length !== plan.sectionCount) throw new ActionError("invalid", "editions.wordMappingStale");
  const used = new Set<string>();
  let revisions = 0;
  let created = 0;
  for (const [ci, chapter] of imported.entries()) {
    const planned = plan.chapters[ci]!;
    let chapterKey = planned.match?.key ?? null;
    for (const [si, section] of chapter.sections.entries()) {
      const decision = input.mapping[planned.sections[si]!.index]!;
      if (decision === "skip") continue;
      let sectionId: string;
      if (decision === "new") {
        chapterKey ??= await addChapter(tx, input.editionId, chapter.title || section.title);
        const c = await findChapter(tx, input.editionId, chapterKey);
        sectionId = (await addSection(tx, input.editionId, c.id, section.title)).id;
        created++;
      } else {
        if (used.has(decision)) throw new ActionError("invalid", "editions.wordMappingTwice");
        used.add(decision);
        const [s] = await tx
          .select({ id: sections.id, title: sections.title })
          .from(sections)
          .where(and(eq(sections.editionId, input.editionId), eq(sections.key, decision)));
        if (!s) throw new ActionError("invalid", "editions.wordMappingStale");
        if (section.title && s.title !== section.title) await tx.update(sections).set({ title: section.title }).where(eq(sections.id, s.id));
        sectionId = s.id;
      }
      const previous = (await currentRevision(tx, sectionId))?.blocks ?? [];
      const n = await writeRevision(tx, { sectionId, blocks: matchKeys(section.blocks, previous), authorId: input.authorId, note: input.note });
      if (n !== null) revisions++;
    }
    if (chapter.intro && chapterKey) {
      const c = await findChapter(tx, input.editionId, chapterKey);
      await tx.update(chapters).set({ intro: chapter.intro }).where(eq(chapters.id, c.id));
    }
  }
  return { revisions, created };
}
