import search from "approx-string-match";

/**
 * Anchors of comments in the plan's text, and how they are found again after the text changed.
 *
 * A comment on a span stores its paragraph key (stable across revisions), the revision its author
 * read, the quote, up to 32 characters before and after it, and its offset in the paragraph's
 * plain text. Re-anchoring works inside that paragraph only, like Hypothesis: exact occurrences
 * first, then an approximate search (approx-string-match, Myers' algorithm) scoring quote
 * similarity 50, prefix 20, suffix 20 and nearness to the old offset 2.
 *
 * Unlike Hypothesis it refuses look-alikes: an occurrence of the quote is only taken when the text
 * around it supports it, or when the quote is long, unique, and its old place was not rewritten.
 * When the author of the plan changed the quoted words, the comment keeps its original quote and
 * says so ("Text geändert in Fassung N") instead of jumping to another "Herr Müller".
 */

export const CONTEXT_CHARS = 32;

export type Anchor = { quote: string; prefix: string; suffix: string; offset: number };

export type AnchorResult =
  /** The quote stands unchanged in the paragraph (at `start`; it may have moved). */
  | { status: "exact"; start: number; end: number }
  /** The quote's place was found but its words differ a little (a typo fixed, a word inflected). */
  | { status: "fuzzy"; start: number; end: number }
  /** The quoted words were changed or removed: show the original quote and that the text changed. */
  | { status: "changed" }
  /** The paragraph itself is gone. */
  | { status: "removed" };

/** A block's words as the reader sees them: tags out, entities decoded, whitespace collapsed. */
export function paragraphText(html: string): string {
  // Items, cells and line breaks are separate words for the reader (and for the sentence picker).
  return decodeEntities(html.replace(/<br\s*\/?>|<\/(li|td|th|p|caption)>/gi, " ").replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp|#39);/gi, (m, code: string) => {
    const c = code.toLowerCase();
    if (c === "amp") return "&";
    if (c === "lt") return "<";
    if (c === "gt") return ">";
    if (c === "quot") return '"';
    if (c === "apos" || c === "#39") return "'";
    if (c === "nbsp") return " ";
    if (c.startsWith("#x")) return String.fromCodePoint(parseInt(c.slice(2), 16));
    if (c.startsWith("#")) return String.fromCodePoint(parseInt(c.slice(1), 10));
    return m;
  });
}

export type Sentence = { start: number; end: number; text: string };

/** The sentences of a paragraph's text, for the keyboard sentence picker. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A sentence ends at . ! ? (with closing quotes or brackets) before a space and a capital, digit or
  // opening quote; not after an ordinal ("3. Kapitel"), a single letter ("z. B.") or a usual abbreviation.
  const re = /(?<!(?:^|[\s(])(?:\d{1,3}|[A-Za-zÄÖÜäöü]|bzw|ggf|usw|vgl|Nr|Abs|Dr|Hr|Fr|ca|inkl|evtl|sog))[.!?…]+["“”»)]*\s+(?=[A-ZÄÖÜ0-9„"»(])/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    out.push({ start, end, text: text.slice(start, end) });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out.filter((s) => s.text.trim() !== "");
}

/** The anchor of `text.slice(start, end)`: the quote and its context. */
export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    offset: start,
  };
}

/**
 * The place of `quote` in `text` nearest to the `offset` the author's browser reported (the two
 * count characters a little differently at most), or null when the quote is not in the text.
 */
export function locateQuote(text: string, quote: string, offset: number): Anchor | null {
  const q = quote.replace(/\s+/g, " ").trim();
  if (!q) return null;
  let best: { start: number; end: number } | null = null;
  const consider = (start: number, end: number) => {
    if (!best || Math.abs(start - offset) < Math.abs(best.start - offset)) best = { start, end };
  };
  for (let i = text.indexOf(q); i !== -1; i = text.indexOf(q, i + 1)) consider(i, i + q.length);
  if (!best && q.length <= 2000) {
    // A selection across list items or table cells reaches the server without the space between them.
    const loose = new RegExp([...q.replace(/\s/g, "")].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s?"), "g");
    for (let m = loose.exec(text); m; m = loose.exec(text)) {
      consider(m.index, m.index + m[0].length);
      loose.lastIndex = m.index + 1;
    }
  }
  const found = best as { start: number; end: number } | null;
  return found ? anchorAt(text, found.start, found.end) : null;
}

/** 1 for equal strings, 0 for nothing in common (edit distance relative to the pattern's length). */
function similarity(pattern: string, window: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, pattern, pattern.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : pattern.length;
  // A substring match may skip characters at the window's ends for free; count the length gap too.
  return Math.max(0, 1 - (errors + Math.max(0, pattern.length - window.length)) / pattern.length);
}

type Scored = { start: number; end: number; quote: number; prefix: number; suffix: number; score: number };

function score(text: string, a: Anchor, start: number, end: number, quoteSim: number): Scored {
  const prefix = a.prefix ? similarity(a.prefix, text.slice(Math.max(0, start - a.prefix.length), start)) : start === 0 ? 1 : 0.5;
  const suffix = a.suffix ? similarity(a.suffix, text.slice(end, end + a.suffix.length)) : end === text.length ? 1 : 0.5;
  const nearness = 1 - Math.min(1, Math.abs(start - a.offset) / Math.max(1, text.length));
  return { start, end, quote: quoteSim, prefix, suffix, score: 50 * quoteSim + 20 * prefix + 20 * suffix + 2 * nearness };
}

/** The text around a candidate agrees with the stored context on at least one side. */
const contextSupports = (c: Scored) => c.prefix >= 0.6 || c.suffix >= 0.6;

/** A long quote that occurs once is itself good evidence, even where the sentences around it moved. */
const MIN_SELF_EVIDENT_QUOTE = 16;
/** Below this similarity an approximate match is a different text, not an edited quote. */
const MIN_FUZZY_QUOTE = 0.75;

/**
 * Was the quote rewritten where it stood? The stored prefix and suffix are both still there, close
 * together, but the quote is no longer between them. Then an occurrence elsewhere is a look-alike.
 */
function rewrittenInPlace(text: string, a: Anchor): boolean {
  if (a.prefix.length < 8 || a.suffix.length < 8) return false;
  for (let p = text.indexOf(a.prefix); p !== -1; p = text.indexOf(a.prefix, p + 1)) {
    const from = p + a.prefix.length;
    const s = text.indexOf(a.suffix, from);
    if (s !== -1 && s - from <= a.quote.length * 3 + CONTEXT_CHARS && text.slice(from, s) !== a.quote) return true;
  }
  return false;
}

/**
 * Finds a stored anchor in a paragraph's new text (`null`: the paragraph is gone). `oldText` is the
 * paragraph's text in the revision the comment was written on, when known: an unchanged paragraph
 * keeps its comments exactly where they were.
 */
export function reanchor(anchor: Anchor, newText: string | null, oldText?: string | null): AnchorResult {
  if (newText === null) return { status: "removed" };
  const { quote } = anchor;
  if (!quote) return { status: "exact", start: 0, end: 0 };
  if (oldText != null && oldText === newText && newText.slice(anchor.offset, anchor.offset + quote.length) === quote) {
    return { status: "exact", start: anchor.offset, end: anchor.offset + quote.length };
  }

  const exact: Scored[] = [];
  for (let i = newText.indexOf(quote); i !== -1; i = newText.indexOf(quote, i + 1)) exact.push(score(newText, anchor, i, i + quote.length, 1));
  exact.sort((x, y) => y.score - x.score);
  const bestExact = exact[0];
  if (bestExact && contextSupports(bestExact)) return { status: "exact", start: bestExact.start, end: bestExact.end };

  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const fuzzy = search(newText, quote, maxErrors)
    .map((m) => score(newText, anchor, m.start, m.end, 1 - m.errors / quote.length))
    .filter((c) => c.quote < 1 && c.quote >= MIN_FUZZY_QUOTE && contextSupports(c))
    .sort((x, y) => y.score - x.score);
  const bestFuzzy = fuzzy[0];
  if (bestFuzzy) return { status: "fuzzy", start: bestFuzzy.start, end: bestFuzzy.end };

  // Moved with new neighbours: only a long quote that occurs once, and whose old place was not rewritten.
  if (bestExact && exact.length === 1 && quote.length >= MIN_SELF_EVIDENT_QUOTE && !rewrittenInPlace(newText, anchor)) {
    return { status: "exact", start: bestExact.start, end: bestExact.end };
  }
  return { status: "changed" };
}

export type RevisionText = { id: string; number: number; paragraphs: Map<string, string> };

export type AnchorState =
  | { status: "exact" | "fuzzy"; start: number; end: number; current: string }
  /** `since`: the first revision (number) in which the quote could no longer be found. */
  | { status: "changed" | "removed"; since: number | null };

/**
 * A comment's anchor against the current revision, and since which revision it no longer holds.
 * `revisions` are the section's revisions in ascending order, up to the current one; the comment
 * was written on `revisionId`.
 */
export function anchorState(anchor: Anchor & { paragraphKey: string; revisionId: string | null }, revisions: RevisionText[]): AnchorState {
  const current = revisions.at(-1);
  if (!current) return { status: "removed", since: null };
  const fromIndex = revisions.findIndex((r) => r.id === anchor.revisionId);
  const oldText = fromIndex === -1 ? null : (revisions[fromIndex]!.paragraphs.get(anchor.paragraphKey) ?? null);
  const newText = current.paragraphs.get(anchor.paragraphKey) ?? null;
  const result = reanchor(anchor, newText, oldText);
  if (result.status === "exact" || result.status === "fuzzy") return { ...result, current: newText!.slice(result.start, result.end) };
  // The first later revision where it fails is where the text changed.
  let since: number | null = current.number;
  for (const r of revisions.slice(fromIndex + 1)) {
    const s = reanchor(anchor, r.paragraphs.get(anchor.paragraphKey) ?? null, oldText).status;
    if (s === "changed" || s === "removed") {
      since = r.number;
      break;
    }
  }
  return { status: result.status, since };
}
