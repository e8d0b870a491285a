import "server-only";
import type { Block } from "@/db/schema";
import { paragraphText, splitSentences } from "../anchoring";
import { sanitizeBlockHtml } from "./blocks";
import { LoadCache } from "./lru";

/** A block ready to show: its sanitised HTML, its words, its sentences (the picker) and what names a table. */
export type PreparedBlock = Block & { safeHtml: string; text: string; sentences: string[]; caption: string | null; heads: string[] };

export type PreparedRevision = { id: string; blocks: PreparedBlock[] };

const plain = (s: string) => s.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();

export function prepareBlock(b: Block): PreparedBlock {
  const text = paragraphText(b.html);
  const caption = b.kind === "table" ? plain(/<caption[^>]*>([\s\S]*?)<\/caption>/i.exec(b.html)?.[1] ?? "") || null : null;
  const heads = b.kind === "table" ? [...b.html.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/gi)].map((m) => plain(m[1] ?? "")).filter(Boolean) : [];
  return { ...b, safeHtml: sanitizeBlockHtml(b.kind, b.html), text, sentences: splitSentences(text).map((s) => s.text), caption, heads };
}

// Revisions are immutable: each is prepared once per process. 2,000 revisions of a few KB each.
const prepared = new LoadCache<PreparedRevision>({ maxEntries: 2_000, maxSize: 32 * 1024 * 1024, sizeOf: (r) => r.blocks.reduce((n, b) => n + 2 * (b.html.length + b.safeHtml.length + b.text.length) + 200, 0) });

/** The revision's blocks prepared for reading, computed once per revision id. */
export function prepareRevision(revision: { id: string; blocks: Block[] }): Promise<PreparedRevision> {
  return prepared.get(revision.id, async () => ({ id: revision.id, blocks: revision.blocks.map(prepareBlock) }));
}

/** A table's accessible name: its caption, else the generic label with its column heads. */
export function tableLabelOf(b: Pick<PreparedBlock, "caption" | "heads">, generic: string): string {
  if (b.caption) return b.caption;
  return b.heads.length ? `${generic}: ${b.heads.join(", ")}` : generic;
}
