import crypto from "node:crypto";
import render from "dom-serializer";
import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Block } from "@/db/schema";
import { blockText, sanitizeBlockHtml } from "../plans/blocks";

/** A new paragraph key: never a number, never reused. */
export const newBlockKey = () => `p-${crypto.randomBytes(4).toString("hex")}`;

export type DraftBlock = { kind: Block["kind"]; html: string; key?: string | null };

const kindOf: Record<string, Block["kind"]> = { p: "paragraph", ul: "list", ol: "list", table: "table" };
const headings = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Splits HTML (the editor's, or a converted Word file's) into blocks: each top-level paragraph,
 * list or table is one; a heading inside a section's text becomes a bold paragraph (headings are
 * the outline's, not the text's); loose inline content is gathered into a paragraph. The editor
 * marks each top-level element with its key (`data-key`), which is returned as the block's key.
 */
export function splitBlocks(html: string): DraftBlock[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const out: DraftBlock[] = [];
  let loose: ChildNode[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    const inner = render(loose, { encodeEntities: "utf8" });
    loose = [];
    if (blockText(inner)) out.push({ kind: "paragraph", html: `<p>${inner}</p>` });
  };
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (isTag(node)) {
        const name = node.name.toLowerCase();
        const kind = kindOf[name];
        if (kind) {
          flush();
          out.push({ kind, html: render(node, { encodeEntities: "utf8" }), key: (node as Element).attribs["data-key"] ?? null });
        } else if (headings.has(name)) {
          flush();
          out.push({ kind: "paragraph", html: `<p><strong>${render(node.children, { encodeEntities: "utf8" })}</strong></p>`, key: node.attribs["data-key"] ?? null });
        } else if (["div", "section", "article", "body", "html", "main"].includes(name)) {
          flush();
          visit(node.children);
        } else loose.push(node);
      } else if (isText(node)) {
        if (node.data.trim() || loose.length > 0) loose.push(node);
      }
    }
  };
  visit(doc.children);
  flush();
  return out;
}

/** A block's HTML in the stored subset; empty blocks (an empty paragraph) are dropped. */
function clean(b: DraftBlock): DraftBlock | null {
  // Editors and Word put no-break spaces where a plain space is meant (after a mark, at a line's end).
  const html = sanitizeBlockHtml(b.kind, b.html.replace(/&nbsp;|\u00a0/g, " ")).trim();
  if (!blockText(html) && !/<(table|li)\b/.test(html)) return null;
  return { ...b, html };
}

/**
 * The editor's blocks with keys: a block that carries one of the previous revision's keys keeps
 * it (a changed paragraph stays the paragraph comments are anchored to); a new block, a key seen
 * twice (a split paragraph) or a key the section never had gets a new one.
 */
export function keepKeys(drafts: DraftBlock[], previous: Block[]): Block[] {
  const known = new Set(previous.map((b) => b.key));
  const used = new Set<string>();
  const out: Block[] = [];
  for (const d of drafts) {
    const c = clean(d);
    if (!c) continue;
    const key = c.key && known.has(c.key) && !used.has(c.key) ? c.key : newBlockKey();
    used.add(key);
    out.push({ key, kind: c.kind, html: c.html });
  }
  return out;
}

/**
 * Keys for a text that arrives without them (a Word import): a block whose text is unchanged keeps
 * its key wherever it moved; otherwise the block at the same place, if of the same kind, is taken
 * as changed and keeps that one's key; the rest are new.
 */
export function matchKeys(drafts: DraftBlock[], previous: Block[]): Block[] {
  const cleaned = drafts.map(clean).filter((b): b is DraftBlock => b !== null);
  const used = new Set<string>();
  const byText = new Map<string, string[]>();
  for (const p of previous) {
    const t = blockText(p.html);
    byText.set(t, [...(byText.get(t) ?? []), p.key]);
  }
  const keys: (string | null)[] = cleaned.map((d) => {
    const k = byText.get(blockText(d.html))?.find((x) => !used.has(x));
    if (k) used.add(k);
    return k ?? null;
  });
  return cleaned.map((d, i) => {
    let key = keys[i];
    if (!key) {
      const same = previous[i];
      key = same && same.kind === d.kind && !used.has(same.key) ? same.key : newBlockKey();
      used.add(key);
    }
    return { key, kind: d.kind, html: d.html };
  });
}

/** Whether two texts are the same (then saving writes no new revision). */
export function sameBlocks(a: Block[], b: Block[]): boolean {
  return a.length === b.length && a.every((x, i) => x.key === b[i]!.key && x.kind === b[i]!.kind && x.html === b[i]!.html);
}

/** Blocks as the editor's HTML: each top-level element carries its key. */
export function blocksToEditorHtml(blocks: Block[]): string {
  return blocks.map((b) => b.html.replace(/^<(p|ul|ol|table)\b/, `<$1 data-key="${b.key}"`)).join("");
}
