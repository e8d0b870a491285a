import render from "dom-serializer";
import { type ChildNode, isTag } from "domhandler";
import { parseDocument } from "htmlparser2";
import mammoth from "mammoth";
import { ActionError } from "../actions/result";
import { blockText } from "../plans/blocks";
import { splitBlocks, type DraftBlock } from "./text";

export const WORD_MAX_BYTES = 10 * 1024 * 1024;

export type ImportedSection = { number: string | null; title: string; blocks: DraftBlock[] };
export type ImportedChapter = { number: string | null; title: string; intro: string; sections: ImportedSection[] };

/** "2.3 Wohnraum" → number "2.3" and title "Wohnraum"; a heading without a number keeps its text. */
export function splitNumber(heading: string): { number: string | null; title: string } {
  const text = heading.replace(/\s+/g, " ").trim();
  const m = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(text);
  return m ? { number: m[1]!, title: m[2]!.trim() } : { number: null, title: text };
}

/**
 * A .docx file as HTML (mammoth: Word's heading styles become h1–h6, lists ul/ol, tables table;
 * styles, colours and fonts are dropped). A file that is not a Word document is refused with a
 * clear message and nothing else happens.
 */
export async function wordToHtml(buffer: Buffer): Promise<string> {
  // Every .docx is a ZIP archive: anything else is not worth handing to the converter.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new ActionError("invalid", "editions.wordNotDocx");
  try {
    const result = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: true });
    return result.value;
  } catch {
    throw new ActionError("invalid", "editions.wordBroken");
  }
}

type Part = { level: number; heading: string } | { node: ChildNode };

/**
 * The document's structure. The highest heading level present makes the chapters and the next
 * one the sections; deeper headings stay in the text as bold paragraphs. Imported into one
 * chapter (`intoChapter`), the highest level makes the sections — unless the document has one
 * heading on top (the chapter's own title) above its sections. Text before the first section
 * becomes the chapter's introduction.
 */
export function parseWordHtml(html: string, { intoChapter }: { intoChapter: boolean }): ImportedChapter[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: Part[] = doc.children.map((node) => {
    const m = isTag(node) ? /^h([1-6])$/i.exec(node.name) : null;
    return m && isTag(node) ? { level: Number(m[1]), heading: blockText(render(node.children, { encodeEntities: "utf8" })) } : { node };
  });
  const levels = [...new Set(parts.flatMap((p) => ("level" in p && p.heading ? [p.level] : [])))].sort((a, b) => a - b);
  let chapterLevel: number | null = levels[0] ?? null;
  let sectionLevel: number | null = levels[1] ?? null;
  if (intoChapter) {
    const tops = parts.filter((p) => "level" in p && p.level === levels[0] && p.heading).length;
    if (!(tops === 1 && levels.length > 1)) {
      sectionLevel = chapterLevel;
      chapterLevel = null;
    }
  }
  const chapters: ImportedChapter[] = [];
  let chapter: ImportedChapter | null = null;
  let section: ImportedSection | null = null;
  let pending: ChildNode[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const blocks = splitBlocks(render(pending, { encodeEntities: "utf8" }));
    pending = [];
    if (blocks.length === 0) return;
    if (section) section.blocks.push(...blocks);
    else {
      chapter ??= openChapter({ number: null, title: "" });
      const text = blocks.map((b) => blockText(b.html)).join("\n\n");
      chapter.intro = chapter.intro ? `${chapter.intro}\n\n${text}` : text;
    }
  };
  const openChapter = (h: { number: string | null; title: string }) => {
    const c: ImportedChapter = { ...h, intro: "", sections: [] };
    chapters.push(c);
    return c;
  };
  for (const p of parts) {
    if ("level" in p && p.heading && (p.level === chapterLevel || p.level === sectionLevel)) {
      flush();
      if (p.level === chapterLevel) {
        chapter = openChapter(splitNumber(p.heading));
        section = null;
      } else {
        chapter ??= openChapter({ number: null, title: "" });
        section = { ...splitNumber(p.heading), blocks: [] };
        chapter.sections.push(section);
      }
    } else if ("level" in p) {
      if (p.heading) pending.push(...parseDocument(`<p><strong>${p.heading.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</strong></p>`).children);
    } else pending.push(p.node);
  }
  flush();
  return chapters;
}

export type Existing = { key: string; number: string; title: string; sections: { key: string; number: string; title: string }[] }[];
export type Match = { key: string; title: string; number: string; by: "title" | "number" } | null;
const norm = (s: string) => s.toLocaleLowerCase("de").replace(/\s+/g, " ").trim();

function matchOne<T extends { key: string; number: string; title: string }>(candidates: T[], item: { number: string | null; title: string }, taken: Set<string>): Match {
  const free = candidates.filter((c) => !taken.has(c.key));
  const byTitle = free.find((c) => item.title && norm(c.title) === norm(item.title));
  const byNumber = !byTitle && item.number ? free.find((c) => c.number === item.number) : undefined;
  const found = byTitle ?? byNumber;
  if (!found) return null;
  taken.add(found.key);
  return { key: found.key, title: found.title, number: found.number, by: byTitle ? "title" : "number" };
}

export type ImportPlan = {
  chapters: {
    number: string | null;
    title: string;
    match: Match;
    intro: boolean;
    sections: { index: number; number: string | null; title: string; blocks: number; kinds: Record<DraftBlock["kind"], number>; match: Match }[];
  }[];
  sectionCount: number;
};

/**
 * How the document maps onto the edition: chapters by title, else by number; their sections
 * among the matched chapter's sections the same way (into one chapter: that chapter's). Each
 * existing chapter or section is matched at most once.
 */
export function planImport(imported: ImportedChapter[], existing: Existing, chapterKey: string | null): ImportPlan {
  const takenChapters = new Set<string>();
  const takenSections = new Set<string>();
  let index = 0;
  const target = chapterKey ? existing.find((c) => c.key === chapterKey) : undefined;
  const chapters = imported.map((c) => {
    const match: Match = target
      ? { key: target.key, title: target.title, number: target.number, by: "title" }
      : matchOne(existing, c, takenChapters);
    const pool = existing.find((e) => e.key === match?.key)?.sections ?? [];
    return {
      number: c.number,
      title: c.title,
      match,
      intro: c.intro.length > 0,
      sections: c.sections.map((s) => {
        const kinds = { paragraph: 0, list: 0, table: 0 };
        for (const b of s.blocks) kinds[b.kind]++;
        return { index: index++, number: s.number, title: s.title, blocks: s.blocks.length, kinds, match: matchOne(pool, s, takenSections) };
      }),
    };
  });
  return { chapters, sectionCount: index };
}
